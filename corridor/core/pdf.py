"""Corridor's PDF house style (ReportLab): the colours, the paragraph styles, a table and a
horizontal bar chart, shared by the documents that leave the office (the mayors'
briefing, a pitch pack)."""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import inch
from reportlab.platypus import Paragraph, TableStyle
from reportlab.platypus import Table as PdfTable

INK = colors.HexColor("#1a1a1a")
ACCENT = colors.HexColor("#12355b")
MUTED = colors.HexColor("#444444")
WIDTH = LETTER[0] - 1.5 * inch  # Letter, with three-quarter-inch margins
CELL = ParagraphStyle("cell", fontName="Helvetica", fontSize=8.5, leading=10, textColor=INK)


def styles() -> dict[str, ParagraphStyle]:
    """title, heading, sub, body, and two small ones: note (beside a figure) and source
    (under a section)."""
    base = getSampleStyleSheet()
    body = ParagraphStyle("body", parent=base["BodyText"], fontSize=9.5, leading=12, textColor=INK)
    return {
        "title": ParagraphStyle("title", parent=base["Title"], fontSize=18, leading=22,
                                alignment=0, textColor=ACCENT),
        "heading": ParagraphStyle("heading", parent=base["Heading2"], fontSize=13, leading=16,
                                  spaceBefore=10, spaceAfter=4, textColor=ACCENT),
        "sub": ParagraphStyle("sub", parent=base["Heading3"], fontSize=10.5, leading=13,
                              spaceBefore=6, spaceAfter=2, textColor=INK),
        "body": body,
        "note": ParagraphStyle("note", parent=body, fontSize=7.5, leading=9.5, textColor=MUTED),
        "source": ParagraphStyle("source", parent=body, fontSize=7.5, leading=9.5,
                                 spaceBefore=3, textColor=MUTED),
    }  # fmt: skip


def table(
    header: list[str],
    rows: list[list[str]],
    widths: list[float] | None = None,
    text_columns: int = 1,
) -> PdfTable:
    """A table; the first ``text_columns`` columns wrap (as paragraphs, their text escaped),
    the others are right-aligned figures. ``widths`` are fractions of the page's width."""
    shares = widths or [1 / len(header)] * len(header)
    wrapped = [
        [Paragraph(escape(cell), CELL) if i < text_columns else cell for i, cell in enumerate(row)]
        for row in rows
    ]
    grid = PdfTable([header, *wrapped], colWidths=[WIDTH * share for share in shares], repeatRows=1)
    grid.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, 0), "Helvetica-Bold", 8.5),
                ("FONT", (0, 1), (-1, -1), "Helvetica", 8.5),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
                ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.HexColor("#bbbbbb")),
                ("ALIGN", (text_columns, 0), (-1, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return grid


def bar_chart(
    title: str,
    items: Sequence[tuple[str, float]],
    *,
    label_width: int = 150,
    label_chars: int = 32,
) -> Drawing:
    """A horizontal bar chart of (label, value) pairs, the largest first (eight at most);
    ``label_width`` points are kept for the labels, cut to ``label_chars`` characters."""
    items = list(items[:8]) or [("None", 0)]
    height = 30 + 18 * len(items)
    drawing = Drawing(WIDTH, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = label_width, 10
    chart.width, chart.height = WIDTH - label_width - 30, height - 30
    chart.data = [[v for _, v in reversed(items)]]
    chart.categoryAxis.categoryNames = [label[:label_chars] for label, _ in reversed(items)]
    chart.categoryAxis.labels.fontSize = 7.5
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontSize = 7.5
    top = max((v for _, v in items), default=0)
    chart.valueAxis.valueMax = max(top, 1)
    chart.valueAxis.valueStep = max(1, -(-max(top, 1) // 5))
    chart.bars[0].fillColor = ACCENT
    drawing.add(chart)
    drawing.add(String(0, height - 12, title, fontName="Helvetica-Bold", fontSize=9, fillColor=INK))
    return drawing
