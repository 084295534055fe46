"""A saved web page (.html, .htm) -> the article's text, as the page shows it.

Reads the page with the standard library's ``html.parser`` into a small tree and
keeps the article only::

    <h1>关于印发…的通知</h1>                          -> its first line (the title)
    <span>发布时间：2023-07-17</span>                 -> 发布时间：2023-07-17
    <div id="zoom"><p>一、总体要求</p>…</div>          -> the body, one line per paragraph
    navigation, breadcrumb, share buttons, related links, footer, scripts -> dropped

The article's container is the element with a known id or class of government
sites (zoom, TRS_Editor, article-content …) that holds most of the text, else the
element whose paragraphs hold the most text (text density).  The title (from
<h1>, the ArticleTitle meta, or <title>) and the publication date (the page's
发布时间/发布日期 text, else its PubDate meta, written ``发布时间：DATE``) come first
when the container does not hold them.  Paragraphs, list items, headings and
<br> are line breaks; tables go through tables.py.

The charset is the one the page declares (a BOM, then <meta charset> or
http-equiv), GB2312 and GBK read as their superset GB18030, decoded strictly;
a page that declares UTF-8 but is not is read as GB18030, and one that declares
GB2312 but is valid UTF-8 as UTF-8 (both common on government sites).  Only the
encodings of the WHATWG Encoding Standard (what browsers accept) are read, under
its names (latin1 is windows-1252, a meta that says UTF-16 means UTF-8); a charset
that is a codec, not a text encoding (rot13, base64, zlib, hex, uu, bz2, utf-7,
unicode_escape …), is refused.

Bounded as browsers bound a page: an element nested deeper than
limits.MAX_HTML_DEPTH is read as if it stood at that depth (its text is kept),
colspan and rowspan count up to limits.MAX_HTML_SPAN, and a table of more than
limits.MAX_TABLE_CELLS cells is refused.  The page is walked with stacks, never by
recursion on its depth.

Why the standard library (measured on a 20,000-character page, 2026-11): html.parser
tokenises it in 1 ms; lxml and selectolax in 0.3 ms but cost 18 and 10 ms to
import; BeautifulSoup 4 ms plus 59 ms to import.  One page per call: stdlib wins.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from html.parser import HTMLParser

from zhiliang_cli import limits
from zhiliang_cli._version import __version__
from zhiliang_cli.errors import InputError
from zhiliang_cli.source import RawSource

from . import Extracted
from .tables import render_table

VOID = frozenset(
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"]
)
DROP = frozenset(
    ["script", "style", "noscript", "template", "iframe", "object", "svg", "button", "select", "textarea", "head"]
)
BLOCK = frozenset(
    [
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "section",
        "article",
        "header",
        "footer",
        "main",
        "aside",
        "nav",
        "blockquote",
        "pre",
        "address",
        "figure",
        "figcaption",
        "center",
        "form",
        "hr",
        "caption",
        "fieldset",
        "legend",
        "details",
        "summary",
    ]
)
#: Tags a new one of which closes an open one (<p> left open by the page's author).
AUTO_CLOSE = {"p": {"p"}, "li": {"li"}, "dt": {"dt", "dd"}, "dd": {"dt", "dd"}, "tr": {"tr"}, "td": {"td", "th"}}
AUTO_CLOSE["th"] = AUTO_CLOSE["td"]
#: ids and classes of an article's container on government sites, most specific first.
CONTENT_HINTS = (
    "zoom",
    "ucap-content",
    "trs_editor",
    "trs_ueditor",
    "article-content",
    "article_content",
    "articlecontent",
    "pages_content",
    "pages-content",
    "xxgk_content",
    "wz_content",
    "art_con",
    "newscon",
    "main-text",
    "content",
    "con",
    "txt",
    "detail",
)
#: Words in an id or class that mark site furniture inside an article.
FURNITURE = re.compile(
    r"share|bdshare|print|close|nav|menu|crumb|breadcrumb|related|relevant|comment|footer|copyright|"
    r"toolbar|fontsize|font-size|search|login|qrcode|ewm|attach-?list|pager",
    re.IGNORECASE,
)
#: The page's publication date as it states it: 发布时间：2023-07-17, 发布日期: 2023年7月17日.
RE_DATE_TEXT = re.compile(
    r"""(?:发布时间|发布日期|发文日期|成文日期)    # the label
        \s*[:：]\s*                               # its colon
        \d{4}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2}日?   # the date
    """,
    re.VERBOSE,
)
#: The charset a page declares in its first bytes: <meta charset="gb2312"> or http-equiv.
RE_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.IGNORECASE)
RE_SPACE = re.compile(r"[ \t\r\n\f]+")
RE_LINE_END = re.compile(r"\r\n?")
#: Elements whose white space is shown as written, line breaks included.
PREFORMATTED = frozenset(["pre", "listing", "plaintext", "xmp"])
GB = ("gb2312", "gbk", "gb_2312-80", "x-gbk", "cp936", "gb18030", "euc-cn", "csgb2312")
#: The encodings a page may declare: those of the WHATWG Encoding Standard, which browsers
#: read, as Python names them (after codecs.lookup), each with the codec browsers use for it.
PAGE_ENCODINGS = {
    "utf-8": "utf-8",
    "utf-16": "utf-8",  # a <meta> that says UTF-16 was read as ASCII: the page is not UTF-16
    "utf-16-le": "utf-8",
    "utf-16-be": "utf-8",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "gb18030": "gb18030",
    "big5": "big5hkscs",
    "big5hkscs": "big5hkscs",
    "euc_jp": "euc_jp",
    "iso2022_jp": "iso2022_jp",
    "shift_jis": "cp932",
    "cp932": "cp932",
    "euc_kr": "cp949",
    "cp949": "cp949",
    "ascii": "cp1252",
    "iso8859-1": "cp1252",
    "cp866": "cp866",
    "koi8-r": "koi8-r",
    "koi8-u": "koi8-u",
    "mac-roman": "mac-roman",
    "mac-cyrillic": "mac-cyrillic",
    "tis-620": "cp874",
    "iso8859-11": "cp874",
    "cp874": "cp874",
    **{f"iso8859-{n}": f"iso8859-{n}" for n in (2, 3, 4, 5, 6, 7, 8, 10, 13, 14, 15, 16)},
    **{f"cp{n}": f"cp{n}" for n in range(1250, 1259)},
}
#: WHATWG labels Python does not know, as the names above.
PAGE_LABELS = {
    "windows-874": "cp874",
    "x-mac-cyrillic": "mac-cyrillic",
    "x-mac-ukrainian": "mac-cyrillic",
    "iso-8859-8-i": "iso8859-8",
    "unicode-1-1-utf-8": "utf-8",
    "unicode11utf8": "utf-8",
    "unicode20utf8": "utf-8",
    "x-unicode20utf8": "utf-8",
    "x-sjis": "cp932",
    "ms932": "cp932",
    "windows-31j": "cp932",
    "x-x-big5": "big5hkscs",
    "x-euc-jp": "euc_jp",
}
DATE_METAS = ("pubdate", "publishdate", "firstpublishedtime", "article:published_time", "dc.date", "dcterms.created")
TITLE_METAS = ("articletitle", "og:title", "title")


class Node:
    """An element of the page: its tag, attributes and children (nodes and text)."""

    __slots__ = ("attrs", "children", "parent", "tag")

    def __init__(self, tag: str, attrs: dict[str, str], parent: Node | None) -> None:
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Node | str] = []

    def words(self) -> set[str]:
        return {w.lower() for w in (self.attrs.get("class", "") + " " + self.attrs.get("id", "")).split()}

    def iter(self) -> Iterator[Node]:
        """This node and every node inside it, in document order."""
        stack = [self]
        while stack:
            node = stack.pop()
            yield node
            stack += reversed([child for child in node.children if isinstance(child, Node)])


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {}, None)
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        closes = AUTO_CLOSE.get(tag)
        if closes and self.stack[-1].tag in closes:
            self.stack.pop()
        elif tag == "p" and any(n.tag == "p" for n in self.stack[-3:]):
            while self.stack[-1].tag != "p":
                self.stack.pop()
            self.stack.pop()
        node = Node(tag, {k: v or "" for k, v in attrs}, self.stack[-1])
        self.stack[-1].children.append(node)
        if tag not in VOID and len(self.stack) <= limits.MAX_HTML_DEPTH:  # deeper: its content goes to its parent
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs}, self.stack[-1])
        self.stack[-1].children.append(node)

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def decode_page(raw: RawSource) -> tuple[str, str]:
    """The page's text and the encoding it was read in (see the module's docstring).

    >>> decode_page(RawSource("p", '<meta charset="gb2312"><p>质量</p>'.encode("gbk"), ""))
    ('<meta charset="gb2312"><p>质量</p>', 'gb18030')
    """
    data = raw.data
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return _strict(raw, codec), codec
    declared = RE_CHARSET.search(data[:4096])
    name = page_encoding(declared.group(1).decode("ascii"), raw.path) if declared else None
    if name == "gb18030" and not data.isascii() and _is_utf8(data):
        name = "utf-8"
    if name in (None, "utf-8") and not _is_utf8(data):
        name = "gb18030"
    return _strict(raw, name or "utf-8"), name or "utf-8"


def page_encoding(label: str, shown: str) -> str:
    """The codec of a page that declares the charset ``label``: one of the text encodings
    browsers read (:data:`PAGE_ENCODINGS`); anything else is refused.

    >>> page_encoding("GB2312", "p"), page_encoding("latin1", "p"), page_encoding("UTF-16", "p")
    ('gb18030', 'cp1252', 'utf-8')
    >>> page_encoding("rot13", "p.html")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    zhiliang_cli.errors.InputError: p.html declares the charset 'rot13', which is not a text encoding ...
    """
    key = label.strip().lower()
    try:
        name = PAGE_LABELS.get(key) or codecs.lookup(key).name
    except LookupError:
        name = ""
    if name not in PAGE_ENCODINGS:
        raise InputError(
            f"{shown} declares the charset {limits.excerpt(label)}, which is not a text encoding web pages are "
            "written in: save the page again as UTF-8"
        )
    return PAGE_ENCODINGS[name]


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _strict(raw: RawSource, encoding: str) -> str:
    try:
        return raw.data.decode(encoding)
    except UnicodeDecodeError as error:
        raise InputError(
            f"{raw.path} is not valid {encoding} (undecodable byte at offset {error.start}): "
            "save the page again, or convert it to UTF-8"
        ) from None


def parse_page(text: str) -> Node:
    builder = _TreeBuilder()
    builder.feed(text)
    builder.close()
    return builder.root


def _visible(node: Node) -> bool:
    style = node.attrs.get("style", "").replace(" ", "").lower()
    return node.tag not in DROP and "display:none" not in style and "hidden" not in node.attrs


def lines_of(node: Node, furniture: bool = False, pre: bool | None = None) -> list[str]:
    """The lines a reader sees in ``node``: blocks and <br> break lines, white space
    collapses, tables go through tables.py; furniture inside is dropped unless asked.
    ``pre``: whether ``node`` is inside preformatted text (found from its ancestors when
    not given)."""
    out: list[str] = [""]
    if pre is None:
        pre = any(_is_preformatted(n) for n in _self_and_ancestors(node))
    _walk(node, out, furniture, pre)
    lines = [line.strip(" ") for part in out for line in part.split("\n")]
    return [line for line in lines if line.strip()]


def _walk(node: Node, out: list[str], furniture: bool, pre: bool = False) -> None:
    """Text in <pre> (a page made from a plain-text file) keeps its line breaks.  Walked with
    a stack of (children, preformatted, is a block) frames, not by recursion."""
    stack: list[tuple[Iterator[Node | str], bool, bool]] = [(iter(node.children), pre, False)]
    while stack:
        children, pre, block = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            if block:
                out.append("")
        elif isinstance(child, str):
            out[-1] += RE_LINE_END.sub("\n", child) if pre else RE_SPACE.sub(" ", child)
        elif not _visible(child) or (not furniture and FURNITURE.search(" ".join(child.words()))):
            continue
        elif child.tag == "br":
            out[-1] += "\n"
        elif child.tag == "table":
            inner = pre or _is_preformatted(child)
            out.append("\n".join(lines_of(_foster(child), furniture, inner)))  # text outside its cells
            out.append("")
            out.append("\n".join(render_table(_table_rows(child, inner))))
            out.append("")
        else:
            block = child.tag in BLOCK or child.tag in ("tr", "td", "th", "tbody", "thead")
            if block:
                out.append("")
            stack.append((iter(child.children), pre or _is_preformatted(child), block))


def _is_preformatted(node: Node) -> bool:
    return node.tag in PREFORMATTED or "white-space:pre" in node.attrs.get("style", "").replace(" ", "").lower()


def _self_and_ancestors(node: Node) -> Iterator[Node]:
    found: Node | None = node
    while found is not None:
        yield found
        found = found.parent


def _table_rows(table: Node, pre: bool) -> list[list[str]]:
    """Rows of cell texts, cells spanning rows or columns repeated in each (a cell's
    lines joined by newlines)."""
    rows: list[list[str]] = []
    pending: dict[int, tuple[int, str]] = {}  # column -> (rows left, text) of a rowspan
    count = 0
    for tr in _own_rows(table):
        if count > limits.MAX_TABLE_CELLS:
            raise TableTooLarge
        row: list[str] = []
        cells = [c for c in tr.children if isinstance(c, Node) and c.tag in ("td", "th")]
        for cell in cells:
            while len(row) in pending:
                row.append(_take(pending, len(row)))
            text = "\n".join(lines_of(cell, pre=pre or _is_preformatted(cell)))
            span, down = _span(cell, "colspan"), _span(cell, "rowspan")
            for _ in range(span):
                if down > 1:
                    pending[len(row)] = (down - 1, text)
                row.append(text)
        while len(row) in pending:
            row.append(_take(pending, len(row)))
        rows.append(row)
        count += len(row)
    if count > limits.MAX_TABLE_CELLS:
        raise TableTooLarge
    return rows


class TableTooLarge(Exception):
    """A table of more than limits.MAX_TABLE_CELLS cells (read_html names the file)."""


TABLE_PARTS = frozenset(["tbody", "thead", "tfoot", "tr"])


def _foster(table: Node) -> Node:
    """What a table holds outside its cells (text or elements straight in a row, a
    caption, an element nested past limits.MAX_HTML_DEPTH), in order, as one element:
    browsers show it before the table ("foster parenting"), and so does zl."""
    foster = Node("div", {}, table.parent)
    stack = [iter(table.children)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
        elif isinstance(child, Node) and child.tag in TABLE_PARTS:
            stack.append(iter(child.children))
        elif not (isinstance(child, Node) and child.tag in ("td", "th", "col", "colgroup")):
            foster.children.append(child)
    return foster


def _own_rows(table: Node) -> Iterator[Node]:
    """The rows of ``table``, in order, not those of a table inside it."""
    stack = [table]
    while stack:
        node = stack.pop()
        if node.tag == "tr":
            yield node
        if node is table or node.tag != "table":
            stack += reversed([child for child in node.children if isinstance(child, Node)])


def _take(pending: dict[int, tuple[int, str]], column: int) -> str:
    left, text = pending.pop(column)
    if left > 1:
        pending[column] = (left - 1, text)
    return text


def _span(cell: Node, name: str) -> int:
    """A cell's colspan or rowspan: 1 when it is not a number, at most limits.MAX_HTML_SPAN.

    >>> [_span(Node("td", {"colspan": v}, None), "colspan") for v in ("3", "x", "0", "²", "9" * 5000)]
    [3, 1, 1, 1, 100]
    """
    value = cell.attrs.get(name, "1").strip()
    if not (value.isascii() and value.isdigit()):
        return 1
    return max(1, min(int(value[:4]), limits.MAX_HTML_SPAN)) if len(value) <= 4 else limits.MAX_HTML_SPAN


def _text_size(node: Node) -> int:
    return sum(len(line) for line in lines_of(node))


def find_article(root: Node) -> Node:
    """The element that holds the article: a known container, else the densest."""
    scores: dict[int, float] = {}
    nodes: dict[int, Node] = {}
    hinted: dict[str, list[Node]] = {hint: [] for hint in CONTENT_HINTS}
    for node in root.iter():
        if not _visible(node):
            continue
        if "class" in node.attrs or "id" in node.attrs:
            for hint in node.words() & hinted.keys():
                hinted[hint].append(node)
        if node.tag in ("p", "td", "pre", "div", "li", "span", "font"):
            own = sum(len(RE_SPACE.sub("", c)) for c in node.children if isinstance(c, str))
            for weight, holder in ((1.0, node.parent), (0.5, node.parent.parent if node.parent else None)):
                if own and holder is not None:
                    scores[id(holder)] = scores.get(id(holder), 0.0) + weight * own
                    nodes[id(holder)] = holder
    densest = nodes[max(scores, key=lambda k: scores[k])] if scores else root
    floor = 0.3 * _text_size(densest)
    for hint in CONTENT_HINTS:
        sized = [(n, _text_size(n)) for n in hinted[hint]]
        best = max(sized, key=lambda pair: pair[1], default=None)
        if best is not None and best[1] >= floor and best[1] > 0:
            return best[0]
    return densest


def _metas(root: Node) -> dict[str, str]:
    metas = {}
    for node in root.iter():
        if node.tag == "meta":
            key = (node.attrs.get("name") or node.attrs.get("property") or "").lower()
            if key and key not in metas:
                metas[key] = node.attrs.get("content", "").strip()
    return metas


def _title(root: Node, metas: dict[str, str]) -> str | None:
    for node in root.iter():
        if node.tag == "h1" and _visible(node):
            text = " ".join(lines_of(node, furniture=True))
            if text:
                return text
    for key in TITLE_METAS:
        if metas.get(key):
            return metas[key]
    for node in root.iter():
        if node.tag == "title":
            text = "".join(c for c in node.children if isinstance(c, str)).strip()
            return re.split(r"[_|｜]| - ", text)[0].strip() or None
    return None


def _date_line(root: Node, metas: dict[str, str]) -> str | None:
    for line in lines_of(root, furniture=True):
        match = RE_DATE_TEXT.search(line)
        if match:
            return match.group(0)
    for key in DATE_METAS:
        value = metas.get(key, "")
        match = re.match(r"\d{4}-\d{1,2}-\d{1,2}", value)
        if match:
            return f"发布时间：{match.group(0)}"
    return None


def article_lines(root: Node) -> list[str]:
    """The title, the publication date and the article's lines."""
    metas = _metas(root)
    body = lines_of(find_article(root))
    head = body[:3]
    title = _title(root, metas)
    date = _date_line(root, metas)
    lines = []
    squeezed = [RE_SPACE.sub("", line) for line in head]
    if title and not any(RE_SPACE.sub("", title) in line or line in RE_SPACE.sub("", title) for line in squeezed):
        lines.append(title)
    if date and not any(RE_DATE_TEXT.search(line) for line in head):
        lines.append(date)
    return lines + body


def read_html(raw: RawSource) -> Extracted:
    """The article of a saved web page."""
    text, encoding = decode_page(raw)
    try:
        lines = article_lines(parse_page(text))
    except TableTooLarge:
        raise InputError(
            f"{raw.path} has a table of over {limits.MAX_TABLE_CELLS:,} cells once merged cells are counted: "
            "is it really a plan?"
        ) from None
    if not lines:
        raise InputError(f"{raw.path} is a web page with no article text: save the page of the plan itself")
    return Extracted("\n".join(lines), "html", encoding, "zl html reader", __version__, paragraphs=len(lines))
