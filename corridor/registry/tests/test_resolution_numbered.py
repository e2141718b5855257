"""Numbered companies: the corporation number is a hard key.

"1234567 Ontario Inc." and "2345678 Ontario Inc." are two legal entities whatever else they share;
numbered companies registered at one address (a law office, an accountant, a virtual office) are
common, and merging them mixes confidential records. Different numbers never merge (nor go to
review); the same number merges as any name does; a numbered company against a named one is at
most a review.
"""

from __future__ import annotations

import random

import pytest

from corridor.registry.resolution import FacilityEntry, Resolver
from corridor.registry.resolution.names import parse_name
from corridor.registry.resolution.numbered_lists import at_one_address, numbered_rows


@pytest.mark.parametrize(
    ("raw", "number"),
    [
        ("1234567 Ontario Inc.", "1234567"),
        ("1234567 ONTARIO INCORPORATED", "1234567"),
        ("1234567 Ontario L.T.D.", "1234567"),
        ("1234567 Ontario Company", "1234567"),
        ("12345678 Canada Inc.", "12345678"),
        ("123456 Alberta Ltd.", "123456"),
        ("1234567 B.C. Ltd.", "1234567"),
        ("1234567 British Columbia Ltd.", "1234567"),
        ("101234567 Saskatchewan Ltd.", "101234567"),
        ("1234567 Manitoba Ltd.", "1234567"),
        ("654321 N.B. Inc.", "654321"),
        ("654321 New Brunswick Inc.", "654321"),
        ("3201234 Nova Scotia Limited", "3201234"),
        ("3201234 N.S. ULC", "3201234"),
        ("9123-4567 Québec inc.", "91234567"),
        ("9123 4567 QUEBEC INC", "91234567"),
        ("1234567 Saskatchwan Ltd", "1234567"),  # a slip in the province
    ],
)
def test_numbered_companies_of_every_jurisdiction_are_recognised(raw: str, number: str) -> None:
    name = parse_name(raw)
    assert (name.number, name.numbered_only, name.core) == (number, True, number), raw


@pytest.mark.parametrize(
    ("raw", "number"),
    [
        ("1234567 Ontario Inc. c/o Smith LLP", "1234567"),
        ("1234567 Ontario Inc. Holdings", "1234567"),
        ("1234567 Ontario Inc., Trustee", "1234567"),
        ("Apex Stamping 1234567 B.C. Ltd.", "1234567"),
        ("9123-4567 Québec inc. Attn: Legal", "91234567"),
    ],
)
def test_a_numbered_company_beginning_or_ending_a_longer_name_keeps_its_number(
    raw: str, number: str
) -> None:
    name = parse_name(raw)
    assert name.number == number and not name.numbered_only, raw


@pytest.mark.parametrize("raw", ["No. 1234567 Ontario Ltd", "Numbered Company 1234567"])
def test_numbered_company_wordings(raw: str) -> None:
    name = parse_name(raw)
    assert (name.number, name.numbered_only) == ("1234567", True), raw


@pytest.mark.parametrize(
    "raw",
    [
        "12345 Apples Inc",
        "Apex 12345 Inc",
        "Route 401 Ontario Trucking",
        "3M Canada",
        "Apex 2000 Inc.",
        "401 Auto Parts Ltd.",
        "A1 Tool Inc.",
    ],
)
def test_names_with_numbers_in_them_are_not_numbered_companies(raw: str) -> None:
    assert parse_name(raw).number is None, raw


def test_operating_names_carry_the_number_of_any_jurisdiction() -> None:
    for raw in ("9123-4567 Québec inc. o/a Apex Stamping", "Apex Stamping (1234567 B.C. Ltd.)"):
        name = parse_name(raw)
        assert name.core == "apex stamping" and name.number is not None, raw


def test_two_thousand_numbered_companies_at_one_address_stay_apart() -> None:
    rows = numbered_rows(2000)
    assert len({parse_name(r.name).number for r in rows}) == 2000  # every one recognised
    decisions = Resolver().resolve_all(rows)
    assert len({d.facility_key for d in decisions}) == 2000
    # certainly different legal entities: not even the review queue
    assert [d.kind for d in decisions] == ["new"] * 2000


