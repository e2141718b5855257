"""Scoring a record against a candidate facility: field evidence summed as log-odds.

Each field that both sides carry adds or subtracts weight (a Fellegi-Sunter style sum whose
weights were set by hand from what each agreement means, then checked on generated lists);
a missing field adds nothing. The total, with a prior, goes through the logistic function to
give a score in 0..1.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA, Indel

from .addresses import StreetAddress
from .geo import haversine_km
from .names import CompanyName
from .places import resolve_town
from .records import FacilityEntry, PreparedRecord

PRIOR = -5.0  # a candidate sharing a blocking key is, before evidence, unlikely to be the one


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Where scores turn into decisions."""

    match: float = 0.88  # at or above: link to the facility
    review: float = 0.18  # at or above (below match): park for a coordinator
    ambiguity_margin: float = 2.0  # log-odds: two different facilities this close -> review
    block_cap: int = 60
    max_candidates: int = 24
    # a company known to have several plants: a different phone with nothing facility-level
    # agreeing caps a match to review (Resolver._verdict); False keeps such rows matching
    multi_plant_phone_review: bool = True


def logistic(weight: float) -> float:
    return 1.0 / (1.0 + math.exp(-weight))


def name_similarity(a: CompanyName, b: CompanyName) -> float:
    """0..1 similarity of two normalised names (spacing- and word-order-tolerant)."""
    if a.compact == b.compact:
        return 1.0
    best = Indel.normalized_similarity(a.compact, b.compact)
    if 0.5 <= best < 0.97 and len(a.tokens) > 1 and len(b.tokens) > 1:
        best = max(best, fuzz.token_sort_ratio(a.core, b.core) / 100.0)
    if a.alternates or b.alternates:
        for alternate in a.alternates:
            best = max(best, Indel.normalized_similarity(alternate, b.core))
        for alternate in b.alternates:
            best = max(best, Indel.normalized_similarity(a.core, alternate))
    return best


def _name_weight(record: CompanyName, entry: FacilityEntry, reasons: list[str] | None) -> float:
    if record.number and entry.numbers:
        if record.number in entry.numbers:
            if reasons is not None:
                reasons.append(f"same numbered company {record.number}")
            return 7.0
        if reasons is not None:
            reasons.append("different numbered company")
        return -7.0
    best = -1.0
    best_name = record
    if not record.numbered_only:
        for name in entry.names:
            if not name.numbered_only:
                similarity = name_similarity(record, name)
                if similarity > best:
                    best, best_name = similarity, name
                    if similarity == 1.0:
                        break
    if best < 0.0:
        if reasons is not None:
            reasons.append("only a numbered company name")
        return 0.0
    if (
        0.6 <= best < 0.97
        and record.trade
        and best_name.trade
        and _different_trade(record, best_name)
    ):
        if reasons is not None:
            reasons.append(f"name similarity {best:.2f}, different line of business")
        return -7.0
    distinctive = record.distinctive or best_name.distinctive
    curve = _DISTINCTIVE_CURVE if distinctive else _GENERIC_CURVE
    if best <= curve[0][0]:
        weight = curve[0][1]
    else:
        segments = _DISTINCTIVE_SEGMENTS if distinctive else _GENERIC_SEGMENTS
        weight = _on_segments(best, segments, curve[-1][1])
    if reasons is not None:
        generic = "" if distinctive else " (generic name)"
        reasons.append(f"name similarity {best:.2f}{generic}")
    return weight


# Name similarity -> log-odds, piecewise linear. A generic name ("Precision Machining") agreeing
# says less than a distinctive one ("Northstar Stamping").
_DISTINCTIVE_CURVE = (
    (0.6, -7.0),
    (0.7, -3.0),
    (0.8, 0.0),
    (0.86, 3.0),
    (0.9, 5.0),
    (0.93, 6.0),
    (0.96, 6.8),
    (1.0, 7.0),
)
_GENERIC_CURVE = (
    (0.6, -7.0),
    (0.7, -3.0),
    (0.8, 0.0),
    (0.86, 1.0),
    (0.92, 3.0),
    (0.97, 4.5),
    (1.0, 4.5),
)


def _interpolate(x: float, curve: tuple[tuple[float, float], ...]) -> float:
    if x <= curve[0][0]:
        return curve[0][1]
    return _on_segments(x, _segments(curve), curve[-1][1])


