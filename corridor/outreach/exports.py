"""The columns of the outreach list pages, for their CSV and Excel exports
(``corridor/core/exports.py``): each builds on the rows the view already lists."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from corridor.core import policy
from corridor.outreach.models import Relationship

CONTACT_HEADER = [
    "contact_id",
    "name",
    "role",
    "organisation",
    "decision_maker",
    "known_by",
    "last_contact",
]
RELATIONSHIP_HEADER = [
    "organisation",
    "who",
    "knows",
    "decision_maker",
    "their_organisation",
    "strength",
    "last_contact",
]
VISIT_HEADER = ["visit_id", "date", "visit", "head_office", "tour", "status"]
ASK_HEADER = [
    "ask_id",
    "ask",
    "theme",
    "led_by",
    "status",
    "municipalities_behind_it",
    "municipalities",
]
PARTNERSHIP_HEADER = [
    "partnership",
    "kind",
    "focus",
    "partners",
    "funding",
    "funding_amount",
    "status",
]
PILOT_HEADER = [
    "pilot_id",
    "pilot",
    "fleet",
    "municipality",
    "technology",
    "vendor",
    "vehicles",
    "starts_on",
    "ends_on",
    "status",
    "results",
]


def known_by(user: Any, contact_ids: list[int]) -> tuple[dict[int, int], dict[int, Any]]:
    """How many relationships this user may see for each contact, and the last contact date."""
    counts: dict[int, int] = {}
    last: dict[int, Any] = {}
    for cid, when in (
        policy.visible(user, Relationship)
        .filter(contact__in=contact_ids)
        .values_list("contact_id", "last_contact_on")
    ):
        counts[cid] = counts.get(cid, 0) + 1
        if when is not None and (last.get(cid) is None or when > last[cid]):
            last[cid] = when
    return counts, last


def contact_lines(user: Any, qs: Any) -> Iterator[list[Any]]:
    contacts = list(qs)
    counts, last = known_by(user, [c.pk for c in contacts])
    for c in contacts:
        yield [
            c.pk,
            c.name,
            c.role,
            c.organisation_label,
            "Yes" if c.is_decision_maker else "",
            counts.get(c.pk, 0),
            last.get(c.pk),
        ]


def relationship_lines(by_org: dict[str, list[Any]]) -> Iterator[list[Any]]:
    for label, relationships in by_org.items():
        for r in relationships:
            yield [
                label,
                r.knower,
                r.contact.name,
                "Yes" if r.contact.is_decision_maker else "",
                r.contact.organisation_label,
                r.get_strength_display(),
                r.last_contact_on,
            ]


def visit_lines(visits: Iterable[Any]) -> Iterator[list[Any]]:
    for v in visits:
        yield [
            v.pk,
            v.starts_on,
            v.title,
            v.head_office.name if v.head_office_id else "",
            v.tour.name if v.tour_id else "",
            v.get_status_display(),
        ]


def ask_lines(asks: Iterable[tuple[Any, int]], municipalities: int) -> Iterator[list[Any]]:
    for a, n in asks:
        yield [
            a.pk,
            a.title,
            a.get_theme_display(),
            a.owner.label,
            a.get_status_display(),
            n,
            municipalities,
        ]


def partnership_lines(partnerships: Iterable[tuple[Any, list[Any]]]) -> Iterator[list[Any]]:
    for p, partners in partnerships:
        yield [
            p.name,
            p.get_kind_display(),
            p.focus,
            ", ".join([o.label for o in partners] + p.other_partner_list),
            p.funding,
            p.funding_amount,
            p.get_status_display(),
        ]


def pilot_lines(pilots: Iterable[Any]) -> Iterator[list[Any]]:
    for p in pilots:
        yield [
            p.pk,
            p.title,
            p.fleet,
            p.organisation.label,
            p.get_technology_display(),
            f"{p.vendor.name} (local)" if p.vendor_id and p.vendor else p.vendor_label,
            p.vehicles,
            p.starts_on,
            p.ends_on,
            p.get_status_display(),
            p.results,
        ]