def test_twenty_thousand_numbered_companies_at_one_address_stay_apart() -> None:
    """The size of the report; about two seconds here (was 18 s of CPU, quadratic filing)."""
    decisions = Resolver().resolve_all(numbered_rows(20_000, seed=8))
    assert len({d.facility_key for d in decisions}) == 20_000
    assert all(d.kind == "new" for d in decisions)


def test_numbered_companies_with_more_words_at_one_address_stay_apart() -> None:
    """'1234567 Ontario Inc. c/o Smith LLP': the words after the number are the same in each."""
    rng = random.Random(5)
    numbers = rng.sample(range(1_000_000, 9_999_999), 300)
    forms = (
        "{} Ontario Inc. c/o Smith LLP",
        "{} Ontario Inc. Holdings",
        "{} Ontario Inc., Trustee",
    )
    rows = [at_one_address(str(i), forms[i % 3].format(n)) for i, n in enumerate(numbers)]
    decisions = Resolver().resolve_all(rows)
    assert len({d.facility_key for d in decisions}) == 300
    assert all(d.kind == "new" for d in decisions)


def test_different_numbers_never_merge_whatever_else_agrees() -> None:
    first = at_one_address("1", "1234567 Ontario Inc. o/a Apex Stamping")
    second = at_one_address("2", "7654321 Ontario Inc. o/a Apex Stamping")
    resolver = Resolver()
    decisions = resolver.resolve_all([first, second])
    assert decisions[1].kind == "new", decisions[1]
    assert decisions[1].facility_key != decisions[0].facility_key
    assert decisions[1].company_key != decisions[0].company_key
    assert f"different numbered company from facility {decisions[0].facility_key}" in (
        decisions[1].reasons
    )


def test_a_registered_numbered_company_is_not_merged_with_another_number() -> None:
    resolver = Resolver()
    resolver.load(
        [FacilityEntry.from_records(10, 20, [at_one_address("1", "1234567 Ontario Inc.")])]
    )
    decision = resolver.resolve(at_one_address("2", "1234568 Ontario Inc."))
    assert decision.kind == "new" and decision.facility_key != 10


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("1234567 Ontario Inc.", "1234567 ONTARIO INCORPORATED"),
        ("1234567 Ontario Ltd.", "1234567 Ontario Limited"),
        ("9123-4567 Québec inc.", "9123 4567 QUEBEC INC"),
        ("1234567 B.C. Ltd.", "1234567 BC LTD"),
        ("1234567 Ontario Inc. o/a Apex Stamping", "1234567 Ontario Inc."),
    ],
)
def test_the_same_number_spelled_differently_merges(first: str, second: str) -> None:
    decisions = Resolver().resolve_all([at_one_address("1", first), at_one_address("2", second)])
    assert decisions[1].kind == "match", decisions[1]
    assert decisions[1].facility_key == decisions[0].facility_key


def test_the_same_number_merges_among_many_at_one_address() -> None:
    rows = numbered_rows(500)
    again = at_one_address("again", "4592919 ONTARIO INCORPORATED")
    rows.insert(250, at_one_address("first", "4592919 Ontario Inc."))
    decisions = Resolver().resolve_all([*rows, again])
    first = next(d for d in decisions if d.source_id == "first")
    assert decisions[-1].kind == "match" and decisions[-1].facility_key == first.facility_key


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Apex Stamping Inc.", "1234567 Ontario Inc."),
        ("1234567 Ontario Inc.", "Apex Stamping Inc."),
        ("Apex Stamping Inc.", "9123-4567 Québec inc."),
    ],
)
def test_a_numbered_company_and_a_named_one_at_one_address_are_at_most_a_review(
    first: str, second: str
) -> None:
    decisions = Resolver().resolve_all([at_one_address("1", first), at_one_address("2", second)])
    assert decisions[1].kind in ("review", "new"), decisions[1]
    assert decisions[1].facility_key != decisions[0].facility_key
