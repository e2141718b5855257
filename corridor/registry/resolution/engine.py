"""The resolver: rows in, match / new / review decisions out, the registry index kept current."""

from __future__ import annotations

import gc
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz.distance import Indel

from .blocking import FacilityIndex, RecordKeys, record_keys
from .pipeline import normalised
from .records import Decision, DecisionKind, FacilityEntry, InputRecord, PreparedRecord, prepare
from .scoring import Comparison, Thresholds, company_signal, compare, logistic

ProgressCallback = Callable[[int, int], None]

# Facilities met only through name-prefix keys are scored only if their name is at least this
# similar: below it, with no shared phone, postal code, address or domain, the name weight
# (scoring._DISTINCTIVE_CURVE) keeps the pair under the review threshold whatever else agrees.
NAME_SCREEN = 0.75


def _same_number(number: str, entry: FacilityEntry) -> bool:
    """The facility has no numbered company, or this one: a candidate for a numbered row."""
    numbers = entry.numbers
    return not numbers or number in numbers


def _logit(p: float) -> float:
    return math.log(p / (1.0 - p))


@dataclass(slots=True)
class _Verdict:
    kind: DecisionKind
    best: FacilityEntry | None
    weight: float
    rival: FacilityEntry | None = None
    cap: str | None = None


