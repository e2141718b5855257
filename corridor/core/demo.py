"""Demo data: real corridor municipalities and partners, fictional people.

Idempotent: running it again updates what it made and adds nothing twice.
Every user it creates is marked ``is_demo`` and can sign in only while
CORRIDOR_DEMO is on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from django.contrib.auth.hashers import make_password
from django.utils.text import slugify

from corridor.core.datafiles import DATA_DIR, read_rows
from corridor.core.models import (
    Membership,
    Municipality,
    Organisation,
    OrganisationKind,
    Role,
    User,
)

DEMO_PASSWORD = "corridor-demo"
COORDINATOR_OFFICE = "Ontario Auto Mayors Coordinator's Office"
MUNICIPALITY_SOURCE = "Statistics Canada SGC 2021; NRCan CGNDB (approximate centre)"


@dataclass
class DemoLogin:
    username: str
    organisation: str
    role: str


@dataclass
class DemoSummary:
    municipalities: int = 0
    organisations: int = 0
    logins: list[DemoLogin] = field(default_factory=list)


@lru_cache(maxsize=1)
def _demo_password_hash() -> str:
    """Hashed once: hashing is slow on purpose, and every demo user shares the password."""
    return make_password(DEMO_PASSWORD)


def municipality_username(name: str) -> str:
    return "edo." + slugify(name.replace(".", ""))


def _user(username: str, first: str, last: str, title: str, *, staff: bool = False) -> User:
    user, created = User.objects.get_or_create(
        username=username,
        defaults={
            "first_name": first,
            "last_name": last,
            "title": title,
            "is_demo": True,
            "email": f"{username}@demo.corridor.invalid",
            "is_staff": staff,
        },
    )
    if created or not user.check_password(DEMO_PASSWORD):
        user.password = _demo_password_hash()
        user.save()
    return user


def _member(user: User, org: Organisation, role: str, summary: DemoSummary) -> None:
    membership = Membership.all_objects.filter(user=user, organisation=org).first()
    if membership is None:
        Membership.objects.create(user=user, organisation=org, role=role)
    elif membership.role != role or membership.is_deleted:
        membership.role = role
        membership.deleted_at = None
        membership.save()
    summary.logins.append(DemoLogin(user.username, org.label, Role(role).label))


def _organisation(
    name: str, kind: str, municipality: Municipality | None, **extra: str
) -> Organisation:
    org = Organisation.all_objects.filter(name=name).first()
    values = {"kind": kind, "municipality": municipality, "is_demo": True, **extra}
    if org is None:
        return Organisation.objects.create(name=name, **values)
    if any(getattr(org, k) != v for k, v in values.items()):
        for k, v in values.items():
            setattr(org, k, v)
        org.save()
    return org


def load_municipalities() -> dict[str, tuple[Municipality, bool]]:
    """Create or update the corridor's municipalities; returns name -> (row, member?)."""
    result: dict[str, tuple[Municipality, bool]] = {}
    for row in read_rows(DATA_DIR / "municipalities.csv"):
        values = {
            "census_division": row["census_division"],
            "economic_region": row["economic_region"],
            "latitude": Decimal(row["latitude"]),
            "longitude": Decimal(row["longitude"]),
            "aliases": row["aliases"],
            "source": MUNICIPALITY_SOURCE,
        }
        place = Municipality.all_objects.filter(name=row["name"]).first()
        if place is None:
            place = Municipality.objects.create(name=row["name"], **values)
        elif any(getattr(place, k) != v for k, v in values.items()):
            for k, v in values.items():
                setattr(place, k, v)
            place.save()
        result[place.name] = (place, row["member"] == "yes")
    return result


def build_demo() -> DemoSummary:
    """Create or refresh the demo organisations and users. Call inside a system scope."""
    summary = DemoSummary()
    places = load_municipalities()
    summary.municipalities = len(places)

    office = _organisation(
        COORDINATOR_OFFICE,
        OrganisationKind.COORDINATOR_OFFICE,
        places["Oshawa"][0],
        short_name="Coordinator",
        description=(
            "The Auto Mayors' full-time coordinator: assigns calls, watches coverage, "
            "briefs mayors."
        ),
    )
    coordinator = _user(
        "coordinator", "Casey", "Moreau", "Auto Mayors coordinator (fictional)", staff=True
    )
    _member(coordinator, office, Role.COORDINATOR, summary)

    for name, (place, member) in places.items():
        if not member:
            continue
        org = _organisation(
            f"{name} Economic Development", OrganisationKind.MUNICIPALITY, place, short_name=name
        )
        officer = _user(
            municipality_username(name),
            "Demo officer",
            name,
            "Economic development officer (fictional)",
        )
        _member(officer, org, Role.EDITOR, summary)
        if name in ("Windsor", "Oshawa"):
            mayor = _user("mayor." + slugify(name), "Demo mayor", name, "Mayor (fictional)")
            _member(mayor, org, Role.VIEWER, summary)

    for row in read_rows(DATA_DIR / "partners.csv"):
        org = _organisation(
            row["name"],
            row["kind"],
            places[row["municipality"]][0],
            short_name=row["short_name"],
            website=row["website"],
        )
        person = _user(
            row["username"],
            "Demo analyst",
            row["short_name"],
            f"{row['short_name']} staff (fictional)",
        )
        _member(person, org, row["role"], summary)

    summary.organisations = Organisation.objects.count()
    return summary
