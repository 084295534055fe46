"""Hostile documents, made on demand and cheaply (issue 19): nothing here is committed
as a file, and the largest input takes milliseconds to make.

* Decompression bombs are written as deflate data by hand (:func:`deflate_repeat`): a
  fixed-Huffman block of copies of 258 bytes, whose bits repeat every few bytes, so a
  stream that inflates to gigabytes is a short pattern repeated, not gigabytes compressed.
* ZIP files (.docx) are written member by member (:func:`zip_file`), so that a member's
  declared size, its compressed data and the count of members are what the case says.
* PDFs are written object by object (:func:`pdf_file`), with their cross-reference table,
  so that a trailer, a page tree or a reference can point wherever the case says.

Every builder returns the bytes of one file; tests/test_hostile.py runs ``zl`` on each.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterable, Sequence

PLAN_LINES = (
    "一、总体要求",
    "（一）加强质量基础建设。完成地方标准10项以上。（牵头单位：省市场监管局）",
    "（二）推进品牌建设。培育企业50家。（牵头单位：省工信厅）",
)

# ---------------------------------------------------------------- deflate, by hand


class _Bits:
    """A deflate bit stream: values packed from the least significant bit, Huffman
    codes from their most significant bit (RFC 1951, 3.1.1)."""

    def __init__(self) -> None:
        self.bits: list[int] = []

    def value(self, value: int, width: int) -> None:
        self.bits += [(value >> k) & 1 for k in range(width)]

    def code(self, code: int, width: int) -> None:
        self.bits += [(code >> k) & 1 for k in range(width - 1, -1, -1)]

    def literal(self, byte: int) -> None:
        if byte < 144:
            self.code(0x30 + byte, 8)
        else:
            self.code(0x190 + byte - 144, 9)

    def fixed_block(self, data: bytes, last: bool) -> None:
        """A block of ``data`` as literals, in fixed Huffman codes."""
        self.value(int(last), 1)  # BFINAL
        self.value(1, 2)  # BTYPE 01
        for byte in data:
            self.literal(byte)
        self.code(0, 7)  # end of block (256)

    def dynamic_header(self, distance_code: int) -> None:
        """The header of a dynamic-Huffman block whose only codes are end of block (256, "0"),
        a copy of 258 bytes (285, "1") and one distance (``distance_code``, "0")."""
        self.value(0, 1)  # BFINAL: a block of literals follows
        self.value(2, 2)  # BTYPE 10: dynamic Huffman codes
        self.value(29, 5)  # HLIT: 286 literal/length codes
        self.value(distance_code, 5)  # HDIST: distance_code + 1 distance codes
        self.value(14, 4)  # HCLEN: 18 code length codes, in the order below
        lengths = {18: 1, 0: 2, 1: 2}  # codes "0", "10", "11"
        for symbol in (16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1):
            self.value(lengths.get(symbol, 0), 3)
        zeros = {18: (0, 1), 0: (2, 2), 1: (3, 2)}

        def run_of_zeros(count: int) -> None:
            while count >= 11:
                step = min(count, 138)
                self.code(*zeros[18])
                self.value(step - 11, 7)
                count -= step
            for _ in range(count):
                self.code(*zeros[0])

        run_of_zeros(256)  # no literal
        self.code(*zeros[1])  # 256 (end of block): length 1
        run_of_zeros(28)  # lengths 257-284
        self.code(*zeros[1])  # 285 (258 bytes): length 1
        run_of_zeros(distance_code)
        self.code(*zeros[1])  # the distance: length 1

    def copy_258(self, distance: int) -> None:
        _, extra, base = _distance_code(distance)
        self.code(1, 1)  # 285
        self.code(0, 1)  # the one distance code
        self.value(distance - base, extra)

    def to_bytes(self) -> bytes:
        padded = self.bits + [0] * (-len(self.bits) % 8)
        return bytes(sum(bit << k for k, bit in enumerate(padded[i : i + 8])) for i in range(0, len(padded), 8))


def _distance_code(distance: int) -> tuple[int, int, int]:
    """(code, extra bits, base distance) of a deflate distance (RFC 1951, 3.2.5)."""
    base, code = 1, 0
    while True:
        extra = max(0, code // 2 - 1)
        if distance < base + (1 << extra):
            return code, extra, base
        base += 1 << extra
        code += 1


def deflate_repeat(seed: bytes, copies: int, head: bytes = b"", tail: bytes = b"") -> bytes:
    """Raw deflate data that inflates to ``head``, ``seed`` and ``copies`` × 258 more bytes
    of it repeated, then ``tail``: the seed as literals, then a block whose one length code (258) and one
    distance code take a bit each, about 1,000 times smaller than what it inflates to,
    as the densest bombs are.  The copies' bits repeat every few bytes, so a short stream
    is written bit by bit and its periodic middle repeated: made in a few milliseconds."""
    if not 0 < len(seed) <= 258 or 258 % len(seed):
        raise ValueError("the seed's length must divide 258")

    def stream(groups: int) -> bytes:
        bits = _Bits()
        bits.fixed_block(head + seed, last=False)
        bits.dynamic_header(_distance_code(len(seed))[0])
        for _ in range(groups * 8):  # 8 copies span a whole number of bytes
            bits.copy_258(len(seed))
        bits.code(0, 1)  # end of block
        bits.fixed_block(tail, last=True)
        return bits.to_bytes()

    groups, rest = divmod(copies, 8)
    if rest or groups < 3:
        raise ValueError("copies must be a multiple of 8, at least 24")
    # stream(g) is X + Y·g + Z: X and Z hold the bytes where the copies meet the header
    # and the end, Y (one byte per bit of a copy) the copies.  Past the common prefix p of
    # stream(2) and stream(3), a period of stream(3) is a rotation of Y, which may be
    # repeated there: stream(g) = s3[:p] + s3[p : p + period] × (g - 3) + s3[p:].
    s2, s3 = stream(2), stream(3)
    period = len(s3) - len(s2)
    p = next((k for k in range(len(s2)) if s2[k] != s3[k]), len(s2))
    return s3[:p] + s3[p : p + period] * (groups - 3) + s3[p:]


def zlib_repeat(seed: bytes, copies: int) -> bytes:
    """:func:`deflate_repeat` in a zlib wrapper (a PDF's FlateDecode), with its true Adler-32."""
    size = len(seed) + 258 * copies
    a, b = 1, 0
    if len(set(seed)) == 1:  # n equal bytes c: A = 1 + n·c, B = n + c·n(n+1)/2 (mod 65521)
        c = seed[0]
        a, b = (1 + size * c) % 65521, (size + c * size * (size + 1) // 2) % 65521
    else:
        checksum, block = 1, seed * (65536 // len(seed) or 1)
        for done in range(0, size, len(block)):
            checksum = zlib.adler32(block[: size - done], checksum)
        a, b = checksum & 0xFFFF, checksum >> 16
    return b"\x78\x01" + deflate_repeat(seed, copies) + struct.pack(">I", (b << 16) | a)


# ---------------------------------------------------------------- ZIP and .docx


class Member:
    """A member of a ZIP file: its name, its compressed data and the sizes it declares."""

    def __init__(self, name: str, data: bytes, *, deflated: bytes | None = None, size: int | None = None) -> None:
        self.name = name.encode()
        self.method = 8 if deflated is not None else 0
        self.stored = deflated if deflated is not None else data
        self.size = len(data) if size is None else size
        self.crc = zlib.crc32(data) if deflated is None or data else 0


def zip_file(members: Iterable[Member]) -> bytes:
    """A ZIP file of ``members``, each as it declares itself."""
    out, directory, count = bytearray(), bytearray(), 0
    for m in members:
        header = struct.pack(
            "<IHHHHHIIIHH", 0x04034B50, 20, 0, m.method, 0, 0x21, m.crc, len(m.stored), m.size, len(m.name), 0
        )
        directory += struct.pack(
            "<IHHHHHHIIIHHHHHII",
            0x02014B50, 20, 20, 0, m.method, 0, 0x21, m.crc, len(m.stored), m.size, len(m.name), 0, 0, 0, 0, 0,
            len(out),
        ) + m.name  # fmt: skip
        out += header + m.name + m.stored
        count += 1
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, len(directory), len(out), 0)
    return bytes(out + directory + end)


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    b'content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'
)


def paragraph(text: str, inside: str = "") -> str:
    return f"<w:p>{inside}<w:r><w:t>{text}</w:t></w:r></w:p>"


def document_xml(body: str, prolog: str = "") -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'
    ).encode()


