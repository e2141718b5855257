"""PDF of a ``documents.Document`` with ReportLab (pure Python, no system libraries).

``compress=False`` writes the page streams uncompressed (tests read the text from the
raw bytes); ``invariant`` makes the same document give the same bytes.
"""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import inch
from reportlab.platypus import (
    KeepTogether,
    ListFlowable,
    ListItem,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    TableStyle,
)
from reportlab.platypus import Table as PdfTable

from corridor.outreach.documents import Block, Document, Table

INK = colors.HexColor("#1a1a1a")
RULE = colors.HexColor("#5b2a86")


def _styles() -> dict[str, ParagraphStyle]:
    base = getSampleStyleSheet()
    body = ParagraphStyle("body", parent=base["BodyText"], fontSize=9.5, leading=12, textColor=INK)
    return {
        "title": ParagraphStyle("title", parent=base["Title"], fontSize=17, leading=21,
                                alignment=0, spaceAfter=2, textColor=INK),
        "subtitle": ParagraphStyle("subtitle", parent=body, fontSize=10.5, textColor=RULE),
        "heading": ParagraphStyle("heading", parent=base["Heading2"], fontSize=12, leading=15,
                                  spaceBefore=8, spaceAfter=3, textColor=RULE),
        "body": body,
        "cell": ParagraphStyle("cell", parent=body, fontSize=8.5, leading=10.5),
        "cellnum": ParagraphStyle("cellnum", parent=body, fontSize=8.5, leading=10.5,
                                  alignment=2),
        "note": ParagraphStyle("note", parent=body, fontSize=7.5, leading=9.5,
                               textColor=colors.HexColor("#444444")),
    }  # fmt: skip


def _text(value: str) -> str:
    return escape(value or "")


def _table(table: Table, styles: dict[str, ParagraphStyle], width: float) -> PdfTable:
    def cell(value: str, column: int, head: bool = False) -> Paragraph:
        style = styles["cellnum"] if column in table.numeric else styles["cell"]
        text = f"<b>{_text(value)}</b>" if head else _text(value)
        return Paragraph(text, style)

    data = [[cell(h, i, True) for i, h in enumerate(table.header)]]
    data += [[cell(v, i) for i, v in enumerate(row)] for row in table.rows]
    grid = PdfTable(data, colWidths=[width / len(table.header)] * len(table.header), repeatRows=1)
    grid.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, RULE),
                ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.HexColor("#bbbbbb")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return grid


def _block(block: Block, styles: dict[str, ParagraphStyle], width: float) -> list[object]:
    parts: list[object] = [Paragraph(_text(block.heading), styles["heading"])]
    parts += [Paragraph(_text(p), styles["body"]) for p in block.paragraphs]
    if block.bullets:
        items = [
            ListItem(Paragraph(_text(b), styles["body"]), leftIndent=12) for b in block.bullets
        ]
        parts.append(ListFlowable(items, bulletType="bullet", start="•", leftIndent=12))
    if block.table is not None and block.table.rows:
        parts += [Spacer(1, 3), _table(block.table, styles, width)]
    return [KeepTogether(parts[:3]), *parts[3:]]


def render(document: Document, *, compress: bool = True) -> bytes:
    buffer = io.BytesIO()
    margin = 0.7 * inch
    pdf = SimpleDocTemplate(
        buffer,
        pagesize=LETTER,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin,
        title=document.title,
        author="Corridor",
        subject=document.subtitle,
        pageCompression=1 if compress else 0,
        invariant=1,
    )
    styles = _styles()
    width = LETTER[0] - 2 * margin
    story: list[object] = [
        Paragraph(_text(document.title), styles["title"]),
        Paragraph(_text(document.subtitle), styles["subtitle"]),
    ]
    for block in document.blocks:
        story += _block(block, styles, width)
    story += [
        Spacer(1, 8),
        Paragraph(
            _text(f"Printed from Corridor on {document.printed_on:%d %B %Y}. {document.note}"),
            styles["note"],
        ),
    ]
    pdf.build(story)
    return buffer.getvalue()
