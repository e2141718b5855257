"""Reading capabilities out of text: normalisation, synonyms, stems, small typos, hierarchy.

``normalise`` turns any text (a products column, a query, a synonym of the taxonomy)
into the same tokens: lower case, accents and punctuation gone, simple English
stems (plurals; ``-ed`` read as ``-ing``, so "moulded" and "moulding" meet) and one
spelling for British and American words (mould/mold, aluminium/aluminum).
Because the taxonomy's labels and synonyms go through the same function, matching
is a look-up of token sequences: "high pressure die casting", "body in white",
"wire harness".

``Taxonomy.capabilities_in`` tags text (exact, no typo tolerance: a tag must not
come from a guess); ``Taxonomy.parse_query`` reads a search box, tolerating small
typos in words of 5+ letters (the original word is kept as an alternative, so a
company name that happens to be one letter from a taxonomy word still matches).
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from rapidfuzz.distance import OSA

DATA = Path(__file__).resolve().parent / "data" / "capabilities.csv"

_NON_WORD = re.compile(r"[^a-z0-9]+")

# One spelling per word, after stemming (British and American, -ise and -ize).
SPELLINGS = {
    "mould": "mold",
    "molding": "molding",
    "moulding": "molding",
    "aluminium": "aluminum",
    "fibre": "fiber",
    "colour": "color",
    "centre": "center",
    "tyre": "tire",
    "metre": "meter",
    "litre": "liter",
    "programme": "program",
    "anodising": "anodizing",
    "galvanising": "galvanizing",
    "carburising": "carburizing",
    "modelling": "modeling",
    "labelling": "labeling",
    "grey": "gray",
    "jewellery": "jewelry",
}

# Words of a query that say nothing about what is wanted.
QUERY_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "by",
        "for",
        "from",
        "in",
        "into",
        "is",
        "it",
        "of",
        "on",
        "or",
        "the",
        "to",
        "with",
        "near",
        "part",
        "component",
        "product",
        "service",
        "supplier",
        "supply",
        "company",
        "manufacturer",
        "make",
        "maker",
        "inc",
        "ltd",
        "limited",
        "limiting",
        "corp",
        "corporation",
        "co",
        "llc",
        "group",
    ]
)

# Common words one letter away from a taxonomy word, never "corrected" in a query.
NOT_TYPOS = frozenset(
    [
        "heating",
        "casing",
        "housing",
        "housings",
        "bearing",
        "sealing",
        "seating",
        "sealant",
        "planting",
        "costing",
        "posting",
        "printer",
        "printers",
        "plastic",
        "plating",
        "rating",
        "coating",
        "moulder",
        "molder",
        "tooling",
    ]
)

TYPO_MIN_LENGTH = 5


def strip_accents(text: str) -> str:
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def stem(token: str) -> str:
    """One token's stem: plurals dropped, ``-ed`` read as ``-ing``, one spelling."""
    word = token
    if len(word) > 3 and not word.isdigit():
        if word.endswith("ies") and len(word) > 4:
            word = word[:-3] + "y"
        elif word.endswith(("sses", "shes", "ches", "xes")):
            word = word[:-2]
        elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
            word = word[:-1]
        if len(word) >= 5 and word.endswith("ed") and not word.endswith("eed"):
            base = word[:-2]
            if len(base) >= 4 and base[-1] == base[-2] and base[-1] not in "lsz":
                base = base[:-1]  # "stripped" -> "strip"
            word = base + "ing"
    return SPELLINGS.get(word, word)


def words(text: str) -> list[str]:
    """Lower case, accents and punctuation removed, '&' read as 'and'; not stemmed."""
    plain = strip_accents(text).lower().replace("&", " and ")
    return [w for w in _NON_WORD.split(plain) if w]


def normalise(text: str) -> list[str]:
    """The stemmed tokens of ``text``, in order (duplicates kept)."""
    return list(_normalised(text))


@lru_cache(maxsize=131072)  # names and product lists repeat; indexing reads many
def _normalised(text: str) -> tuple[str, ...]:
    out = []
    for w in words(text):
        token = stem(w)
        if token.startswith("zz"):  # reserved for the search index's own tokens
            token = "z" + token.lstrip("z")
        out.append(token)
    return tuple(out)