PLAN_BODY = "".join(paragraph(line) for line in PLAN_LINES)


def docx(document: bytes | None = None, extra: Sequence[Member] = (), **parts: bytes) -> bytes:
    """A .docx of ``document`` (the plan's lines by default) and other parts given as
    ``numbering=…`` or ``styles=…``, all stored, with ``extra`` members after them."""
    members = [
        Member("[Content_Types].xml", CONTENT_TYPES),
        Member("word/document.xml", document if document is not None else document_xml(PLAN_BODY)),
    ]
    members += [Member(f"word/{name}.xml", data) for name, data in parts.items()]
    return zip_file([*members, *extra])


def numbering_xml(levels: str, num: str = '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>') -> bytes:
    return (f'<w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="0">{levels}</w:abstractNum>{num}'
            "</w:numbering>").encode()  # fmt: skip


def level(ilvl: str = "0", start: str = "1", fmt: str = "chineseCounting", text: str = "%1、") -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'
    )


def numbered_paragraph(text: str, ilvl: str = "0", num: str = "1") -> str:
    return paragraph(text, f'<w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr></w:pPr>')


def table(cells: Sequence[Sequence[str]], span: str = "1") -> str:
    """A table whose first cell of each row declares ``w:gridSpan`` ``span``."""
    rows = []
    for row in cells:
        first = f'<w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr>'
        tcs = [f"<w:tc>{first if k == 0 else ''}{paragraph(c)}</w:tc>" for k, c in enumerate(row)]
        rows.append(f"<w:tr>{''.join(tcs)}</w:tr>")
    return f"<w:tbl>{''.join(rows)}</w:tbl>"