def _segments(
    curve: tuple[tuple[float, float], ...],
) -> tuple[tuple[float, float, float, float], ...]:
    return tuple((x0, y0, x1, y1) for (x0, y0), (x1, y1) in itertools.pairwise(curve))


def _on_segments(
    x: float, segments: tuple[tuple[float, float, float, float], ...], last: float
) -> float:
    for x0, y0, x1, y1 in segments:
        if x <= x1:
            return y0 + (y1 - y0) * (x - x0) / (x1 - x0)
    return last


# The curves as (x0, y0, x1, y1) segments, unpacked once: _name_weight runs per candidate.
_DISTINCTIVE_SEGMENTS = _segments(_DISTINCTIVE_CURVE)
_GENERIC_SEGMENTS = _segments(_GENERIC_CURVE)


def _different_trade(a: CompanyName, b: CompanyName) -> bool:
    """'Apex Stamping' / 'Apex Tooling': the trade words disagree outright (sister companies)."""
    similar = Indel.normalized_similarity
    return not any(similar(x, y) >= 0.8 for x in a.trade for y in b.tokens) and not any(
        similar(x, y) >= 0.8 for x in b.trade for y in a.tokens
    )


def _plant_weight(
    record: CompanyName, names: list[CompanyName], reasons: list[str] | None
) -> float:
    plant = record.plant
    if plant is None:
        return 0.0
    others = {n.plant for n in names if n.plant}
    if not others:
        return 0.0
    if plant in others:
        if reasons is not None:
            reasons.append("same plant descriptor")
        return 0.5
    for other in sorted(others):  # sorted: the reason names the same plant on every run
        both_numbers = plant.isdigit() and other.isdigit()
        if both_numbers or (not plant.isdigit() and _different_places(plant, other)):
            if reasons is not None:
                reasons.append(f"different plant ({plant} / {other})")
            return -4.0
    return 0.0


def _different_places(a: str, b: str) -> bool:
    town_a, town_b = resolve_town(a), resolve_town(b)
    if town_a is None or town_b is None or not (town_a.known and town_b.known):
        return False
    return not (town_a.municipalities & town_b.municipalities)


def _street_weight(
    record: StreetAddress, streets: list[StreetAddress], reasons: list[str] | None
) -> float:
    best = -99.0
    why = ""
    for other in streets:
        same_number = bool(record.number) and record.number == other.number
        same_street = _same_street(record.street, other.street, same_number)
        if record.number and other.number:
            if record.number == other.number and same_street:
                if record.unit and other.unit and record.unit != other.unit:
                    weight, text = 0.5, "same address, different unit"
                else:
                    weight, text = 3.5, "same street address"
            elif same_street:
                if OSA.distance(record.number, other.number) == 1 and len(record.number) > 2:
                    weight, text = -1.5, "street number differs by one character"
                else:
                    weight, text = -7.0, "different street number"
            else:
                weight, text = -7.0, "different street"
        elif same_street:
            weight, text = 1.0, "same street"
        else:
            weight, text = -1.0, "different street"
        if weight > best:
            best, why = weight, text
    if best == -99.0:
        return 0.0
    if reasons is not None:
        reasons.append(why)
    return best


def _same_street(a: str | None, b: str | None, same_number: bool) -> bool:
    """Street names agree, allowing a slip ('Mady Dr' / 'Mary Dr'); laxer when the numbers agree."""
    if a is None or b is None:
        return False
    if a == b:
        return True
    similarity = Indel.normalized_similarity(a, b)
    if similarity >= (0.6 if same_number else 0.85):
        return True
    return min(len(a), len(b)) >= 4 and OSA.distance(a, b, score_cutoff=1) <= 1


def _point_weight(
    point: tuple[float, float], points: list[tuple[float, float]], reasons: list[str] | None
) -> float:
    km = min(haversine_km(point, other) for other in points)
    if km <= 0.3:
        weight = 2.0
    elif km <= 1.0:
        weight = 1.0
    elif km <= 2.0:
        weight = 0.0  # geocoding to a postal-code centroid can be this far off
    elif km <= 5.0:
        weight = -2.5
    elif km <= 25.0:
        weight = -3.5
    else:
        weight = -5.0
    if reasons is not None:
        reasons.append(f"{km:.1f} km apart")
    return weight