class Resolver:
    """Resolves rows against an in-memory registry of facilities.

    Deterministic: the same registry and the same rows in the same order give the same
    decisions. Every decided row is added to the index, so rows of one batch cluster too.
    New facility and company keys come from counters the caller seeds.
    """

    def __init__(
        self,
        thresholds: Thresholds | None = None,
        next_facility_key: int = 1,
        next_company_key: int = 1,
    ) -> None:
        self.thresholds = thresholds or Thresholds()
        self.index = FacilityIndex(self.thresholds.block_cap, self.thresholds.max_candidates)
        self.next_facility_key = next_facility_key
        self.next_company_key = next_company_key
        self._match_weight = _logit(self.thresholds.match)
        self._review_weight = _logit(self.thresholds.review)
        self._plants: dict[int, list[int]] = {}  # company key -> its (non-provisional) facilities

    def load(self, entries: Iterable[FacilityEntry]) -> None:
        """Add existing registry facilities; key counters move past the keys seen."""
        for entry in entries:
            self.index.add(entry)
            if entry.review_of is None:
                self._plants.setdefault(entry.company_key, []).append(entry.facility_key)
            self.next_facility_key = max(self.next_facility_key, entry.facility_key + 1)
            self.next_company_key = max(self.next_company_key, entry.company_key + 1)

    def entry(self, facility_key: int) -> FacilityEntry:
        """A facility as the index holds it (with every variant absorbed so far)."""
        return self.index.entries[facility_key]

    def __len__(self) -> int:
        return len(self.index)

    def resolve(self, record: InputRecord) -> Decision:
        """Decide one row and add it to the index."""
        prepared = prepare(record)
        return self._decide(record, prepared, record_keys(prepared))

    def _decide(self, record: InputRecord, prepared: PreparedRecord, keys: RecordKeys) -> Decision:
        """Decide one normalised row and add it to the index."""
        scored, other_number = self._score(prepared, keys)
        verdict = self._verdict(prepared, scored)
        best = verdict.best
        # the best candidate was scored with explain=True; its reasons are the decision's
        reasons = scored[0][0].reasons if best is not None else []
        score = logistic(verdict.weight) if best is not None else 0.0

        if verdict.kind == "match" and best is not None:
            best.absorb(prepared)
            self.index.add(best, keys)
            return Decision(
                record.source, record.source_id, "match", best.facility_key,
                best.company_key, score, best.facility_key, reasons,
            )  # fmt: skip

        if verdict.cap is not None:
            reasons.append(verdict.cap)
        if verdict.rival is not None:
            reasons.append(f"also close to facility {verdict.rival.facility_key}")
        if verdict.kind == "new" and best is not None:
            reasons.insert(0, f"closest facility {best.facility_key} scored {score:.2f}")
        if other_number is not None:
            reasons.append(f"different numbered company from facility {other_number}")
        company_key = self._company(prepared, scored, reasons)
        entry = FacilityEntry(self.next_facility_key, company_key)
        self.next_facility_key += 1
        if verdict.kind == "review" and best is not None:
            entry.review_of = best.facility_key
        else:
            self._plants.setdefault(company_key, []).append(entry.facility_key)
        entry.absorb(prepared)
        self.index.add(entry, keys)
        return Decision(
            record.source, record.source_id, verdict.kind, entry.facility_key, company_key,
            score, entry.review_of, reasons,
        )  # fmt: skip

    def resolve_all(
        self,
        records: Sequence[InputRecord],
        progress: ProgressCallback | None = None,
        workers: int = 1,
    ) -> list[Decision]:
        """Decide rows in order; `progress(done, total)` every 1,000 rows and at the end.

        With `workers` > 1 (and the fork start method, as on Linux), `workers - 1` helper
        processes normalise rows and build their blocking keys ahead of the resolver, which
        decides them in order in this process: the same decisions as with one worker.
        """
        total = len(records)
        decisions: list[Decision] = []
        decide = self._decide
        collecting = gc.isenabled()
        gc.disable()  # the index holds no reference cycles; full collections over it cost a third
        try:
            for i, (record, (prepared, keys)) in enumerate(
                zip(records, normalised(records, workers), strict=True), 1
            ):
                decisions.append(decide(record, prepared, keys))
                if progress is not None and (i % 1000 == 0 or i == total):
                    progress(i, total)
        finally:
            if collecting:
                gc.enable()
        return decisions

    def _score(
        self, record: PreparedRecord, keys: RecordKeys
    ) -> tuple[list[tuple[Comparison, int]], int | None]:
        """Candidates compared with the row, best first (ties: lower facility key), and the
        first facility sharing a strong key that was left out as another numbered company."""
        strong, weak = self.index.candidates(keys)
        entries = self.index.entries
        number = record.name.number
        other_number = None
        if number is not None:
            # A numbered company is one legal entity: a facility of another number is not it,
            # whatever else agrees (companies registered at one law office share its address,
            # phone and website). It is not scored, so it is neither a match nor a review.
            kept = [fk for fk in strong if _same_number(number, entries[fk])]
            if len(kept) < len(strong):
                other_number = next(fk for fk in strong if not _same_number(number, entries[fk]))
                strong = kept
            if weak:
                weak = [fk for fk in weak if _same_number(number, entries[fk])]
        if weak:
            strong.extend(self._screen(record, weak))
        scored = [(compare(record, entries[fk], explain=True), fk) for fk in strong]
        scored.sort(key=lambda pair: (-pair[0].weight, pair[1]))
        return scored, other_number

    def _verdict(self, record: PreparedRecord, scored: list[tuple[Comparison, int]]) -> _Verdict:
        if not scored:
            return _Verdict("new", None, -math.inf)
        top, best_key = scored[0]
        best = self.index.entries[best_key]
        if top.weight < self._review_weight:
            return _Verdict("new", best, top.weight)
        if top.weight < self._match_weight:
            return _Verdict("review", best, top.weight)
        cap = top.cap
        if cap is None and not top.confirmed:
            if self._sibling_in_town(best, record):
                cap = (
                    "another plant of the company is in this town;"
                    " no phone, postcode or address agrees"
                )
            elif (
                top.phone_differs
                and self.thresholds.multi_plant_phone_review
                and len(self._plants.get(best.company_key, ())) > 1
            ):
                # a company with several plants has several numbers: a different one is more
                # likely another plant (perhaps not listed yet) than another line of this one
                cap = "the company has several plants and the phone differs; nothing else agrees"
        rival = self._rival(scored, best)
        kind: DecisionKind = "match" if cap is None and rival is None else "review"
        return _Verdict(kind, best, top.weight, rival, cap)

    def _company(
        self, record: PreparedRecord, scored: list[tuple[Comparison, int]], reasons: list[str]
    ) -> int:
        """The company of a new or parked facility: a known one on a company signal, else new."""
        entries = self.index.entries
        for _, fk in scored:
            why = company_signal(record, entries[fk])
            if why is not None:
                reasons.append(why)
                return entries[fk].company_key
        self.next_company_key += 1
        return self.next_company_key - 1

    def _screen(self, record: PreparedRecord, weak: list[int]) -> list[int]:
        """Of the facilities met only through name-prefix keys, those whose name is close enough."""
        if record.name.numbered_only or record.name.alternates:
            return weak
        # weak lists are short (a few facilities): scoring each name directly is cheaper than
        # building choice lists for process.extract, and keeps the same names (>= NAME_SCREEN)
        entries = self.index.entries
        query = record.name.compact
        similarity = Indel.normalized_similarity
        kept = []
        for fk in weak:  # sorted and distinct (FacilityIndex.candidates)
            for name in entries[fk].names:
                if similarity(query, name.compact, score_cutoff=NAME_SCREEN) >= NAME_SCREEN:
                    kept.append(fk)
                    break
        return kept

    def _sibling_in_town(self, best: FacilityEntry, record: PreparedRecord) -> bool:
        """Another plant of the best candidate's company lies in the row's (or its) town."""
        siblings = self._plants.get(best.company_key, ())
        if len(siblings) < 2:
            return False
        towns = set(best.towns)
        if record.town is not None:
            towns |= record.town.municipalities
        entries = self.index.entries
        return any(
            fk != best.facility_key and any(t in towns for t in entries[fk].towns)
            for fk in siblings
        )

    def _rival(
        self, scored: list[tuple[Comparison, int]], best: FacilityEntry
    ) -> FacilityEntry | None:
        """A different facility scoring nearly as well as the best: the match is ambiguous."""
        entries = self.index.entries
        best_weight = scored[0][0].weight
        margin = self.thresholds.ambiguity_margin
        for comparison, fk in scored[1:]:
            if comparison.weight < self._review_weight or best_weight - comparison.weight >= margin:
                return None
            other = entries[fk]
            if other.review_of == best.facility_key or best.review_of == fk:
                continue  # a provisional copy of the same facility, parked for review
            if other.review_of is not None and other.review_of == best.review_of:
                continue
            return other
        return None