# ---------------------------------------------------------------- PDF

#: A CID font every PDF reader knows (Adobe-GB1, no font file), so a hand-made page can hold Chinese text.
CJK_FONT = (
    b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [%d 0 R] >>",
    b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light"
    b" /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /DW 1000 >>",
)


def text_content(lines: Sequence[str], size: int = 12) -> bytes:
    """A page's content: each line in the CJK font, one under the other."""
    ops = [b"BT /F1 %d Tf 14 TL 72 760 Td" % size]
    for line in lines:
        ops.append(b"<%s> Tj T*" % line.encode("utf-16-be").hex().upper().encode())
    ops.append(b"ET")
    return b"\n".join(ops)


def stream(data: bytes, attrs: bytes = b"") -> bytes:
    return b"<< /Length %d %s >>\nstream\n%s\nendstream" % (len(data), attrs, data)


def pdf_file(objects: Sequence[bytes], trailer: bytes = b"/Root 1 0 R", prev: int | None = None) -> bytes:
    """A PDF of ``objects`` (numbered from 1) with a cross-reference table and a trailer;
    ``prev`` is the /Prev offset the trailer gives (-1: the table's own offset)."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    start = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    extra = b"" if prev is None else b" /Prev %d" % (start if prev == -1 else prev)
    out += b"trailer\n<< /Size %d %s%s >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer, extra, start)
    return bytes(out)


def plan_pdf(
    content: bytes | None = None,
    contents: bytes = b"4 0 R",
    kids: bytes = b"[3 0 R]",
    more: Sequence[bytes] = (),
    prev: int | None = None,
) -> bytes:
    """A one-page PDF of the plan's lines: 1 catalog, 2 pages, 3 page, 4 content, 5–6 font,
    then ``more`` objects from 7 on; each piece can be replaced to make a case."""
    page = (
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents %s >>"
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids %s /Count 1 >>" % kids,
        page % contents,
        content if content is not None else stream(text_content(PLAN_LINES)),
        CJK_FONT[0] % 6,
        CJK_FONT[1],
        *more,
    ]
    return pdf_file(objects, prev=prev)


def many_pages_pdf(count: int) -> bytes:
    """A PDF of ``count`` pages that share one content stream."""
    kids = b" ".join(b"%d 0 R" % (7 + k) for k in range(count))
    page = (
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >>"
        b" /Contents 4 0 R >>"
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count),
        b"<< >>",
        stream(text_content(PLAN_LINES)),
        CJK_FONT[0] % 6,
        CJK_FONT[1],
        *([page] * count),
    ]
    return pdf_file(objects)


def deep_page_tree_pdf(depth: int) -> bytes:
    """A page tree ``depth`` levels deep, one /Pages inside the other, the page at the bottom."""
    first = 7
    nodes = [b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % (first + k + 1) for k in range(depth)]
    leaf = b"<< /Type /Page /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>"
    return plan_pdf(kids=b"[%d 0 R]" % first, more=[*nodes, leaf])


def looping_xref_pdf() -> bytes:
    """The plan's PDF saved twice: the second cross-reference section's /Prev points at the
    first, and the first's back at the second."""
    base = plan_pdf(prev=10**9)  # a placeholder of ten digits, replaced below
    first = int(base.rsplit(b"startxref\n", 1)[1].split(b"\n", 1)[0])
    second = len(base)
    update = b"xref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 7 /Root 1 0 R /Prev %d >>\nstartxref\n%d\n%%%%EOF\n"
    return base.replace(b"/Prev 1000000000", b"/Prev %010d" % second) + update % (first, second)


