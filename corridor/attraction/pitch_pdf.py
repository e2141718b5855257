"""The pitch pack as a PDF (ReportLab, Letter), in the mayors' briefing's house style.

A PDF leaves the office: it is built from ``pitch.build(..., outside=True)``, so small
counts of companies are suppressed whoever prints it and no buyer is named. Every
section ends with its source; every page carries the confidentiality footer.
"""

from __future__ import annotations

import io
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import LETTER
from reportlab.lib.units import inch
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from corridor.attraction.pitch import Pack
from corridor.core import pdf
from corridor.core.disclosure import MINIMUM

FOOTER = "Confidential: for Corridor's participants"


def _money(value: Any) -> str:
    return "not shown" if value is None else f"${value:,.0f}"


def _count(value: int | None) -> str:
    return "not shown" if value is None else f"{value:,}"


def _footer(canvas: Canvas, doc: Any) -> None:
    canvas.saveState()
    canvas.setFont("Helvetica", 7.5)
    canvas.setFillColor(pdf.MUTED)
    canvas.drawString(0.75 * inch, 0.45 * inch, FOOTER)
    canvas.drawRightString(LETTER[0] - 0.75 * inch, 0.45 * inch, f"Page {doc.page}")
    canvas.restoreState()


def story(pack: Pack) -> list[object]:
    styles = pdf.styles()

    def p(text: str, style: str = "body") -> Paragraph:
        return Paragraph(escape(text), styles[style])

    parts: list[object] = [
        p(pack.title, "title"),
        p(
            f"Prepared by Corridor on {pack.made_on:%Y-%m-%d}. Counts of companies below "
            f"{MINIMUM} are shown as \u201cfewer than {MINIMUM}\u201d, and no buyer is named."
        ),
    ]
    if pack.prospect is not None:
        prospect = pack.prospect.prospect
        parts += [
            p("The project", "heading"),
            pdf.table(
                ["", ""],
                [
                    ["Company or project", prospect.name],
                    ["Kind", prospect.get_kind_display()],
                    ["Estimated investment", _money(prospect.estimated_investment)],
                    ["Estimated jobs", _count(prospect.estimated_jobs)],
                    ["Stage", prospect.get_stage_display()],
                ],
                widths=[0.35, 0.65],
                text_columns=2,
            ),
            p("Source: the prospect as its hosts record it in Corridor's pipeline.", "source"),
        ]

    demand = pack.demand
    parts += [
        p("1. The buyers' unmet demand", "heading"),
        pdf.table(
            ["Figure", pack.capability.label],
            [
                ["Needs with no local supplier", _count(demand.unmet_needs)],
                ["Their value per year", _money(demand.unmet_value)],
                ["Buyer companies behind them", str(demand.buyers)],
                ["Open needs in all", _count(demand.needs)],
                [
                    "Facilities with the capability in the registry",
                    f"{demand.suppliers_in_region:,}",
                ],
            ],
            widths=[0.65, 0.35],
        ),
        p(demand.source, "source"),
    ]

    oem = pack.oem
    parts.append(p("2. OEM plants exposed", "heading"))
    lines = [f"OEM plants with open needs in it: {oem.unnamed}."]
    if oem.dependent:
        lines.append(
            "OEM plants that depend on a single local supplier of it: "
            + "; ".join(f"{f.name} ({what})" for f, what in oem.dependent)
            + "."
        )
    else:
        lines.append("No OEM plant depends on a single local supplier of it.")
    parts += [p(line) for line in lines] + [p(oem.source, "source")]

    labour = pack.labour
    parts.append(p("3. Labour and training", "heading"))
    if labour.occupations:
        rows = []
        for line in labour.occupations:
            for region in line.regions:
                rows.append(
                    [
                        f"{line.occupation.title} ({line.occupation.noc_code})",
                        region.region.name,
                        f"{region.employed:,}",
                        f"{region.unemployed:,}",
                        f"{region.demand:,}",
                        f"{region.graduates:,.0f}",
                        f"{region.index:.1f}",
                    ]
                )
            if not line.regions:
                rows.append(
                    [f"{line.occupation.title} ({line.occupation.noc_code})", "no figures"]
                    + [""] * 5
                )
        parts.append(
            pdf.table(
                [
                    "Occupation",
                    "Region",
                    "Employed",
                    "Unemployed",
                    "Openings",
                    "Graduates",
                    "Index",
                ],
                rows,
                widths=[0.34, 0.18, 0.1, 0.1, 0.1, 0.1, 0.08],
                text_columns=2,
            )
        )
        employed = [(o.occupation.title, o.employed) for o in labour.occupations if o.employed]
        if employed:
            employed.sort(key=lambda pair: -pair[1])
            parts += [
                Spacer(1, 6),
                pdf.bar_chart(
                    "People employed, by occupation", employed, label_width=170, label_chars=36
                ),
            ]
        training = [
            [
                t.institution,
                t.program,
                t.credential,
                ", ".join(t.campuses),
                f"{t.graduates_per_year:,}",
            ]
            for o in labour.occupations
            for t in o.training
        ]
        if training:
            unique = list({tuple(row): row for row in training}.values())
            parts += [
                p("Training programs", "sub"),
                pdf.table(
                    ["Institution", "Program", "Credential", "Campuses", "Graduates a year"],
                    unique,
                    widths=[0.22, 0.26, 0.16, 0.24, 0.12],
                    text_columns=4,
                ),
            ]
    else:
        parts.append(p("No occupation is mapped to this capability."))
    parts.append(p(labour.source, "source"))

    programs = pack.programs
    parts += [
        p("4. Programs that would fund it", "heading"),
        p("Assumed project: " + programs.assumption),
    ]
    if programs.lines:
        parts.append(
            pdf.table(
                ["Program", "Verdict", "Why"],
                [[line.program.name, line.status_label, line.why] for line in programs.lines],
                widths=[0.3, 0.16, 0.54],
                text_columns=3,
            )
        )
    else:
        parts.append(p("No program in the catalogue fits this project."))
    parts.append(p(programs.source, "source"))

    sites = pack.sites
    parts.append(p("5. Candidate sites", "heading"))
    if sites.lines:
        parts.append(
            pdf.table(
                [
                    "Municipality",
                    "Economic region",
                    "Unmet buyers within reach",
                    "Employed",
                    "Unemployed",
                ],
                [
                    [
                        s.municipality.name,
                        s.municipality.economic_region,
                        str(s.buyers),
                        f"{s.employed:,}",
                        f"{s.unemployed:,}",
                    ]
                    for s in sites.lines
                ],
                widths=[0.22, 0.26, 0.22, 0.15, 0.15],
                text_columns=2,
            )
        )
    else:
        parts.append(p("No member municipality lies within reach of an unmet buyer."))
    parts.append(p(sites.source, "source"))

    news = pack.announcements
    parts.append(p("6. Companies that announced expansions in it", "heading"))
    if news.lines:
        parts.append(
            pdf.table(
                ["Date", "Recipient", "Funder", "Amount", "Announcement"],
                [
                    [
                        f"{(a.fact.date or a.fact.document.date or '')}",
                        a.fact.recipient or "not named",
                        a.fact.funder or "not named",
                        _money(a.fact.amount_cad)
                        if a.fact.amount_cad is not None
                        else "not stated",
                        a.title + (f" ({a.url})" if a.url else ""),
                    ]
                    for a in news.lines
                ],
                widths=[0.11, 0.18, 0.15, 0.13, 0.43],
                text_columns=3,
            )
        )
    else:
        parts.append(p("No announcement in Corridor's intelligence names it yet."))
    if news.source:
        parts.append(p(news.source, "source"))
    return parts


def render(pack: Pack) -> bytes:
    """The PDF's bytes. ``pack`` must be built with ``outside=True``."""
    if not pack.outside:
        raise ValueError("a PDF leaves the office: build the pack with outside=True")
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out, pagesize=LETTER, leftMargin=0.75 * inch, rightMargin=0.75 * inch,
        topMargin=0.7 * inch, bottomMargin=0.8 * inch, title=pack.title, author="Corridor",
    )  # fmt: skip
    doc.build(story(pack), onFirstPage=_footer, onLaterPages=_footer)
    return out.getvalue()
