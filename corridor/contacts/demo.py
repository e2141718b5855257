"""Demo people and touches: fictional contacts at the demo suppliers, four months of touches.

Each member municipality's demo officer (``edo.<town>``) records one or two people at a
few fictional suppliers in its town (never at the real assembly plants), about a third of
them shared, and logs touches with those plants over the last four months, naming them
on calls of its own where there are some. Two people are recorded again by a neighbouring
municipality (one with the same e-mail, one with a close spelling of the name at the
same company), so the coordinator's "People recorded twice" page has work in it.

Every person is fictional and says so: ``is_fictional``, surnames such as "Example" and
"Sample", 555-01xx telephone numbers (set aside for fiction) and example.com addresses.
Everything goes through ``corridor/contacts/services.py``, so the history records it as
the officer's. Idempotent: if fictional people exist, nothing is added.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from corridor.calls.models import Call
from corridor.contacts import services
from corridor.contacts.models import Contact, Role, TouchKind
from corridor.core.demo import municipality_username
from corridor.core.history import change_context
from corridor.core.models import Organisation, OrganisationKind, User
from corridor.core.scoping import system_scope
from corridor.registry.models import Facility

SEED = 2026
SOURCE = "demo"
PLANTS_PER_TOWN = 2
TOUCHES_PER_TOWN = 5
# The officers the README names for a first look get fuller lists.
BUSY_OFFICERS = {"edo.windsor": (5, 14), "edo.oshawa": (5, 14)}
AREA_CODES = ("519", "905", "226", "289", "365", "548")
HISTORY_DAYS = 120
FIRST = (
    "Avery", "Jordan", "Morgan", "Riley", "Casey", "Quinn", "Taylor", "Rowan", "Sam", "Alex",
    "Dominique", "Camille", "Jamie", "Robin", "Kendall", "Parker", "Emerson", "Hayden",
)  # fmt: skip
LAST = ("Example", "Sample", "Placeholder", "Specimen", "Fictive", "Demo", "Testwood", "Mock")
ROLES = (Role.PLANT_MANAGER, Role.HR, Role.PURCHASING, Role.OWNER, Role.ENGINEERING)
NOTES = (
    "Asked about the skills training program",
    "Expansion of the paint line still under study",
    "Wants an introduction to a tooling supplier",
    "Hiring 20 millwrights this year",
    "Sent the export-readiness brochure",
    "Invited to the supplier day",
)


@dataclass
class ContactsDemoSummary:
    people: int = 0
    touches: int = 0
    duplicates: int = 0
    skipped: bool = False


def _plant(contact: Contact) -> Facility:
    assert contact.facility is not None  # every demo person is placed at a plant
    return contact.facility


class _Demo:
    def __init__(self, today: dt.date) -> None:
        self.rng = random.Random(SEED)
        self.today = today
        self.summary = ContactsDemoSummary()
        self.serial = 0

    def officers(self) -> list[tuple[User, Organisation]]:
        found = []
        municipalities = Organisation.objects.filter(kind=OrganisationKind.MUNICIPALITY)
        for organisation in municipalities.select_related("municipality").order_by("pk"):
            if organisation.municipality is None:
                continue
            username = municipality_username(organisation.municipality.name)
            officer = User.objects.filter(username=username).first()
            if officer is not None:
                found.append((officer, organisation))
        return found

    def person(self, officer: User, plant: Facility, **extra: Any) -> Contact:
        self.serial += 1
        first, last = self.rng.choice(FIRST), self.rng.choice(LAST)
        shared = self.rng.random() < 0.35
        consent = self.rng.choice(("express", "implied", "implied", "none"))
        given = self.today - dt.timedelta(days=self.rng.randint(30, 700))
        values: dict[str, Any] = {
            "name": f"{first} {last}",
            "role": self.rng.choice(ROLES),
            # 555-0100 to 555-0199 are set aside for fiction: unique for 600 people
            "phone": f"{AREA_CODES[self.serial // 100 % 6]}-555-01{self.serial % 100:02d}",
            "email": f"{first}.{last}{self.serial}@example.com".lower(),
            "language": "fr" if self.rng.random() < 0.1 else "en",
            "consent_basis": consent,
            "consent_on": given if consent != "none" else None,
            "consent_note": "Business card at a plant visit" if consent != "none" else "",
            "shared": shared,
            "shared_on": given if shared else None,
            **extra,
        }
        with change_context(user=officer, source=SOURCE):
            contact = services.create_contact(
                officer, company=plant.company, facility=plant, is_fictional=True, **values
            )
        self.summary.people += 1
        return contact

    def town(self, officer: User, organisation: Organisation) -> list[Contact]:
        plants = list(
            Facility.objects.filter(municipality=organisation.municipality, is_fictional=True)
            .select_related("company")
            .order_by("pk")[:40]
        )
        self.rng.shuffle(plants)
        plant_count, touch_count = BUSY_OFFICERS.get(
            officer.username, (PLANTS_PER_TOWN, TOUCHES_PER_TOWN)
        )
        people = []
        for plant in plants[:plant_count]:
            for _ in range(self.rng.choice((1, 1, 2))):
                people.append(self.person(officer, plant))
        for _ in range(touch_count if people else 0):
            self.touch(officer, self.rng.choice(people))
        self.link_calls(officer, organisation, people)
        return people

    def touch(self, officer: User, contact: Contact) -> None:
        day = self.today - dt.timedelta(days=self.rng.randint(0, HISTORY_DAYS))
        with change_context(user=officer, source=SOURCE):
            services.log_touch(
                officer,
                _plant(contact),
                kind=self.rng.choice(TouchKind.values),
                happened_on=day,
                contacts=[contact],
                note=self.rng.choice(NOTES),
                confidential=self.rng.random() < 0.7,
            )
        self.summary.touches += 1

    def link_calls(self, officer: User, organisation: Organisation, people: list[Contact]) -> None:
        """Whom the officer met: each person on their municipality's latest call there."""
        for contact in people:
            call = (
                Call.objects.filter(facility=_plant(contact), organisation=organisation)
                .order_by("-scheduled_on", "-pk")
                .first()
            )
            if call is not None:
                with change_context(user=officer, source=SOURCE):
                    services.link(officer, contact, calls=[call])

    def duplicates(self, recorded: list[tuple[User, Organisation, list[Contact]]]) -> None:
        """Two towns record one of each other's people again: Windsor and Oshawa when there,
        one by the same e-mail, the other by a close spelling of the name."""
        towns = sorted(
            (t for t in recorded if t[2]), key=lambda t: t[0].username not in BUSY_OFFICERS
        )
        if len(towns) < 2:
            return
        (first_officer, _, first_people), (second_officer, _, second_people) = towns[:2]
        original = first_people[0]
        self.person(
            second_officer, _plant(original), name=original.name, email=original.email,
            role=original.role, shared=False, shared_on=None,
        )  # fmt: skip
        original = second_people[0]
        given, family = original.name.split(" ", 1)
        self.person(
            first_officer, _plant(original), name=f"{given} {family}{family[-1]}",
            phone="", role=original.role, shared=False, shared_on=None,
        )  # fmt: skip
        self.summary.duplicates = 2


def build_demo(
    progress: Callable[[str], None] | None = None, *, today: dt.date | None = None
) -> ContactsDemoSummary:
    """Add the demo people and touches (after the registry and calls demos)."""
    with system_scope("demo contacts"):
        if Contact.all_objects.filter(is_fictional=True).exists():
            if progress:
                progress("contacts: the demo people are already there")
            return ContactsDemoSummary(skipped=True)
        demo = _Demo(today or timezone.localdate())
        with transaction.atomic():
            recorded = [(o, org, demo.town(o, org)) for o, org in demo.officers()]
            demo.duplicates(recorded)
        summary = demo.summary
    if progress:
        progress(
            f"contacts: {summary.people} fictional people, {summary.touches} touches, "
            f"{summary.duplicates} recorded twice by two municipalities"
        )
    return summary
