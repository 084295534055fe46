"""Published forms of a plan's text, made as issuers make them: a .docx (python-docx),
a PDF with a text layer (reportlab, the CID font STSong-Light: no font files needed)
and a saved web page with the site's furniture around the article (UTF-8 or GB2312).

Each function takes a plan's plain text and returns the bytes of the document;
reading the document back must give the same plan (tests/test_readers.py).  The
page layout is the one of GB/T 9704 copies: the body indented two characters,
headings at the left, a running header from the second page on and the page number
(— N —) at the foot of every page.
"""

from __future__ import annotations

import html
import io
import zipfile
from collections.abc import Iterator, Sequence

from .hostile import pdf_file

#: Text written at the top of every page after the first, and removed by the reader.
RUNNING_HEADER = "福建省人民政府办公厅文件"


def _paragraphs(text: str) -> Iterator[tuple[bool, str]]:
    """(indented, content) for each line; content is "" for a blank line."""
    for line in text.splitlines():
        content = line.strip(" \t\u3000")
        yield (content != "" and line[:1] in " \t\u3000", content)


# ---------------------------------------------------------------- .docx


def make_docx(text: str, table: Sequence[Sequence[str]] | None = None, table_after: str | None = None) -> bytes:
    """A Word document: one paragraph per line of ``text`` (blank lines kept as empty
    paragraphs, indentation as a first-line indent), a header and a footer with a page
    number field (neither is plan text), and ``table`` (rows of cells, the first the
    header) inserted after the paragraph equal to ``table_after`` (at the end when None)."""
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = RUNNING_HEADER
    footer = section.footer.paragraphs[0]
    footer.add_run("— ")
    for kind, value in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            footer.add_run()._r.append(char)
        else:
            instr = OxmlElement("w:instrText")
            instr.text = value
            footer.add_run()._r.append(instr)
    footer.add_run(" —")
    placed = table is None
    for indented, content in _paragraphs(text):
        paragraph = document.add_paragraph(content)
        if indented:
            paragraph.paragraph_format.first_line_indent = Pt(32)
        if not placed and table_after is not None and content == table_after:
            _add_table(document, table or [])
            placed = True
    if not placed:
        _add_table(document, table or [])
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _add_table(document: object, rows: Sequence[Sequence[str]]) -> None:
    width = max(len(row) for row in rows)
    table = document.add_table(rows=len(rows), cols=width)  # type: ignore[attr-defined]
    for cells, row in zip(table.rows, rows, strict=True):
        for cell, value in zip(cells.cells, row, strict=False):
            lines = value.split("\n")
            cell.paragraphs[0].text = lines[0]
            for more in lines[1:]:
                cell.add_paragraph(more)


#: What make_numbered_docx must read as: Word draws the numbers, the text has none.
NUMBERED_LINES = [
    "关于印发某某工作要点的通知",
    "一、\t总体要求",
    "（一）\t指导思想。坚持质量第一。",
    "（二）\t基本原则。",
    "1. 目标明确。",
    "二、\t重点任务",
    "（一）\t加强标准化。（牵头单位：县市场监管局）",
    "①加强计量。",
]