def listed_objects_pdf(count: int) -> bytes:
    """The plan's PDF whose cross-reference table lists ``count`` objects in use (all at the
    catalog's offset): a table of 20 bytes an entry, made by repetition."""
    base = plan_pdf()
    head, tail = base.split(b"xref\n", 1)
    entries = tail.split(b"trailer", 1)[0].split(b"\n")[2:-1]  # the free entry and those of objects 1-6
    table = b"xref\n0 %d\n" % (count + 1) + b"\n".join(entries) + b"\n" + entries[1] + b"\n"
    table += (entries[1] + b"\n") * (count - len(entries))
    return head + table + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (count + 1, len(head))


def inflating_pages_pdf(pages: int, copies: int) -> bytes:
    """``pages`` pages, each with a content stream of its own inflating to ``copies`` × 258
    spaces, then the plan's lines."""
    kids = b" ".join(b"%d 0 R" % (7 + 2 * k) for k in range(pages))
    more = []
    for k in range(pages):
        more.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >>"
            b" /Contents %d 0 R >>" % (8 + 2 * k)
        )
        more.append(stream(zlib_repeat(b" ", copies), b"/Filter /FlateDecode"))
    return plan_pdf(kids=b"[%s]" % kids, more=more).replace(b"/Count 1", b"/Count %d" % pages)


def styles_xml(styles: str) -> bytes:
    return f'<w:styles xmlns:w="{W}">{styles}</w:styles>'.encode()


def style(name: str, based_on: str) -> str:
    return f'<w:style w:styleId="{name}"><w:basedOn w:val="{based_on}"/></w:style>'


def nested_tables(depth: int) -> str:
    """A table in a cell of a table … ``depth`` deep, the plan's first line at the bottom."""
    return "<w:tbl><w:tr><w:tc>" * depth + paragraph(PLAN_LINES[0]) + "</w:tc></w:tr></w:tbl>" * depth


# ---------------------------------------------------------------- web pages


def page(body: str, charset: str = "utf-8", head: str = "") -> bytes:
    meta = f'<meta charset="{charset}">' if charset else ""
    text = f"<!DOCTYPE html><html><head>{meta}{head}<title>计划</title></head><body>{body}</body></html>"
    return text.encode("utf-8")


PLAN_HTML = "".join(f"<p>{line}</p>" for line in PLAN_LINES)


# ---------------------------------------------------------------- the driver


def drive() -> None:
    """Run ``zl`` in this process once for each argument list read from standard input (a
    JSON array a line), writing each result as a JSON line: exit code, output, errors and
    the seconds it took.  tests/test_hostile.py starts it under a memory limit, so that one
    interpreter runs a whole class of cases."""
    import io
    import json
    import sys
    import time

    from zhiliang_cli import cli

    for line in sys.stdin:
        out, err = io.StringIO(), io.StringIO()
        saved = sys.stdout, sys.stderr
        sys.stdout, sys.stderr = out, err
        start = time.monotonic()
        try:
            cli._state["debug"] = False
            code = cli.run(json.loads(line))
        finally:
            sys.stdout, sys.stderr = saved
        result = {"code": int(code), "out": out.getvalue()[:4000], "err": err.getvalue()[:4000]}
        print(json.dumps({**result, "seconds": round(time.monotonic() - start, 2)}), flush=True)