@dataclass(frozen=True)
class Node:
    key: str
    parent: str | None
    kind: str
    label: str
    synonyms: tuple[str, ...]


@dataclass(frozen=True)
class Concept:
    """One thing a query asks for: any of ``keys`` (capabilities, descendants included)
    or any of ``terms`` (normalised words in the name or the text)."""

    text: str
    keys: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()
    corrected_from: str | None = None


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    keys: frozenset[str]


@dataclass
class Taxonomy:
    nodes: dict[str, Node]
    phrases: dict[tuple[str, ...], frozenset[str]] = field(init=False)
    vocabulary: frozenset[str] = field(init=False)
    longest: int = field(init=False)
    _children: dict[str, list[str]] = field(init=False)
    _memo: dict[tuple[str, str], Any] = field(
        init=False, default_factory=dict, compare=False, repr=False
    )

    def __post_init__(self) -> None:
        phrases: dict[tuple[str, ...], set[str]] = {}
        self._children = {}
        for node in self.nodes.values():
            if node.parent:
                self._children.setdefault(node.parent, []).append(node.key)
            if not node.parent:
                continue  # the roots (processes, materials, …) only group
            for name in (node.key.replace("-", " "), node.label, *node.synonyms):
                tokens = tuple(normalise(name))
                if tokens:
                    phrases.setdefault(tokens, set()).add(node.key)
        self.phrases = {k: frozenset(v) for k, v in phrases.items()}
        self.vocabulary = frozenset(t for p in self.phrases for t in p)
        self.longest = max((len(p) for p in self.phrases), default=1)
        self._typo_words = sorted(w for w in self.vocabulary if len(w) >= TYPO_MIN_LENGTH)

    # --- building -----------------------------------------------------------------
    @classmethod
    def from_rows(cls, rows: Iterable[dict[str, Any]]) -> Taxonomy:
        nodes = {}
        for row in rows:
            synonyms = row.get("synonyms") or ""
            if not isinstance(synonyms, str):
                synonyms = ";".join(synonyms)
            nodes[row["key"]] = Node(
                key=row["key"],
                parent=row.get("parent") or None,
                kind=row.get("kind") or "",
                label=row.get("label") or row["key"],
                synonyms=tuple(s.strip() for s in synonyms.split(";") if s.strip()),
            )
        return cls(nodes)

    @classmethod
    def from_csv(cls, path: Path = DATA) -> Taxonomy:
        with path.open(encoding="utf-8", newline="") as handle:
            return cls.from_rows(csv.DictReader(handle))

    # --- hierarchy ----------------------------------------------------------------
    def label(self, key: str) -> str:
        node = self.nodes.get(key)
        return node.label if node else key

    def ancestors(self, key: str) -> list[str]:
        """The key's parents up to the root (not the key itself)."""
        out: list[str] = []
        node = self.nodes.get(key)
        while node is not None and node.parent and node.parent not in out:
            out.append(node.parent)
            node = self.nodes.get(node.parent)
        return out

    def with_ancestors(self, keys: Iterable[str]) -> set[str]:
        out: set[str] = set()
        for key in keys:
            if key in self.nodes:
                out.add(key)
                out.update(self.ancestors(key))
        return out

    def descendants(self, key: str) -> set[str]:
        """The key and everything under it: searching "casting" finds die casting."""
        out = {key}
        stack = [key]
        while stack:
            for child in self._children.get(stack.pop(), []):
                if child not in out:
                    out.add(child)
                    stack.append(child)
        return out

    # --- matching -----------------------------------------------------------------
    def _spans(self, tokens: list[str]) -> list[_Span]:
        """Every phrase found, except those inside a longer one ("battery" inside
        "battery tray"); overlapping ones are all kept ("ev battery" and "battery tray")."""
        found = []
        for i in range(len(tokens)):
            for length in range(min(self.longest, len(tokens) - i), 0, -1):
                keys = self.phrases.get(tuple(tokens[i : i + length]))
                if keys:
                    found.append(_Span(i, i + length, keys))
                    break  # the longest starting here
        return [
            s
            for s in found
            if not any(
                o is not s
                and o.start <= s.start
                and s.end <= o.end
                and o.end - o.start > s.end - s.start
                for o in found
            )
        ]

    @staticmethod
    def _groups(spans: list[_Span]) -> list[_Span]:
        """Overlapping spans as one (their keys are alternatives)."""
        groups: list[_Span] = []
        for span in sorted(spans, key=lambda s: (s.start, s.end)):
            if groups and span.start < groups[-1].end:
                last = groups[-1]
                groups[-1] = _Span(last.start, max(last.end, span.end), last.keys | span.keys)
            else:
                groups.append(span)
        return groups

    def capabilities_in(self, text: str) -> list[str]:
        """The capabilities ``text`` names (most specific only), sorted. For tagging."""
        found: set[str] = set()
        for span in self._spans(normalise(text)):
            found |= span.keys
        implied = {a for key in found for a in self.ancestors(key)}
        return sorted(found - implied)

    def _remember(self, kind: str, text: str, compute: Any) -> Any:
        found = self._memo.get((kind, text))
        if found is None:
            if len(self._memo) > 200_000:
                self._memo.clear()
            found = self._memo[(kind, text)] = compute(text)
        return found

    def named_in(self, text: str) -> tuple[str, ...]:
        """``capabilities_in``, remembered (indexing asks the same names again and again)."""
        return self._remember("named", text, lambda t: tuple(self.capabilities_in(t)))

    def words_of(self, key: str) -> tuple[str, ...]:
        """The normalised words of a capability's label and synonyms."""
        node = self.nodes[key]
        return self._remember(
            "words", key, lambda _k: tuple(normalise(" ".join((node.label, *node.synonyms))))
        )

    def correct(self, token: str) -> str | None:
        """The taxonomy word ``token`` is a small typo of, or None. Only for words of
        5+ letters that are not taxonomy words themselves; one edit (two from 9
        letters), transpositions counting as one; ties go to the alphabetically first."""
        if (
            len(token) < TYPO_MIN_LENGTH
            or not token.isalpha()
            or token in self.vocabulary
            or token in NOT_TYPOS
        ):
            return None
        limit = 1 if len(token) < 9 else 2
        best: tuple[int, str] | None = None
        for word in self._typo_words:
            if abs(len(word) - len(token)) > limit:
                continue
            distance = OSA.distance(token, word, score_cutoff=limit)
            if distance <= limit and (best is None or (distance, word) < best):
                best = (distance, word)
        return best[1] if best else None

    def parse_query(self, text: str) -> list[Concept]:
        """The concepts of a search box; every one must match (AND), each in any of its
        alternatives (OR)."""
        raw = words(text)
        original = [stem(w) for w in raw]
        corrected = []
        fixes: dict[int, str] = {}
        for i, token in enumerate(original):
            fix = None
            if token not in self.vocabulary:
                fix = self.correct(token) or self.correct(raw[i])
            if fix is not None:
                fixes[i] = token
            corrected.append(fix or token)
        concepts: list[Concept] = []
        covered: set[int] = set()
        for span in self._groups(self._spans(corrected)):
            covered.update(range(span.start, span.end))
            typos = [fixes[i] for i in range(span.start, span.end) if i in fixes]
            typed = [raw[i] for i in range(span.start, span.end) if i in fixes]
            # a corrected single word may also be meant as written (a name)
            terms = tuple(typos) if len(typos) == 1 and span.end - span.start == 1 else ()
            concepts.append(
                Concept(
                    text=" ".join(raw[span.start : span.end]),
                    keys=tuple(sorted(span.keys)),
                    terms=terms,
                    corrected_from=", ".join(typed) or None,
                )
            )
        for i, token in enumerate(corrected):
            if i in covered or token in QUERY_STOPWORDS or len(token) < 2:
                continue
            terms = (token, fixes[i]) if i in fixes else (token,)
            concepts.append(
                Concept(text=raw[i], terms=terms, corrected_from=raw[i] if i in fixes else None)
            )
        # the same concept twice says nothing more
        unique: dict[tuple[tuple[str, ...], tuple[str, ...]], Concept] = {}
        for concept in concepts:
            unique.setdefault((concept.keys, concept.terms), concept)
        return list(unique.values())