def make_numbered_docx() -> bytes:
    """A .docx whose headings are numbered by Word (一、 （一） 1. ①), one of them through
    its paragraph style, with a header and footer."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = RUNNING_HEADER
    numbering = document.part.numbering_part.element
    levels = [("chineseCounting", "%1、", "tab"), ("chineseCounting", "（%2）", "tab"), ("decimal", "%3.", "space")]
    xml = "".join(
        f'<w:lvl w:ilvl="{n}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
        f'<w:suff w:val="{suff}"/></w:lvl>'
        for n, (fmt, text, suff) in enumerate(levels)
    )
    numbering.insert(0, parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">{xml}</w:abstractNum>'))
    circled = '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimalEnclosedCircle"/><w:lvlText w:val="%1"/>'
    circled += '<w:suff w:val="nothing"/></w:lvl>'
    numbering.insert(1, parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="91">{circled}</w:abstractNum>'))
    for num, abstract in (("90", "90"), ("91", "91")):
        numbering.append(
            parse_xml(f'<w:num {nsdecls("w")} w:numId="{num}"><w:abstractNumId w:val="{abstract}"/></w:num>')
        )
    styles = document.styles.element
    styles.append(
        parse_xml(
            f'<w:style {nsdecls("w")} w:type="paragraph" w:styleId="Circled"><w:name w:val="Circled"/>'
            '<w:pPr><w:numPr><w:numId w:val="91"/></w:numPr></w:pPr></w:style>'
        )
    )
    document.add_paragraph("关于印发某某工作要点的通知")
    for text, level in (("总体要求", 0), ("指导思想。坚持质量第一。", 1), ("基本原则。", 1), ("目标明确。", 2)):
        _numbered(document.add_paragraph(text), level)
    _numbered(document.add_paragraph("重点任务"), 0)
    _numbered(document.add_paragraph("加强标准化。（牵头单位：县市场监管局）"), 1)
    document.add_paragraph("加强计量。", style="Circled")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _numbered(paragraph: object, level: int) -> None:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    properties = paragraph._p.get_or_add_pPr()  # type: ignore[attr-defined]
    properties.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'))


def make_tracked_docx() -> bytes:
    """A .docx with a tracked insertion and deletion, a smart tag, a simple field and a
    content control: text python-docx does not see."""
    data = make_docx("一、总则\n（一）总的要求。\n")
    source = zipfile.ZipFile(io.BytesIO(data))
    xml = source.read("word/document.xml").decode()
    extra = (
        '<w:p><w:r><w:t>（三）推进</w:t></w:r><w:ins w:id="1" w:author="a" w:date="2023-01-01T00:00:00Z">'
        '<w:r><w:t>计量</w:t></w:r></w:ins><w:del w:id="2" w:author="a" w:date="2023-01-01T00:00:00Z"><w:r>'
        '<w:delText>删去的字</w:delText></w:r></w:del><w:smartTag w:uri="urn:x" w:element="place"><w:r><w:t>工作'
        '</w:t></w:r></w:smartTag><w:fldSimple w:instr=" DOCPROPERTY x "><w:r><w:t>。</w:t></w:r></w:fldSimple></w:p>'
        "<w:sdt><w:sdtPr/><w:sdtContent><w:p><w:r><w:t>（四）控件中的段落。</w:t></w:r></w:p></w:sdtContent></w:sdt>"
    )
    xml = xml.replace("<w:sectPr", extra + "<w:sectPr", 1)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for info in source.infolist():
            archive.writestr(info, xml if info.filename == "word/document.xml" else source.read(info))
    return out.getvalue()


# ---------------------------------------------------------------- PDF

PAGE_WIDTH, PAGE_HEIGHT = 595.0, 842.0  # A4 in points
LEFT, RIGHT, TOP, BOTTOM = 79.0, 74.0, 105.0, 99.0  # GB/T 9704 margins (28/26/37/35 mm)
SIZE, LEADING = 16.0, 28.0  # 三号 type, 28 points between lines
FONT = "STSong-Light"


def _font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    return FONT


def wrap(content: str, indent: bool, break_words: bool = False) -> list[str]:
    """The lines a paragraph takes on the page: broken at any CJK character, and between
    words in a run of Latin letters and digits, as Word breaks them (or anywhere, as
    some typesetters do, with ``break_words``)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    _font()
    width = PAGE_WIDTH - LEFT - RIGHT
    room = width - (2 * SIZE if indent else 0)
    lines: list[str] = []
    line = ""
    for token in content if break_words else _tokens(content):
        if line and stringWidth(line + token, FONT, SIZE) > room:
            if token == " ":
                token = ""
            lines.append(line)
            line, room = token, width
            if stringWidth(line, FONT, SIZE) > room:  # a word longer than a line
                line = token
        else:
            line += token
    return [*lines, line] if line else lines


def _tokens(content: str) -> Iterator[str]:
    word = ""
    for char in content:
        if char.isascii() and char.isalnum():
            word += char
            continue
        if word:
            yield word
            word = ""
        yield char
    if word:
        yield word