@dataclass(slots=True)
class Comparison:
    """A record scored against one facility."""

    weight: float  # log-odds, prior included
    confirmed: bool  # facility-level agreement: phone, postal code, street address or position
    cap: str | None  # why this pair may at most be reviewed, never matched automatically
    reasons: list[str]
    phone_differs: bool = False  # both sides have phones and none agrees


def compare(record: PreparedRecord, entry: FacilityEntry, explain: bool = False) -> Comparison:
    """Log-odds that the record is this facility, what caps it, and (if explain) the reasons."""
    reasons: list[str] | None = [] if explain else None
    name_weight = _name_weight(record.name, entry, reasons)
    plant_weight = _plant_weight(record.name, entry.names, reasons)
    weight = PRIOR + name_weight + plant_weight
    confirmed = (
        plant_weight > 0
    )  # facility-level agreement: plant, phone, postal code, address, position

    phones = record.phones
    same_phone = phone_differs = False
    if phones and entry.phones:
        # most rows carry one phone: test it directly rather than through a generator
        if (
            phones[0] in entry.phones
            if len(phones) == 1
            else any(p in entry.phones for p in phones)
        ):
            weight += 4.0
            confirmed = same_phone = True
            if reasons is not None:
                reasons.append("same phone")
        else:
            weight -= 1.0
            phone_differs = True
            if reasons is not None:
                reasons.append("different phone")
    if (
        not same_phone
        and (record.local_phones or (phones and entry.local_phones))
        and _same_local_number(record, entry)
    ):
        weight += 2.5  # weaker than a full number: it holds only within the town
        confirmed = same_phone = True
        if reasons is not None:
            reasons.append("same local number (no area code), same town")

    if record.postal and entry.postals:
        if record.postal in entry.postals:
            weight += 3.0
            confirmed = True
            text = "same postal code"
        elif record.fsa in [p[:3] for p in entry.postals]:
            weight -= 2.0
            text = "same postal area, different postal code"
        else:
            weight -= 3.0
            text = "different postal area"
        if reasons is not None:
            reasons.append(text)

    street_weight = 0.0
    if record.street is not None and record.street.street and entry.streets:
        street_weight = _street_weight(record.street, entry.streets, reasons)
        weight += street_weight
        confirmed = confirmed or street_weight > 3.0

    if record.town is not None and entry.towns:
        if not record.town.municipalities.isdisjoint(entry.towns):
            community = record.town.community
            if community and entry.communities and community not in entry.communities:
                weight -= (
                    2.5  # Courtice and Bowmanville are both Clarington, but not the same place
                )
                text = "same municipality, different community"
            else:
                weight += 1.0
                text = "same town"
        elif record.town.known and entry.towns_known:
            weight -= 6.0
            text = "different town"
        else:
            weight -= 1.5
            text = "different (unlisted) town"
        if reasons is not None:
            reasons.append(text)

    if record.domain and entry.domains:
        if record.domain in entry.domains:
            weight += 0.5  # a company signal more than a facility one
            text = "same website"
        else:
            weight -= 2.5
            text = "different website"
        if reasons is not None:
            reasons.append(text)

    if record.point is not None and entry.points:
        point_weight = _point_weight(record.point, entry.points, reasons)
        weight += point_weight
        confirmed = confirmed or point_weight >= 2.0

    contained_weight = (
        CONTAINED_NAME
        if same_phone
        else CONTAINED_NAME_ADDRESS
        if street_weight > 3.0 or (record.postal is not None and record.postal in entry.postals)
        else None
    )
    if (
        contained_weight is not None
        and name_weight < contained_weight
        and not (record.name.number and entry.numbers)  # numbered companies decided above
        and _contained_name(record.name, entry.names)
    ):
        # "Halton Tool" / "Halton Portside Tool": a word dropped, and the facility confirmed
        weight += contained_weight - name_weight
        name_weight = contained_weight
        if reasons is not None:
            reasons.append("one name is the other with words left out")

    cap = None
    if name_weight <= -7.0:
        cap = "names disagree"
    elif _numbered_against_named(record.name, entry):
        cap = "a numbered company against a named one: is it the legal name behind it?"
    elif not confirmed and _plant_question(record, entry):
        cap = "multi-plant company: plant not confirmed by phone, postal code or address"
    return Comparison(weight, confirmed, cap, reasons or [], phone_differs and not same_phone)


