"""The mayors' quarterly briefing: a PDF of the region's figures and each municipality's.

Built with ReportLab (pure Python): tables and bar charts (ReportLab graphics) from the
same ``dashboards.build`` the pages use, always with small counts of companies (and of
investment prospects) suppressed, since a briefing leaves the office. For the same reason
it names no facility at risk: it gives their number and jobs, the dashboard their names.
The whole briefing is one ``metrics`` session: a figure shown on several of its pages
(the corridor's supply and skills gaps on every municipality's) is computed once.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer

from corridor.calls.aggregates import Quarter
from corridor.core import metrics, pdf, policy
from corridor.core.disclosure import MINIMUM
from corridor.core.models import Municipality
from corridor.reports.dashboards import Dashboard, build, corridor_gaps


def money(value: Any) -> str:
    return f"${value:,.0f}"


def _section(board: Dashboard, name: str, styles: dict[str, ParagraphStyle]) -> list[object]:
    def p(text: str, style: str = "body") -> Paragraph:
        return Paragraph(escape(text), styles[style])

    parts: list[object] = [p(name, "heading")]
    parts.append(
        pdf.table(
            ["Figure", str(board.quarter)],
            [
                ["Calls completed", f"{board.calls_completed:,}"],
                [
                    "Campaign targets called",
                    f"{board.campaign_targets_called} of "
                    f"{board.campaign_targets} ({board.target_percent}%)",
                ],
                [
                    "Facilities called in the last 12 months",
                    f"{board.facilities_called:,} of "
                    f"{board.facilities:,} ({board.coverage_percent}%)",
                ],
                ["Open red flags", f"{board.red_flags_open:,}"],
                ["Overdue follow-ups", f"{board.overdue_follow_ups:,}"],
                ["Companies at risk (jobs)", _movement(board.at_risk)],
                ["Companies expanding (jobs)", _movement(board.expanding)],
                [
                    "Investment announced",
                    f"{money(board.investment_announced)} ({board.investment_facts} announcements)",
                ],
                [
                    "Investment tracked to date",
                    f"{money(board.investment_tracked)} "
                    f"({board.investment_tracked_facts} announcements)",
                ],
                [
                    "Funded projects (program money)",
                    f"{board.funded_projects} ({money(board.program_contribution)})",
                ],
                ["Referrals to programs (won)", f"{board.referrals} ({board.referrals_won})"],
            ],
        )
    )
    if board.calls_by_municipality and board.municipality is None:
        parts += [Spacer(1, 8), pdf.bar_chart("Calls completed per municipality",
                                          board.calls_by_municipality)]  # fmt: skip
    if board.red_flags_open:
        parts += [Spacer(1, 8), pdf.bar_chart("Open red flags by age", board.red_flags_by_age)]
    else:
        parts += [p("Open red flags by age", "sub"), p("No open red flag.")]
    if board.supply_gaps:
        # the gap analysis places each need among the whole corridor's suppliers
        parts.append(p("Supply gaps across the corridor: needs with no nearby supplier", "sub"))
        parts.append(
            pdf.table(
                ["Capability", "Unmet needs", "Companies with unmet needs"],
                [
                    [label, "not shown" if unmet is None else str(unmet), str(buyers)]
                    for label, unmet, buyers in board.supply_gaps
                ],
                widths=[0.5, 0.25, 0.25],
            )
        )
    if board.skills_gaps:
        parts.append(p("Skills gaps: the largest shortages", "sub"))
        parts.append(
            pdf.table(
                ["Occupation", "Region", "Shortage index", "Companies"],
                [[o, r, f"{i:.1f}", str(c)] for o, r, i, c in board.skills_gaps],
                widths=[0.44, 0.26, 0.15, 0.15],
                text_columns=2,
            )
        )
    if board.attraction is not None:
        parts += _attraction(board.attraction, str(board.quarter), p)
    return parts


def _jobs(value: int | None) -> str:
    return "not shown" if value is None else f"{value:,}"


def _decided(what: Any) -> str:
    if what.prospects.suppressed:
        return str(what.prospects)
    return f"{what.prospects} ({money(what.investment)}, {what.jobs:,} jobs)"


def _attraction(a: Any, quarter: str, p: Callable[..., Paragraph]) -> list[object]:
    """Investment attraction and retention (``attraction.outcomes``), suppressed."""
    if a.decided_in_year.suppressed:
        rate = "not shown (fewer than 5 decided)"
    elif a.win_rate is None:
        rate = "no project decided"
    else:
        rate = f"{a.win_rate}% ({a.decided_in_year} decided)"
    at_risk = f"not shown ({a.facilities_at_risk} facilities)"
    if a.jobs_at_risk is not None:
        at_risk = f"{a.jobs_at_risk:,} jobs at {a.facilities_at_risk} facilities"
    pipeline = str(a.open_prospects)
    if a.open_investment is not None:
        pipeline = f"{a.open_prospects} ({money(a.open_investment)}, {a.open_jobs:,} jobs)"
    parts: list[object] = [p("Investment attraction and retention", "sub")]
    parts.append(
        pdf.table(
            ["Figure", quarter],
            [
                ["Open pipeline at the quarter's end (estimated)", pipeline],
                ["Projects won (investment and jobs committed)", _decided(a.won)],
                ["Projects lost (as estimated)", _decided(a.lost)],
                ["Win rate over the last four quarters", rate],
                ["Jobs won", _jobs(a.jobs_won)],
                ["Jobs at risk today", at_risk],
                ["Jobs retained", _jobs(a.jobs_retained)],
            ],
        )
    )
    shown = [(s.label, s.investment) for s in a.stages if s.investment]
    if shown:
        parts += [
            Spacer(1, 8),
            pdf.bar_chart(
                "Pipeline value by stage (estimated investment, $ millions)",
                [(label, round(value / 1_000_000, 1)) for label, value in shown],
            ),
        ]
    hidden = [s.label for s in a.stages if s.prospects.suppressed]
    if hidden:
        parts.append(
            p(
                f"Stages not shown (fewer than {MINIMUM} prospects, or hidden so that a small "
                f"count cannot be worked out from the total): {', '.join(hidden)}.",
                "note",
            )
        )
    if a.lost_reasons and not a.lost.prospects.suppressed:
        parts.append(
            pdf.table(
                ["Why projects were lost", "Projects"],
                [[label, str(n)] for label, n in a.lost_reasons],
                widths=[0.75, 0.25],
            )
        )
    parts.append(
        p(
            "Retained: the jobs at facilities whose relocation, closure or downsizing flag "
            "was closed in the quarter, and the jobs won by expansions of employers here. "
            "The facilities at risk are named on the dashboard, not in print.",
            "note",
        )
    )
    return parts


def _movement(movement: Any) -> str:
    if movement.companies.suppressed:
        return str(movement.companies)
    return f"{movement.companies} ({movement.jobs:,} jobs)"


def render(
    user: Any,
    quarter: Quarter,
    municipality: Municipality | None = None,
    *,
    today: dt.date | None = None,
    progress: Callable[[int, int, str], None] | None = None,
) -> bytes:
    """The briefing's PDF: the region first (or only the municipality asked for), then
    each member municipality with facilities on record. ``progress(done, total, step)``
    hears of each section as it is figured (the background worker shows it)."""
    with metrics.session():  # one session for the whole briefing
        return _render(user, quarter, municipality, today=today, progress=progress)


def _render(
    user: Any,
    quarter: Quarter,
    municipality: Municipality | None,
    *,
    today: dt.date | None,
    progress: Callable[[int, int, str], None] | None,
) -> bytes:
    def step(done: int, total: int, what: str) -> None:
        if progress is not None:
            progress(done, total, what)

    styles = pdf.styles()
    story: list[object] = [
        Paragraph(f"Mayors' quarterly briefing, {escape(str(quarter))}", styles["title"]),
        Paragraph(
            escape(
                f"The corridor's calling program, flags, investment, programs and gaps from "
                f"{quarter.starts_on:%Y-%m-%d} to {quarter.ends_on:%Y-%m-%d}. Counts of "
                f"companies below {MINIMUM} are shown as \u201cfewer than {MINIMUM}\u201d."
            ),
            styles["body"],
        ),
    ]
    if municipality is not None:
        places = [municipality]
    else:
        places = list(
            policy.visible(user, Municipality).filter(facilities__isnull=False).distinct()
            .order_by("name")
        )  # fmt: skip
    # steps: the corridor's gaps, the region (when asked for), each municipality, the PDF
    total = 2 + len(places) + (municipality is None)
    step(0, total, "Reading the corridor's supply and skills gaps")
    gaps = corridor_gaps(user, quarter, today)  # the same on every page: read once (metrics)
    done = 1
    if municipality is None:
        step(done, total, "Figuring the region")
        board = build(user, quarter, None, today=today, suppressed=True, gaps=gaps)
        story += _section(board, "The region", styles)
        done += 1
    for index, place in enumerate(places):
        step(done, total, f"Figuring {place.name}")
        if municipality is None or index:
            story.append(PageBreak())
        board = build(user, quarter, place, today=today, suppressed=True, gaps=gaps)
        story += _section(board, place.name, styles)
        done += 1
    step(done, total, "Drawing the PDF")
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out, pagesize=LETTER, leftMargin=0.75 * inch, rightMargin=0.75 * inch,
        topMargin=0.7 * inch, bottomMargin=0.7 * inch,
        title=f"Mayors' quarterly briefing {quarter}", author="Corridor",
    )  # fmt: skip
    doc.build(story)
    step(total, total, "The briefing is ready")
    return out.getvalue()