def make_pdf(text: str, running_header: bool = True, page_numbers: bool = True, break_words: bool = False) -> bytes:
    """A PDF with a text layer: the lines of ``text`` set in STSong-Light and wrapped to
    the page; a blank line leaves a blank line; a page number at the foot of each page,
    a running header from page 2 on."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=(PAGE_WIDTH, PAGE_HEIGHT), pageCompression=1)
    font = _font()
    page, y = 1, PAGE_HEIGHT - TOP

    def furniture() -> None:
        if running_header and page > 1:
            pdf.setFont(font, 10.5)
            pdf.drawCentredString(PAGE_WIDTH / 2, PAGE_HEIGHT - 60, RUNNING_HEADER)
        if page_numbers:
            pdf.setFont(font, 14)
            pdf.drawCentredString(PAGE_WIDTH / 2, 50, f"— {page} —")

    furniture()
    for indented, content in _paragraphs(text):
        lines = wrap(content, indented, break_words) if content else [""]
        for n, line in enumerate(lines):
            if y < BOTTOM:
                pdf.showPage()
                page, y = page + 1, PAGE_HEIGHT - TOP
                furniture()
            if line:
                pdf.setFont(font, SIZE)
                x = LEFT + (2 * SIZE if indented and n == 0 else 0)
                if (
                    not indented
                    and len(lines) == 1
                    and stringWidth(line, font, SIZE) < 0.8 * (PAGE_WIDTH - LEFT - RIGHT)
                ):
                    x = LEFT  # headings and short lines at the left
                pdf.drawString(x, y, line)
            y -= LEADING
    pdf.showPage()
    pdf.save()
    return out.getvalue()


def make_scanned_pdf() -> bytes:
    """A PDF whose pages are only pictures, as a scanner makes them: no text layer."""
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=(PAGE_WIDTH, PAGE_HEIGHT))
    for _ in range(2):
        pdf.setFillGray(0.2)
        for row in range(30):
            pdf.rect(LEFT, PAGE_HEIGHT - TOP - row * LEADING, 400, 10, fill=1, stroke=0)
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def make_unmapped_pdf() -> bytes:
    """A PDF whose text is set in a font with no map to Unicode (Identity-H, no ToUnicode, no
    font program), as some converters leave it: the text layer holds glyph numbers only."""
    content = b"BT /F1 24 Tf 72 700 Td <00410042004300440045> Tj 0 -30 Td <0046004700480049> Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >>"
        b" /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        b"<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /DescendantFonts [6 0 R] >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /X"
        b" /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>",
    ]
    return pdf_file(objects)


# ---------------------------------------------------------------- HTML

PAGE = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>{title}_政府信息公开_某某省人民政府门户网站</title>
<meta name="ArticleTitle" content="{title}">
<meta name="PubDate" content="{date} 09:30">
<link rel="stylesheet" href="/css/style.css">
<script type="text/javascript">var _hmt = _hmt || []; document.write("<p>统计代码</p>");</script>
<style>.nav li {{ float: left; }} p.x {{ color: red; }}</style>
</head>
<body>
<div class="top-bar"><a href="/">首页</a> | <a href="/en/">English</a> | <a href="/wza/">无障碍</a> | 长者模式</div>
<div class="header"><img src="/images/logo.png" alt="某某省人民政府">
<form action="/search"><input name="q"></form></div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li>
<li><a href="/hdjl/">互动交流</a></li>
<li><a href="/bsfw/">办事服务</a></li><li><a href="/zjfj/">走进某某</a></li></ul>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 政策文件</div>
<div class="article">
<h1 class="article-title">{title}</h1>
<div class="info"><span>来源：省政府办公厅</span> <span>发布时间：{date}</span>
<span>浏览次数：<script>document.write(1234)</script>343</span>
<a href="javascript:window.print()">【打印】</a><a href="javascript:window.close()">【关闭】</a></div>
<div class="share">分享到：<a class="weixin">微信</a><a class="weibo">微博</a><a class="qzone">QQ空间</a></div>
<div id="zoom" class="TRS_Editor">
{body}
</div>
<div class="attachments">附件：<a href="/files/plan.docx">下载</a></div>
</div>
<div class="related"><h3>相关文章</h3><ul><li><a href="/a/1.html">关于做好全省质量工作的通知</a></li>
<li><a href="/a/2.html">省市场监管局召开质量工作会议</a></li>
<li><a href="/a/3.html">质量强省建设取得新进展</a></li></ul></div>
<div class="footer"><p>主办：某某省人民政府办公厅 承办：某某省信息中心</p>
<p>网站标识码：3500000001 <a href="https://beian.miit.gov.cn/">闽ICP备12345678号</a> 闽公网安备 35010202000001号</p>
<p>联系我们 | 网站地图 | 隐私声明</p></div>
<script src="/js/share.js"></script>
</body>
</html>
"""


def make_html(title: str, text: str, charset: str = "utf-8", date: str = "2023-07-17") -> bytes:
    """A saved page of an issuer's site: ``title`` as its heading, the lines of ``text``
    as the article's paragraphs, inside navigation, a breadcrumb, an information bar
    with the publication ``date``, share buttons, related links, a footer and scripts,
    encoded in ``charset`` and declaring it."""
    paragraphs = [content for _, content in _paragraphs(text) if content]
    body = "\n".join(_paragraph_html(content) for content in paragraphs)
    page = PAGE.format(charset=charset, title=html.escape(title), date=date, body=body)
    return page.encode("gb18030" if charset.lower() in ("gb2312", "gbk") else charset)


def _paragraph_html(content: str) -> str:
    style = ' style="text-indent: 2em;"'
    return f"<p{style}>{html.escape(content, quote=False)}</p>"