# Log-odds of a name that is another with a middle word left out ("Apex Machining" / "Apex
# Precision Machining"), given only when facility-level evidence agrees. With the same phone:
# like a name similarity of about 0.86, so that phone and town make it a match. With only the
# same postal code or street address (shared by the companies of one building): less, so that
# it takes two of them (or a phone) to match and one gives a review.
CONTAINED_NAME = 3.0
CONTAINED_NAME_ADDRESS = 2.0


def _same_token(a: str, b: str) -> bool:
    return a == b or (min(len(a), len(b)) >= 5 and OSA.distance(a, b, score_cutoff=1) <= 1)


def contained(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """`short` is `long` with one or more middle words left out, first and last words kept.

    Each kept word may carry one slip (words of five letters or more). 'apex machining' is
    contained in 'apex precision machining'; 'apex' in 'apex stamping' is not (a trailing word
    dropped names a different business as often as the same one).
    """
    if len(short) < 2 or len(long) <= len(short):
        return False
    if not (_same_token(short[0], long[0]) and _same_token(short[-1], long[-1])):
        return False
    j = 1
    for word in short[1:-1]:
        while j < len(long) - 1 and not _same_token(word, long[j]):
            j += 1
        if j >= len(long) - 1:
            return False
        j += 1
    return True


def _contained_name(record: CompanyName, names: list[CompanyName]) -> bool:
    if record.numbered_only:
        return False
    for name in names:
        if name.numbered_only:
            continue
        if len(record.tokens) < len(name.tokens):
            short, long = record, name
        else:
            short, long = name, record
        if short.distinctive and contained(short.tokens, long.tokens):
            return True
    return False


def _numbered_against_named(record: CompanyName, entry: FacilityEntry) -> bool:
    """One side is only a numbered company ("1234567 Ontario Inc."), the other names a company
    and carries no number: the number may be the legal name behind the operating name, or
    another company registered at the address; nothing in the names says which."""
    if record.numbered_only:
        return not entry.numbers
    return (
        record.number is None
        and bool(entry.numbers)
        and all(name.numbered_only for name in entry.names)
    )


def _same_local_number(record: PreparedRecord, entry: FacilityEntry) -> bool:
    """A seven-digit number on one side is the other's number (or its last seven digits), and
    the towns agree: the same seven digits recur under each area code, not within one town."""
    town = record.town
    if town is None or town.municipalities.isdisjoint(entry.towns):
        return False
    theirs = {p[3:] for p in entry.phones}
    theirs.update(entry.local_phones)
    if any(p in theirs for p in record.local_phones):
        return True
    return bool(entry.local_phones) and any(p[3:] in entry.local_phones for p in record.phones)


def _plant_question(record: PreparedRecord, entry: FacilityEntry) -> bool:
    """One side names a plant ('Plant 2', '- Barrie Plant') that the other does not confirm.

    A plant named after the town the other side is in ("Apex - Ingersoll Plant" against an
    Apex row in Ingersoll) is confirmed by that town.
    """
    plants = {n.plant for n in entry.names if n.plant}
    own = record.name.plant
    if own is None:
        towns = record.town.municipalities if record.town else frozenset()
        return any(not _place_in(plant, towns) for plant in plants)
    if own in plants:
        return False
    return not _place_in(own, frozenset(entry.towns)) or any(p.isdigit() for p in plants)


def _place_in(plant: str, towns: frozenset[str]) -> bool:
    town = resolve_town(plant)
    return town is not None and town.known and bool(town.municipalities & towns)


def company_signal(record: PreparedRecord, entry: FacilityEntry) -> str | None:
    """Why the record belongs to the facility's company (another plant), or None.

    A shared website domain, or the same numbered company, or the same distinctive name with no
    conflicting website: company evidence, not facility evidence.
    """
    if record.domain and entry.domains:
        return "same website domain as another plant" if record.domain in entry.domains else None
    name = record.name
    if name.number and any(n.number == name.number for n in entry.names):
        return "same numbered company as another plant"
    if name.distinctive and any(n.compact == name.compact for n in entry.names):
        return "same company name as another plant"
    return None
