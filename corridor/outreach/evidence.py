"""Live evidence for the messaging library, the policy agenda and briefs.

Every figure comes from a **provider**: a function registered under a key
(``@provider("registry.jobs")``) that reads the corridor's data and returns a
``Figure``. Messages and policy asks name the keys of the evidence behind them;
briefs ask ``figures(user, keys)`` at the moment they are rendered, so the numbers
are always today's. Another capability adds its evidence with one function::

    @provider("workforce.skills_gaps", "Occupations short of workers", source="Skills")
    def _skills_gaps() -> Reading:
        return Reading(value=..., companies=None)

Figures are region-wide aggregates (computed over every municipality's data, never
naming a company). A figure that counts companies (``companies`` set) is shown to
partners with the small-count rule of ``corridor/core/disclosure.py``: fewer than 5
companies is never shown.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from django.conf import settings
from django.core.cache import cache
from django.db.models import QuerySet, Sum

from corridor.core import disclosure, policy
from corridor.core.scoping import system_scope

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Reading:
    value: int
    # how many companies the value stands on, counted up to disclosure.MINIMUM: all that
    # the small-count rule needs (None: the figure counts no companies' answers)
    companies: int | None = None
    money: bool = False


@dataclass(frozen=True, slots=True)
class Figure:
    key: str
    label: str
    source: str
    value: int | None  # None when suppressed for this reader
    money: bool = False

    @property
    def suppressed(self) -> bool:
        return self.value is None

    @property
    def display(self) -> str:
        if self.value is None:
            return disclosure.SUPPRESSED_LABEL
        return f"${self.value:,}" if self.money else f"{self.value:,}"


@dataclass(frozen=True, slots=True)
class Provider:
    key: str
    label: str
    source: str
    read: Callable[[], Reading]


_providers: dict[str, Provider] = {}


def provider(key: str, label: str, *, source: str) -> Callable[[Callable[[], Reading]], Any]:
    """Register ``read`` as the provider of the figure ``key``."""

    def decorate(read: Callable[[], Reading]) -> Callable[[], Reading]:
        _providers[key] = Provider(key, label, source, read)
        return read

    return decorate


def providers() -> dict[str, Provider]:
    return dict(_providers)


def choices() -> list[tuple[str, str]]:
    return [(p.key, p.label) for p in _providers.values()]


def unknown_keys(keys: Iterable[str]) -> list[str]:
    return [k for k in keys if k not in _providers]


def recently(name: str, compute: Callable[[], T]) -> T:
    """``compute()``, reused for ``CORRIDOR_EVIDENCE_SECONDS`` under ``name`` (evidence is
    region-wide, the same for every reader: suppression is applied per reader after)."""
    seconds = settings.CORRIDOR_EVIDENCE_SECONDS
    key = f"corridor:evidence:{name}"
    value = cache.get(key) if seconds > 0 else None
    if value is None:
        with system_scope(f"region-wide evidence {name}"):
            value = compute()
        if seconds > 0:
            cache.set(key, value, seconds)
    return value


def recent_reading(found: Provider) -> Reading:
    """The provider's reading, reused for ``CORRIDOR_EVIDENCE_SECONDS``."""
    return recently(found.key, found.read)


class Snapshot:
    """The figures as one reader sees them now; each provider is read once however many
    messages or asks of a page name it."""

    def __init__(self, user: Any) -> None:
        self.partner = not policy.actor_for(user).is_participant
        self._readings: dict[str, Reading] = {}

    def figure(self, key: str) -> Figure:
        found = _providers[key]
        reading = self._readings.get(key)
        if reading is None:
            reading = self._readings[key] = recent_reading(found)
        value: int | None = reading.value
        few = reading.companies is not None and disclosure.suppress(reading.companies).suppressed
        if self.partner and few:
            value = None
        return Figure(found.key, found.label, found.source, value, reading.money)

    def figures(self, keys: Iterable[str] | None = None) -> list[Figure]:
        """The figures for ``keys`` (every provider when None), unknown keys skipped."""
        wanted = list(_providers) if keys is None else [k for k in keys if k in _providers]
        return [self.figure(k) for k in dict.fromkeys(wanted)]


def figures(user: Any, keys: Iterable[str] | None = None) -> list[Figure]:
    return Snapshot(user).figures(keys)


def _companies(rows: QuerySet[Any], company: str) -> int:
    """How many companies ``rows`` stand on, up to the small-count minimum: stopping there
    spares counting every company behind half a million calls."""
    return len(rows.values(company).order_by().distinct()[: disclosure.MINIMUM])


# --- the providers of the capabilities built so far ---------------------------------
@provider("registry.jobs", "Jobs in the corridor's registered plants", source="Registry")
def _jobs() -> Reading:
    from corridor.registry.models import Facility

    rows = Facility.objects.filter(employees__isnull=False)
    total = rows.aggregate(total=Sum("employees"))["total"] or 0
    return Reading(total, companies=_companies(rows, "company_id"))


@provider("registry.facilities", "Automotive plants in the registry", source="Registry")
def _facilities() -> Reading:
    from corridor.registry.models import Facility

    rows = Facility.objects.all()
    return Reading(rows.count(), companies=_companies(rows, "company_id"))


