"""Printable documents: a message's one-page brief, a visit's briefing pack and the common
agenda. Each is built once as a ``Document`` (headings, paragraphs, bullets, tables)
that the HTML page and the PDF (``pdf.py``) both render, so the two never disagree."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from corridor.outreach import agenda, answers, evidence
from corridor.outreach.models import Message
from corridor.outreach.planner import BriefingPack

EVIDENCE_NOTE = (
    "Figures are live from Corridor on the date printed: region-wide totals over every "
    "municipality's data; counts of fewer than 5 companies are not shown to partners."
)


@dataclass(slots=True)
class Table:
    header: list[str]
    rows: list[list[str]]
    numeric: tuple[int, ...] = ()  # columns aligned right


@dataclass(slots=True)
class Block:
    heading: str
    paragraphs: list[str] = field(default_factory=list)
    bullets: list[str] = field(default_factory=list)
    table: Table | None = None


@dataclass(slots=True)
class Document:
    title: str
    subtitle: str
    blocks: list[Block]
    printed_on: dt.date
    note: str = EVIDENCE_NOTE
    filename: str = "brief"


def figure_table(figures: list[evidence.Figure]) -> Table:
    return Table(
        ["Evidence", "Figure", "Source"],
        [[f.label, f.display, f.source] for f in figures],
        numeric=(1,),
    )


def message_brief(user: Any, message: Message, today: dt.date | None = None) -> Document:
    figures = evidence.figures(user, message.evidence)
    blocks = [
        Block("The message", paragraphs=[message.summary]),
        Block("Talking points", bullets=message.points),
    ]
    if figures:
        blocks.append(Block("The evidence", table=figure_table(figures)))
    return Document(
        title=message.title,
        subtitle=f"One-page brief · {message.get_theme_display()}",
        blocks=blocks,
        printed_on=today or timezone.localdate(),
        filename=f"brief-{message.pk}",
    )


def _plants_line(count: int, jobs: str) -> str:
    if count == 0:
        return "No assembly plant of this automaker is in the registry."
    plants = "1 assembly plant" if count == 1 else f"{count} assembly plants"
    return f"{plants} in the registry; jobs there: {jobs}."


def _lines(pack: BriefingPack) -> list[Block]:
    visit, office = pack.visit, pack.head_office
    delegation = [p.label for p in pack.delegation]
    blocks = [
        Block(
            "The visit",
            paragraphs=[
                f"{visit.title}, {visit.starts_on:%A %d %B %Y}.",
                f"{office.name} ({office.get_scope_display()}): {office.address}.",
                f"Address source: {office.source}.",
            ],
            bullets=visit.agenda_items,
        ),
        Block("The delegation", bullets=delegation or ["Nobody assigned yet."]),
    ]
    plant_rows = [
        [
            line.facility.name,
            line.place,
            "" if line.facility.employees is None else f"{line.facility.employees:,}",
            line.facility.products,
        ]
        for line in pack.plants
    ]
    jobs = "not known" if pack.plant_jobs is None else f"{pack.plant_jobs:,}"
    blocks.append(
        Block(
            f"{office.automaker} in Ontario",
            paragraphs=[_plants_line(len(pack.plants), jobs)],
            table=Table(["Plant", "Municipality", "Employees", "Builds"], plant_rows, (2,))
            if plant_rows
            else None,
        )
    )
    blocks.append(Block("The corridor in figures", table=figure_table(pack.figures)))
    for message, figures in pack.messages:
        blocks.append(
            Block(
                f"Message: {message.title}",
                paragraphs=[message.summary],
                bullets=message.points,
                table=figure_table(figures) if figures else None,
            )
        )
    if pack.asks:
        blocks.append(
            Block(
                "What the mayors ask",
                table=Table(
                    ["Ask", "Theme", "Municipalities behind it"],
                    [
                        [
                            line.ask.title,
                            line.ask.get_theme_display(),
                            f"{line.support} of {pack.municipalities}",
                        ]
                        for line in pack.asks
                    ],
                    (2,),
                ),
            )
        )
    if pack.contacts:
        rows = [
            [
                k.contact.name,
                k.contact.role,
                "yes" if k.contact.is_decision_maker else "",
                "; ".join(f"{r.knower} ({r.get_strength_display().lower()})" for r in k.known_by)
                or "nobody yet",
            ]
            for k in pack.contacts
        ]
        blocks.append(
            Block(
                "Who we know there",
                table=Table(["Person", "Role", "Decision maker", "Known by"], rows),
            )
        )
    if pack.open_follow_ups:
        blocks.append(
            Block(
                "Still open from earlier meetings",
                bullets=[
                    f"{f.description} (due {f.due_on}, {f.owner_organisation.label})"
                    for f in pack.open_follow_ups
                ],
            )
        )
    return blocks


def briefing_pack_document(pack: BriefingPack, today: dt.date | None = None) -> Document:
    return Document(
        title=f"Briefing pack: {pack.head_office.name}",
        subtitle=f"{pack.visit.title} · {pack.visit.starts_on:%d %B %Y}",
        blocks=_lines(pack),
        printed_on=today or timezone.localdate(),
        filename=f"briefing-pack-{pack.visit.pk}",
    )


def _answer_line(response: Any) -> str:
    """A government's answer in a line: who, when, the commitment, the evidence."""
    d = response.document
    when = f"{d.date:%d %B %Y}" if d.date else "date not stated"
    where = d.url or f"Corridor document {d.pk}"
    return (
        f"{d.jurisdiction or 'Government not known'}, {when}: {answers.commitment(response)} "
        f"(evidence: {d.title}, {where})"
    )


def agenda_document(
    user: Any, common: agenda.CommonAgenda, today: dt.date | None = None
) -> Document:
    responded = answers.confirmed_by_ask(user, [line.ask.pk for line in common.lines])
    summary = Table(
        ["Ask", "Theme", "Status", "Municipalities behind it", "Governments that responded"],
        [
            [
                line.ask.title,
                line.ask.get_theme_display(),
                line.ask.get_status_display(),
                common.share(line),
                ", ".join(answers.governments(responded.get(line.ask.pk, []))) or "none yet",
            ]
            for line in common.lines
        ],
        (3,),
    )
    blocks = [
        Block(
            "The agenda at a glance",
            paragraphs=[
                f"{len(common.lines)} asks; {common.endorsing_municipalities} of "
                f"{common.municipalities} municipalities have endorsed at least one by council "
                "resolution."
            ],
            table=summary,
        )
    ]
    for line in common.lines:
        endorsers = [
            f"{e.organisation.label}: {e.council_resolution} ({e.resolved_on:%d %B %Y})"
            for e in line.endorsers
        ]
        blocks.append(
            Block(
                line.ask.title,
                paragraphs=[
                    line.ask.ask,
                    *([line.ask.rationale] if line.ask.rationale else []),
                    f"Addressed to: {line.ask.addressed_to or 'not said'}. Led by "
                    f"{line.ask.owner.label}. Behind it: {common.share(line)} municipalities.",
                ],
                bullets=(endorsers or ["No endorsement yet."])
                + [f"Answered by {_answer_line(r)}" for r in responded.get(line.ask.pk, [])],
                table=figure_table(line.figures) if line.figures else None,
            )
        )
    return Document(
        title="A common agenda for Ontario's automotive industry",
        subtitle="The Auto Mayors' industrial-strategy asks and who stands behind them",
        blocks=blocks,
        printed_on=today or timezone.localdate(),
        filename="common-agenda",
    )