# --- the taxonomy in the database ---------------------------------------------------
_cache: dict[str, Any] = {}


def load_taxonomy(apps: Any = None) -> Taxonomy:
    """The live taxonomy from the database (``Capability``), cached until it changes."""
    if apps is None:
        from django.apps import apps as django_apps

        apps = django_apps
    capability = apps.get_model("supplychain", "Capability")
    from django.db.models import Count, Max

    stamp = capability._base_manager.aggregate(n=Count("id"), at=Max("updated_at"))
    key = (stamp["n"], stamp["at"])
    if _cache.get("stamp") != key or "taxonomy" not in _cache:
        rows = capability._base_manager.filter(deleted_at__isnull=True).values(
            "key", "parent__key", "kind", "label", "synonyms"
        )
        _cache["taxonomy"] = Taxonomy.from_rows(
            {**r, "parent": r["parent__key"]} for r in rows.order_by("pk")
        )
        _cache["stamp"] = key
    taxonomy: Taxonomy = _cache["taxonomy"]
    return taxonomy


def forget_taxonomy() -> None:
    _cache.clear()


def capabilities_in(text: str) -> list[str]:
    """The capability keys ``text`` names, from the taxonomy in the database."""
    return load_taxonomy().capabilities_in(text)


# --- tagging facilities from their products ------------------------------------------
def tag_from_products(facility_ids: Iterable[int]) -> tuple[int, int]:
    """Make the facilities' tags read from ``products`` follow that text.

    Tags whose source is "products" are added for every capability the text names
    and removed (soft-deleted) when it no longer does; a capability already tagged
    from another source (an officer, a call, the demo) is left as it is. Tags are
    written in bulk, each with its change-history record. Returns (added, removed).
    """
    from django.db import transaction
    from django.utils import timezone

    from corridor.core.scoping import system_scope
    from corridor.registry.models import Facility
    from corridor.supplychain.models import Capability, FacilityCapability, TagSource

    ids = sorted(set(facility_ids))
    if not ids:
        return (0, 0)
    added = removed = 0
    taxonomy = load_taxonomy()
    with system_scope("tagging facilities from their products"), transaction.atomic():
        capabilities = {c.key: c for c in Capability.objects.all()}
        for start in range(0, len(ids), 2000):
            chunk = ids[start : start + 2000]
            facilities = {
                f.pk: f
                for f in Facility.objects.filter(pk__in=chunk, merged_into__isnull=True).only(
                    "pk", "name", "products"
                )
            }
            tags: dict[int, dict[str, FacilityCapability]] = {}
            for tag in FacilityCapability.objects.filter(facility_id__in=chunk).select_related(
                "capability"
            ):
                tags.setdefault(tag.facility_id, {})[tag.capability.key] = tag
            new: list[FacilityCapability] = []
            for fid in chunk:
                facility = facilities.get(fid)
                text = facility.products if facility is not None else ""
                wanted = {k for k in taxonomy.capabilities_in(text or "") if k in capabilities}
                have = tags.get(fid, {})
                for key, tag in have.items():
                    if tag.source == TagSource.PRODUCTS and key not in wanted:
                        tag.delete()  # soft, recorded
                        removed += 1
                new.extend(
                    FacilityCapability(
                        facility=facility, capability=capabilities[k], source=TagSource.PRODUCTS
                    )
                    for k in sorted(wanted - set(have))
                )
            if new:
                now = timezone.now()
                for tag in new:
                    tag.created_at = tag.updated_at = now
                FacilityCapability.objects.bulk_create(new)
                _record_created(new)
                added += len(new)
    return (added, removed)


def _record_created(tags: list[Any]) -> None:
    """The change history of tags written in bulk: the first through ``history.record``
    (who, which request, which source), the others in one bulk insert like it."""
    from corridor.core.history import record, snapshot
    from corridor.core.models import Action, ChangeRecord

    first = record(tags[0], Action.CREATE, None, snapshot(tags[0]))
    if first is None:
        return
    records = []
    for tag in tags[1:]:
        after = snapshot(tag)
        records.append(
            ChangeRecord(
                user=first.user,
                user_name=first.user_name,
                request_id=first.request_id,
                source=first.source,
                content_type=first.content_type,
                object_id=tag.pk,
                object_repr=str(tag)[:200],
                action=Action.CREATE,
                before=None,
                after=after,
                changed_fields=sorted(k for k, v in after.items() if v is not None),
            )
        )
    ChangeRecord.objects.bulk_create(records, batch_size=500)