@provider("registry.oem_plants", "Vehicle assembly plants (OEM)", source="Registry")
def _oem_plants() -> Reading:
    from corridor.registry.models import Facility, Tier

    return Reading(Facility.objects.filter(tier=Tier.OEM).count())  # public knowledge


@provider("calls.completed", "Corporate calls completed", source="Corporate calls")
def _calls() -> Reading:
    from corridor.calls.models import Call, CallStatus

    rows = Call.objects.filter(status=CallStatus.COMPLETED)
    return Reading(rows.count(), companies=_companies(rows, "facility__company_id"))


@provider("calls.open_red_flags", "Open red flags (plants at risk)", source="Corporate calls")
def _red_flags() -> Reading:
    from corridor.calls.models import Flag, FlagStatus, Severity

    rows = Flag.objects.filter(severity=Severity.RED, status=FlagStatus.OPEN)
    return Reading(rows.count(), companies=_companies(rows, "facility__company_id"))


@provider(
    "calls.open_follow_ups", "Open follow-ups promised to companies", source="Corporate calls"
)
def _follow_ups() -> Reading:
    from corridor.calls.models import FollowUp, FollowUpStatus

    rows = FollowUp.objects.filter(status=FollowUpStatus.OPEN)
    return Reading(rows.count(), companies=_companies(rows, "facility__company_id"))


@provider(
    "supplychain.gaps",
    "Capabilities bought from far away with no local supplier",
    source="Supply chain",
)
def _gaps() -> Reading:
    gaps, buyers, _ = recently("supplychain.unmet", _unmet)
    return Reading(gaps, companies=buyers)


def _unmet() -> tuple[int, int, int]:
    """Gaps with unmet needs, the companies behind them and their value: one gap analysis
    for the two figures that use it."""
    from corridor.supplychain.gaps import gap_analysis

    gaps = [g for g in gap_analysis() if g.unmet_needs]
    buyers = set().union(*(g.unmet_buyers for g in gaps)) if gaps else set()
    return len(gaps), len(buyers), sum(g.unmet_value for g in gaps)


@provider(
    "supplychain.unmet_value",
    "Purchases a year with no local supplier ($)",
    source="Supply chain",
)
def _unmet_value() -> Reading:
    _, buyers, value = recently("supplychain.unmet", _unmet)
    return Reading(value, companies=buyers, money=True)


@provider("supplychain.open_needs", "Open supply needs heard from plants", source="Supply chain")
def _needs() -> Reading:
    from corridor.supplychain.models import NeedStatus, SupplyNeed

    rows = SupplyNeed.objects.filter(status__in=[NeedStatus.OPEN, NeedStatus.INTRODUCED])
    return Reading(rows.count(), companies=_companies(rows, "buyer__company_id"))


@provider(
    "workforce.shortages",
    "Occupations clearly short of workers in a region (shortage index 2 or more)",
    source="Skills and workforce",
)
def _shortages() -> Reading:
    import datetime as dt

    from corridor.core.disclosure import MINIMUM
    from corridor.workforce.gap_report import collect
    from corridor.workforce.gaps import gap_table

    # Call openings from fewer than 5 companies are left out, as on partners' gap page,
    # so the count can be shown to everyone.
    gaps = gap_table(collect(dt.date.today()), hide_calls_under=MINIMUM)
    return Reading(sum(1 for g in gaps if g.index >= 2))


def _funded_rollup() -> Any:
    from corridor.programs.analytics import analyse, referred_project_ids
    from corridor.programs.models import FundedProject, ProjectStatus

    rows = FundedProject.objects.exclude(status=ProjectStatus.CANCELLED)
    projects = list(rows.select_related("program", "municipality").order_by("pk"))
    return analyse(projects, referred_project_ids([p.pk for p in projects])).total


@provider(
    "programs.contribution",
    "Government contributions to funded projects in the corridor ($)",
    source="Funding programs",
)
def _contribution() -> Reading:
    return Reading(_funded_rollup().contribution, money=True)  # public funding records


@provider(
    "programs.jobs_expected",
    "Jobs funded projects expect to create",
    source="Funding programs",
)
def _jobs_expected() -> Reading:
    return Reading(_funded_rollup().jobs_created_expected)


@provider(
    "programs.from_referrals",
    "Funded projects that came from a Corridor referral",
    source="Funding programs",
)
def _from_referrals() -> Reading:
    return Reading(_funded_rollup().from_referrals)


@provider(
    "intel.ontario_investment",
    "Investment in Ontario announced by governments and companies, as Corridor tracked it ($)",
    source="Intelligence",
)
def _ontario_investment() -> Reading:
    from corridor.intel.models import Fact, FactKind, FactStatus

    rows = Fact.objects.filter(
        kind=FactKind.INVESTMENT, currency="CAD", jurisdiction__name__in=["Ontario", "Canada"]
    ).exclude(status=FactStatus.REJECTED)
    total = rows.aggregate(total=Sum("amount_cad"))["total"] or 0
    return Reading(int(total), money=True)  # public announcements
