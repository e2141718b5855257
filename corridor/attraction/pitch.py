"""The pitch pack: what an investor asks about a supply gap, each figure with its source.

``build(user, capability, prospect=None, *, outside=False)`` gathers six sections:

1. **demand**: the buyers' unmet demand for the capability (``supplychain.gaps``): needs
   with no local supplier, their value per year and the buyer companies behind them. The
   count of companies is whole only for a reader who may know every buyer behind it (the
   coordinator, or the municipality that recorded all the needs); for anyone else, and
   in the PDF whoever prints it (``outside``), fewer than 5 companies are shown as "fewer
   than 5" and the needs and value behind them are not shown (``core/disclosure.py``).
2. **oem**: OEM plants with open needs in it (named only to who may know the buyer,
   otherwise counted), and OEM plants that hang on a single local supplier of it.
3. **labour**: per occupation the capability hires (``occupations.py``), the workforce
   tables' demand, supply and graduates per economic region, and the training programs.
4. **programs**: funding programs that would fit a manufacturer of the capability setting
   up or expanding, read by the programs' own eligibility rules.
5. **sites**: member municipalities ranked by the unmet buyers within the needs' reach.
6. **announcements**: investments in intelligence that mention the capability.

The page, the PDF and the API all render what this returns.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import F, Prefetch, Q
from django.utils import timezone

from corridor.attraction.models import Prospect
from corridor.attraction.occupations import noc_codes_for
from corridor.core import policy
from corridor.core.disclosure import MINIMUM, Cell, for_reader, suppress
from corridor.core.models import Municipality, Organisation, OrganisationKind
from corridor.core.scoping import system_scope
from corridor.intel.models import Fact
from corridor.intel.models.fact import FactKind, FactStatus
from corridor.programs.eligibility import (
    ELIGIBLE,
    POSSIBLY,
    PROJECT_TYPES,
    RANK,
    CompanyFacts,
    ProjectPlan,
    Verdict,
    evaluate,
)
from corridor.programs.models import FundingProgram, ProgramStatus
from corridor.registry.models import Facility, Tier
from corridor.registry.resolution.geo import haversine_km
from corridor.supplychain.gaps import (
    SupplierMap,
    concentration_risks,
    gap_analysis,
    suppliers_for,
)
from corridor.supplychain.models import Capability, NeedStatus, SupplyNeed
from corridor.workforce.gap_report import WINDOW_MONTHS, collect, months_back
from corridor.workforce.gaps import gap_table
from corridor.workforce.models import (
    Campus,
    DemandKind,
    LabourSupply,
    Occupation,
    Region,
    TrainingProgram,
)
from corridor.workforce.models import Demand as WorkforceDemand
from corridor.workforce.rules import sees_small_counts

OPEN = (NeedStatus.OPEN, NeedStatus.INTRODUCED)
RADIUS_KM = 150  # the concentration risk's radius, as on the gap page
PLAN_TYPES = ("capital_investment", "technology_adoption", "skills")
NAICS_MANUFACTURING = "3363"  # motor vehicle parts manufacturing
MAX_SITES = 10
MAX_ANNOUNCEMENTS = 20


# --- what the pack holds ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ProspectHeader:
    prospect: Prospect
    competitors: list[str] | None  # None: the reader may not read them


@dataclass
class DemandSection:
    unmet_needs: int | None  # None: suppressed with the companies
    unmet_value: int | None
    buyers: Cell
    needs: int | None  # every open need, met or not
    suppliers_in_region: int
    whole: bool  # the reader sees the counts whole
    buyer_lines: list[tuple[str, int | None]] = field(default_factory=list)  # (buyer, value)
    source: str = ""

    @property
    def has_needs(self) -> bool:
        return bool(self.needs)


@dataclass
class OemSection:
    named: list[Facility]  # OEM plants with open needs the reader may know of
    unnamed: Cell  # the others, counted
    dependent: list[tuple[Facility, str]]  # (OEM plant, the capability it hangs on)
    source: str = ""

    @property
    def is_empty(self) -> bool:
        return not self.named and not self.unnamed.value and not self.dependent


@dataclass(frozen=True, slots=True)
class RegionLine:
    region: Region
    employed: int
    unemployed: int
    postings: int
    call_openings: int | None  # None: left out (fewer than 5 companies)
    graduates: float
    index: float

    @property
    def demand(self) -> int:
        return self.postings + (self.call_openings or 0)

    @property
    def available(self) -> float:
        return self.unemployed + self.graduates


@dataclass(frozen=True, slots=True)
class TrainingLine:
    institution: str
    program: str
    credential: str
    campuses: list[str]  # "Campus (Municipality)"
    graduates_per_year: int


@dataclass
class OccupationLine:
    occupation: Occupation
    regions: list[RegionLine]
    training: list[TrainingLine]

    @property
    def employed(self) -> int:
        return sum(r.employed for r in self.regions)

    @property
    def demand(self) -> int:
        return sum(r.demand for r in self.regions)

    @property
    def graduates(self) -> float:
        return round(sum(t.graduates_per_year for t in self.training), 1)


@dataclass
class LabourSection:
    occupations: list[OccupationLine]
    start: dt.date
    on: dt.date
    calls_whole: bool
    source: str = ""

    @property
    def has_training(self) -> bool:
        return any(o.training for o in self.occupations)

    @property
    def largest_employment(self) -> int:
        return max((o.employed for o in self.occupations), default=0)


@dataclass(frozen=True, slots=True)
class ProgramLine:
    program: FundingProgram
    verdict: Verdict
    project_type: str

    @property
    def status(self) -> str:
        return self.verdict.status

    @property
    def status_label(self) -> str:
        return "Eligible" if self.verdict.status == ELIGIBLE else "Possibly eligible"

    @property
    def why(self) -> str:
        passed = [r.wording for r in self.verdict.results if r.passed]
        if not self.verdict.missing:
            return ("Meets every rule: " + "; ".join(passed) + ".") if passed else "No rule."
        parts = [f"Meets: {'; '.join(passed)}." if passed else ""]
        parts.append("To confirm with the company: " + ", ".join(self.verdict.missing) + ".")
        return " ".join(p for p in parts if p)


@dataclass
class ProgramSection:
    lines: list[ProgramLine]
    assumption: str
    source: str = ""


@dataclass(frozen=True, slots=True)
class SiteLine:
    municipality: Municipality
    buyers: Cell  # unmet buyer companies within their needs' reach of it
    employed: int  # in its economic region, the capability's occupations
    unemployed: int
    percent: int  # of the first line's buyers, for the bar (0 when suppressed)


@dataclass
class SiteSection:
    lines: list[SiteLine]
    unmet_buyers: Cell
    source: str = ""


@dataclass(frozen=True, slots=True)
class Announcement:
    fact: Fact
    title: str
    document_id: int
    url: str


@dataclass
class AnnouncementSection:
    lines: list[Announcement]
    terms: list[str]
    source: str = ""


@dataclass
class Pack:
    capability: Capability
    prospect: ProspectHeader | None
    outside: bool
    made_on: dt.date
    demand: DemandSection
    oem: OemSection
    labour: LabourSection
    programs: ProgramSection
    sites: SiteSection
    announcements: AnnouncementSection

    @property
    def title(self) -> str:
        if self.prospect is not None:
            return f"Pitch pack: {self.prospect.prospect.name} ({self.capability.label})"
        return f"Pitch pack: {self.capability.label}"


# --- building it --------------------------------------------------------------------


def capability_by_key(key: str) -> Capability | None:
    with system_scope("the taxonomy is shared reference data"):
        found: Capability | None = Capability.objects.filter(key=key).first()
    return found


def _descendant_keys(capability: Capability) -> set[str]:
    with system_scope("the taxonomy is shared reference data"):
        children: dict[int | None, list[tuple[int, str]]] = defaultdict(list)
        for pk, parent_id, key in Capability.objects.values_list("pk", "parent_id", "key"):
            children[parent_id].append((pk, key))
    found = {capability.key}
    todo = [capability.pk]
    while todo:
        for pk, key in children.get(todo.pop(), []):
            if key not in found:
                found.add(key)
                todo.append(pk)
    return found


def _open_needs(capability: Capability) -> list[SupplyNeed]:
    with system_scope("the pitch pack counts every municipality's needs (buyers stay hidden)"):
        return list(
            SupplyNeed.objects.filter(capability=capability, status__in=OPEN)
            .select_related("capability", "buyer", "buyer__municipality")
            .order_by("-annual_value", "pk")
        )


def _demand(
    user: Any,
    capability: Capability,
    needs: list[SupplyNeed],
    unmet: list[SupplyNeed],
    suppliers: SupplierMap,
    outside: bool,
    on: dt.date,
) -> DemandSection:
    gap = next((g for g in gap_analysis(1, suppliers) if g.capability.pk == capability.pk), None)
    unmet_buyers = gap.unmet_buyer_count if gap else 0
    knows_all = all(policy.can_read_confidential(user, n) for n in unmet)
    whole = knows_all and not outside
    buyers = for_reader(unmet_buyers, full=whole)
    shown = not buyers.suppressed
    lines: list[tuple[str, int | None]] = []
    if not outside:
        for need in unmet:
            if policy.can_read_confidential(user, need):
                buyer = need.buyer
                place = buyer.municipality.name if buyer.municipality else buyer.city
                lines.append((f"{buyer.name} ({place or 'place not known'})", need.annual_value))
    every = for_reader(gap.buyer_count if gap else 0, full=whole)
    return DemandSection(
        unmet_needs=(gap.unmet_needs if gap else 0) if shown else None,
        unmet_value=(gap.unmet_value if gap else 0) if shown else None,
        buyers=buyers,
        needs=(gap.needs if gap else len(needs)) if not every.suppressed else None,
        suppliers_in_region=len(suppliers.by_capability.get(capability.key, ())),
        whole=whole,
        buyer_lines=lines,
        source=(
            f"Source: Corridor supply needs recorded on calls (open or introduced), as of "
            f"{on:%Y-%m-%d}; a need is unmet when no facility in Corridor's registry with "
            f"the capability lies within the need's radius of the buyer. Counts of fewer "
            f"than {MINIMUM} companies are not shown."
        ),
    )


def _oem(
    user: Any,
    capability: Capability,
    needs: list[SupplyNeed],
    suppliers: SupplierMap,
    outside: bool,
) -> OemSection:
    named: dict[int, Facility] = {}
    hidden: set[int] = set()
    for need in needs:
        if need.buyer.tier != Tier.OEM:
            continue
        if not outside and policy.can_read_confidential(user, need):
            named[need.buyer_id] = need.buyer
        else:
            hidden.add(need.buyer_id)
    hidden -= set(named)
    keys = _descendant_keys(capability)
    risks = [r for r in concentration_risks(RADIUS_KM, suppliers) if r.capability.key in keys]
    plant_ids = {p for r in risks for p in r.oem_plants}
    plants = {f.pk: f for f in policy.visible(user, Facility).filter(pk__in=plant_ids)}
    dependent: dict[int, tuple[Facility, str]] = {}
    for risk in risks:
        for pk in risk.oem_plants:
            if pk in plants and pk not in dependent:
                dependent[pk] = (plants[pk], risk.capability.label)
    return OemSection(
        named=sorted(named.values(), key=lambda f: f.name),
        unnamed=suppress(len(hidden)),
        dependent=sorted(dependent.values(), key=lambda d: d[0].name),
        source=(
            "Source: Corridor supply needs recorded on calls (OEM-tier buyers in Corridor's "
            f"registry); single-supplier dependence from the registry's capability tags, "
            f"within {RADIUS_KM} km of each OEM plant."
        ),
    )


def _sources(qs: Any) -> list[str]:
    return sorted({s for s in qs.values_list("source", flat=True).distinct() if s})


def _labour(
    user: Any, codes: tuple[str, ...], outside: bool, on: dt.date
) -> tuple[LabourSection, dict[int, tuple[int, int]]]:
    """The section, and (employed, unemployed) per region id over the occupations."""
    occupations = {
        o.noc_code: o for o in policy.visible(user, Occupation).filter(noc_code__in=codes)
    }
    ordered = [occupations[c] for c in codes if c in occupations]
    calls_whole = sees_small_counts(user) and not outside
    figures = collect(on)
    wanted = {o.pk for o in ordered}
    table = gap_table(
        {k: v for k, v in figures.items() if k[0] in wanted},
        hide_calls_under=0 if calls_whole else MINIMUM,
    )
    regions = {r.pk: r for r in policy.visible(user, Region)}
    by_occupation: dict[int, list[RegionLine]] = defaultdict(list)
    per_region: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for g in table:
        region = regions.get(g.region_id)
        if region is None:
            continue
        by_occupation[g.occupation_id].append(
            RegionLine(
                region, g.employed, g.unemployed, g.postings, g.call_openings, g.graduates, g.index
            )
        )
        per_region[g.region_id][0] += g.employed
        per_region[g.region_id][1] += g.unemployed
    campuses: Any = policy.visible(user, Campus).select_related("municipality")
    trains_for: Any = policy.visible(user, Occupation)
    programs = (
        policy.visible(user, TrainingProgram)
        .filter(occupations__in=ordered)
        .distinct()
        .select_related("institution")
        .prefetch_related(
            Prefetch("campuses", queryset=campuses),
            Prefetch("occupations", queryset=trains_for),
        )
        .order_by("institution__name", "name")
    )
    training: dict[int, list[TrainingLine]] = defaultdict(list)
    for program in programs:
        line = TrainingLine(
            program.institution.name,
            program.name,
            program.get_credential_display(),
            [
                f"{c.name} ({c.municipality.name})"
                for c in program.campuses.all()
                if c.deleted_at is None
            ],
            program.graduates_per_year,
        )
        for occupation in program.occupations.all():
            if occupation.pk in wanted:
                training[occupation.pk].append(line)
    lines = [
        OccupationLine(
            o,
            sorted(by_occupation.get(o.pk, []), key=lambda r: r.region.code),
            training.get(o.pk, []),
        )
        for o in ordered
    ]
    start = months_back(on, WINDOW_MONTHS - 1)
    with system_scope("the names of the workforce tables' sources"):
        supply_sources = _sources(LabourSupply.objects.filter(occupation__in=ordered))
        posting_sources = _sources(
            WorkforceDemand.objects.filter(kind=DemandKind.POSTINGS, occupation__in=ordered)
        )
        program_sources = _sources(TrainingProgram.objects.filter(occupations__in=ordered))
    named = "; ".join(
        part
        for part in (
            "labour supply: " + ", ".join(supply_sources) if supply_sources else "",
            "job postings: " + ", ".join(posting_sources) if posting_sources else "",
            "training programs: " + ", ".join(program_sources) if program_sources else "",
        )
        if part
    )
    source = (
        "Source: Statistics Canada / Job Bank via Corridor's workforce tables"
        + (f" ({named})" if named else "")
        + f", openings reported on calls, {start:%Y-%m} to {on:%Y-%m}; occupations "
        "(NOC 2021) a plant of this kind hires, from Corridor's mapping."
    )
    if not calls_whole:
        source += f" Openings reported on calls by fewer than {MINIMUM} companies are left out."
    section = LabourSection(lines, start, on, calls_whole, source)
    return section, {k: (v[0], v[1]) for k, v in per_region.items()}


def _programs(
    user: Any, capability: Capability, prospect: Prospect | None, site: Municipality | None
) -> ProgramSection:
    jobs = prospect.estimated_jobs if prospect else None
    facts = CompanyFacts(
        employees=jobs,
        naics=NAICS_MANUFACTURING,
        municipality=site.name if site else None,
        economic_region=(site.economic_region or None) if site else None,
        province="ON",
    )
    cost = prospect.estimated_investment if prospect else None
    lines: list[ProgramLine] = []
    programs = policy.visible(user, FundingProgram).exclude(status=ProgramStatus.CLOSED)
    for program in programs.order_by("name", "pk"):
        best: tuple[Verdict, str] | None = None
        for kind in PLAN_TYPES:
            plan = ProjectPlan(project_type=kind, partners=1, total_cost=cost)
            verdict = evaluate(program.eligibility, facts, plan)
            if best is None or RANK[verdict.status] > RANK[best[0].status]:
                best = (verdict, kind)
        if best is not None and best[0].status in (ELIGIBLE, POSSIBLY):
            lines.append(ProgramLine(program, best[0], best[1]))
    lines.sort(key=lambda line: (-RANK[line.status], line.program.name))
    place = f"in {site.name}" if site else "in Ontario"
    size = f"of about {jobs:,} jobs" if jobs else "(jobs not yet known)"
    money = f", investing ${cost:,}" if cost else ""
    assumption = (
        f"A manufacturer of {capability.label.lower()} (NAICS {NAICS_MANUFACTURING}, motor "
        f"vehicle parts) setting up or expanding a plant {size} {place}{money}, alone "
        "(no consortium); each program is read for a project of "
        + ", ".join(PROJECT_TYPES[k] for k in PLAN_TYPES)
        + " and shown for the one that fits best."
    )
    return ProgramSection(
        lines,
        assumption,
        "Source: Corridor funding programs catalogue (open programs and those whose status "
        "is not known), read by each program's eligibility rules as Corridor records them.",
    )


def member_municipalities(user: Any) -> list[Municipality]:
    ids = (
        policy.visible(user, Organisation)
        .filter(kind=OrganisationKind.MUNICIPALITY, municipality__isnull=False)
        .values("municipality_id")
    )
    return list(policy.visible(user, Municipality).filter(pk__in=ids).order_by("name"))


def _sites(
    user: Any,
    unmet: list[SupplyNeed],
    suppliers: SupplierMap,
    labour: dict[int, tuple[int, int]],
    buyers_whole: bool,
    unmet_buyers: Cell,
) -> SiteSection:
    regions = {r.name: r.pk for r in policy.visible(user, Region)}
    counted: list[tuple[Municipality, int]] = []
    for place in member_municipalities(user):
        point = (float(place.latitude), float(place.longitude))
        reached = {
            need.buyer.company_id
            for need in unmet
            if need.buyer_id in suppliers.points
            and haversine_km(point, suppliers.points[need.buyer_id]) <= need.radius_km
        }
        if reached:
            counted.append((place, len(reached)))
    counted.sort(key=lambda pair: (-pair[1], pair[0].name))
    counted = counted[:MAX_SITES]
    top = counted[0][1] if counted else 0
    lines = []
    for place, count in counted:
        cell = for_reader(count, full=buyers_whole)
        employed, unemployed = labour.get(regions.get(place.economic_region, -1), (0, 0))
        percent = round(100 * count / top) if top and not cell.suppressed else 0
        lines.append(SiteLine(place, cell, employed, unemployed, percent))
    return SiteSection(
        lines,
        unmet_buyers,
        "Source: Corridor's member municipalities (coordinates of Statistics Canada census "
        "subdivisions) and the unmet supply needs above: a buyer counts for a municipality "
        "within the need's radius of it; labour of the municipality's economic region from "
        "Corridor's workforce tables.",
    )


def _terms(capability: Capability) -> list[str]:
    terms = [capability.label, *capability.synonym_list()]
    # a 2-letter abbreviation ("IM") would match inside every other word
    return [t for t in dict.fromkeys(terms) if len(t) >= 3]


def _announcements(user: Any, capability: Capability) -> AnnouncementSection:
    terms = _terms(capability)
    if not terms:
        return AnnouncementSection([], [], "")
    wanted = Q()
    for term in terms:
        wanted |= Q(sentence__icontains=term) | Q(document__title__icontains=term)
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(t) for t in terms) + r")\b", re.IGNORECASE)
    facts = (
        policy.visible(user, Fact)
        .filter(wanted, kind=FactKind.INVESTMENT)
        .exclude(status=FactStatus.REJECTED)
        .select_related("document")
        .order_by(F("date").desc(nulls_last=True), F("document__date").desc(nulls_last=True), "-pk")
    )
    lines: list[Announcement] = []
    for fact in facts[:200]:
        if not (pattern.search(fact.sentence) or pattern.search(fact.document.title)):
            continue
        lines.append(Announcement(fact, fact.document.title, fact.document_id, fact.document.url))
        if len(lines) == MAX_ANNOUNCEMENTS:
            break
    lines.sort(key=lambda a: a.fact.date or a.fact.document.date or dt.date.min, reverse=True)
    return AnnouncementSection(
        lines,
        terms,
        "Source: Announcements in Corridor's intelligence (investment facts read from news "
        "and government releases, not rejected by an officer) that name "
        + ", ".join(f"\u201c{t}\u201d" for t in terms[:6])
        + ("…" if len(terms) > 6 else "")
        + ".",
    )


def build(
    user: Any,
    capability: Capability,
    prospect: Prospect | None = None,
    *,
    outside: bool = False,
    on: dt.date | None = None,
) -> Pack:
    """The pack for ``capability`` as ``user`` may read it; ``outside``: for a document that
    leaves the office (the PDF), with small counts suppressed and no buyer named."""
    on = on or timezone.localdate()
    suppliers = SupplierMap()
    needs = _open_needs(capability)
    unmet = [n for n in needs if not suppliers_for(n, suppliers)]
    demand = _demand(user, capability, needs, unmet, suppliers, outside, on)
    labour, per_region = _labour(user, noc_codes_for(capability), outside, on)
    sites = _sites(user, unmet, suppliers, per_region, demand.whole, demand.buyers)
    site = prospect.municipality if prospect is not None and prospect.municipality_id else None
    if site is None and sites.lines:
        site = sites.lines[0].municipality
    header = None
    if prospect is not None:
        readable = policy.can_read_confidential(user, prospect) and not outside
        header = ProspectHeader(prospect, prospect.competitors if readable else None)
    return Pack(
        capability=capability,
        prospect=header,
        outside=outside,
        made_on=on,
        demand=demand,
        oem=_oem(user, capability, needs, suppliers, outside),
        labour=labour,
        programs=_programs(user, capability, prospect, site),
        sites=sites,
        announcements=_announcements(user, capability),
    )
