"""Matching decisions on hand-made rows: match, new facility, another plant, review."""

from __future__ import annotations

from corridor.registry.resolution import Decision, FacilityEntry, InputRecord, Resolver, Thresholds


def row(source_id: str, name: str, **fields: str) -> InputRecord:
    return InputRecord("test-list", source_id, name, **fields)  # type: ignore[arg-type]


APEX = row(
    "1",
    "Apex Stamping Inc.",
    street="123 Main St",
    city="Woodstock",
    postal_code="N4S 7W3",
    phone="519-555-1234",
    website="www.apexstamping.ca",
)


def resolved(*rows: InputRecord) -> tuple[Resolver, list[Decision]]:
    resolver = Resolver()
    return resolver, resolver.resolve_all(list(rows))


def test_same_plant_different_spellings_match() -> None:
    _, decisions = resolved(
        APEX,
        row(
            "2",
            "APEX STAMPINGS INCORPORATED",
            street="123 Main Street",
            city="WOODSTOCK",
            postal_code="n4s7w3",
            phone="(519) 555-1234",
        ),
        row(
            "3",
            "Apex Stamping - Woodstock Plant",
            city="Woodstock",
            phone="+1 519 555 1234 ext. 22",
        ),
        row("4", "Apex Stampng Ltd", street="Unit 2, 123 Main St.", city="Woodstock"),
    )
    first, *others = decisions
    assert first.kind == "new"
    for decision in others:
        assert decision.kind == "match", decision
        assert decision.facility_key == first.facility_key
        assert decision.company_key == first.company_key
        assert decision.score >= Thresholds().match
    assert "same phone" in decisions[1].reasons
    assert "same street address" in decisions[1].reasons


def test_place_aliases_match() -> None:
    _, decisions = resolved(
        row(
            "1",
            "Northstar Plastics Ltd.",
            street="80 Young St",
            city="Alliston",
            phone="705-555-0101",
        ),
        row("2", "NorthStar Plastics", street="80 Young Street", city="New Tecumseth"),
        row(
            "3", "North Star Plastics Limited", city="Town of New Tecumseth", phone="(705) 555-0101"
        ),
    )
    assert [d.kind for d in decisions] == ["new", "match", "match"]
    assert len({d.facility_key for d in decisions}) == 1


def test_look_alike_companies_in_the_same_town_stay_apart() -> None:
    _, decisions = resolved(
        row(
            "1",
            "Precision Tool & Die Ltd.",
            street="40 Industrial Rd",
            city="Woodstock",
            phone="519-555-7000",
        ),
        row(
            "2",
            "Precision Tooling Ltd.",
            street="900 Commerce Way",
            city="Woodstock",
            phone="519-555-8000",
        ),
        row("3", "Precision Tooling Ltd.", city="Woodstock"),
    )
    assert [d.kind for d in decisions[:2]] == ["new", "new"]
    assert decisions[0].company_key != decisions[1].company_key
    # a generic name with nothing but the town is not enough to link: a coordinator decides
    assert (decisions[2].kind, decisions[2].candidate_key) == ("review", decisions[1].facility_key)


def test_sister_companies_in_one_building_are_not_merged() -> None:
    _, decisions = resolved(
        row(
            "1",
            "Kessler Stamping Inc.",
            street="77 Enterprise Dr",
            city="London",
            phone="519-555-2000",
        ),
        row(
            "2",
            "Kessler Plastics Inc.",
            street="77 Enterprise Dr",
            city="London",
            phone="519-555-2000",
        ),
    )
    assert decisions[1].kind != "match"
    assert decisions[1].facility_key != decisions[0].facility_key


def test_other_plant_of_same_company_elsewhere_is_a_new_facility_of_that_company() -> None:
    _, decisions = resolved(
        APEX,
        row(
            "2",
            "Apex Stamping Inc.",
            street="55 Progress Dr",
            city="London",
            postal_code="N6E 1A1",
            phone="519-555-9999",
            website="https://apexstamping.ca/",
        ),
        row(
            "3", "Apex Stamping", street="9 Fairview Rd", city="Tillsonburg"
        ),  # same name, no website
    )
    apex, london, tillsonburg = decisions
    assert london.kind == "new" and london.facility_key != apex.facility_key
    assert london.company_key == apex.company_key
    assert any("another plant" in reason for reason in london.reasons)
    assert tillsonburg.kind == "new" and tillsonburg.company_key == apex.company_key


def test_second_plant_in_the_same_town_at_another_address_is_a_new_facility() -> None:
    _, decisions = resolved(
        APEX,
        row(
            "2",
            "Apex Stamping Inc.",
            street="800 Bysham Park Dr",
            city="Woodstock",
            postal_code="N4T 1R2",
            phone="519-555-4321",
            website="apexstamping.ca",
        ),
    )
    assert decisions[1].kind == "new"
    assert decisions[1].facility_key != decisions[0].facility_key
    assert decisions[1].company_key == decisions[0].company_key
    assert "different street" in decisions[1].reasons


def test_name_and_town_only_with_two_plants_in_town_goes_to_review() -> None:
    resolver, decisions = resolved(
        APEX,
        row(
            "2",
            "Apex Stamping Inc.",
            street="800 Bysham Park Dr",
            city="Woodstock",
            phone="519-555-4321",
            website="apexstamping.ca",
        ),
        row("3", "Apex Stamping", city="Woodstock"),
    )
    review = decisions[2]
    assert review.kind == "review"
    assert review.candidate_key in {decisions[0].facility_key, decisions[1].facility_key}
    assert review.facility_key not in {decisions[0].facility_key, decisions[1].facility_key}
    assert resolver.entry(review.facility_key).review_of == review.candidate_key
    assert review.company_key == decisions[0].company_key


def test_uncertain_typo_with_nothing_else_goes_to_review() -> None:
    _, decisions = resolved(APEX, row("2", "Apx Stampng", city="Woodstock"))  # two slips
    review = decisions[1]
    assert review.kind == "review"
    assert review.candidate_key == decisions[0].facility_key
    assert Thresholds().review <= review.score < Thresholds().match
    assert any(reason.startswith("name similarity") for reason in review.reasons)


def test_numbered_company_links_operating_name() -> None:
    _, decisions = resolved(
        row(
            "1",
            "2345678 Ontario Inc. o/a Northstar Plastics",
            street="1 Tottenham Rd",
            city="Alliston",
        ),
        row(
            "2",
            "Northstar Plastics (2345678 Ontario Inc.)",
            city="New Tecumseth",
            phone="705-555-1111",
        ),
        row("3", "2345678 Ontario Inc.", street="1 Tottenham Road", city="Alliston"),
    )
    assert [d.kind for d in decisions] == ["new", "match", "match"]
    assert "same numbered company 2345678" in decisions[2].reasons


def test_different_towns_same_name_without_other_evidence_do_not_match() -> None:
    _, decisions = resolved(
        row("1", "Maple Leaf Castings", city="Windsor"),
        row("2", "Maple Leaf Castings", city="Oshawa"),
    )
    assert decisions[1].kind == "new"


def test_batch_clusters_rows_of_different_lists() -> None:
    rows = [
        row(f"a{i}", f"Filler Company {i} Ltd", city="Guelph", phone=f"519-555-{1000 + i}")
        for i in range(48)
    ]
    rows.insert(0, APEX)
    rows.append(row("z", "Apex Stamping", street="123 Main St.", city="Woodstock"))
    decisions = Resolver().resolve_all(rows)
    assert decisions[-1].kind == "match" and decisions[-1].facility_key == decisions[0].facility_key


def test_key_allocation_is_seeded_by_the_caller() -> None:
    resolver = Resolver(next_facility_key=1000, next_company_key=500)
    first = resolver.resolve(APEX)
    second = resolver.resolve(row("2", "Benchmark Gear", city="Guelph"))
    assert (first.facility_key, first.company_key) == (1000, 500)
    assert (second.facility_key, second.company_key) == (1001, 501)


def test_load_existing_registry() -> None:
    existing = FacilityEntry.from_records(
        facility_key=41,
        company_key=7,
        records=[
            APEX,
            row("x", "Apex Stamping Incorporated", city="Woodstock", phone="519 555 9000"),
        ],
    )
    resolver = Resolver()
    resolver.load([existing])
    decision = resolver.resolve(
        row("new", "Apex Stampings Ltd.", city="Woodstock", phone="519.555.9000")
    )
    assert (decision.kind, decision.facility_key, decision.company_key) == ("match", 41, 7)
    fresh = resolver.resolve(row("other", "Zenith Springs", city="Guelph"))
    assert (fresh.facility_key, fresh.company_key) == (42, 8)


def test_progress_and_determinism() -> None:
    rows = [
        APEX,
        row("2", "Apex Stamping", city="Woodstock"),
        row("3", "Precision Tooling", city="Woodstock"),
        row("4", "Precision Tool & Die", street="40 Industrial Rd", city="Woodstock"),
        row(
            "5",
            "Apex Stamping Inc.",
            street="55 Progress Dr",
            city="London",
            website="apexstamping.ca",
        ),
    ]
    calls: list[tuple[int, int]] = []
    first = Resolver().resolve_all(rows, progress=lambda done, total: calls.append((done, total)))
    second = Resolver().resolve_all(rows)
    assert first == second
    assert calls == [(5, 5)]


def test_contained() -> None:
    from corridor.registry.resolution.scoring import contained

    assert contained(("apex", "machining"), ("apex", "precision", "machining"))
    assert contained(("apex", "tool"), ("apex", "north", "star", "tool"))
    assert contained(("apex", "machning"), ("apex", "precision", "machining"))  # one slip
    assert not contained(("apex",), ("apex", "machining"))
    assert not contained(("apex", "precision"), ("apex", "precision", "machining"))
    assert not contained(("apex", "machining"), ("apex", "machining"))
    assert not contained(("apex", "stamping"), ("apex", "precision", "machining"))


def test_a_middle_word_dropped_matches_with_the_same_phone() -> None:
    halton = row("1", "Halton Portside Tool Inc.", city="Oakville", phone="905-555-0101")
    _, decisions = resolved(halton, row("2", "Halton Tool", city="Oakville", phone="905 555 0101"))
    assert decisions[1].kind == "match", decisions[1]
    assert "one name is the other with words left out" in decisions[1].reasons


def test_a_middle_word_dropped_without_facility_evidence_does_not_match() -> None:
    halton = row("1", "Halton Portside Tool Inc.", city="Oakville", phone="905-555-0101")
    _, decisions = resolved(halton, row("2", "Halton Tool", city="Oakville", phone="905 555 0199"))
    assert decisions[1].kind != "match"
    _, decisions = resolved(halton, row("2", "Halton Tool", city="Oakville"))
    assert decisions[1].kind != "match"


def test_a_middle_word_dropped_does_not_override_different_numbered_companies() -> None:
    first = row(
        "1", "1234567 Ontario Inc. o/a Halton Portside Tool", city="Oakville", phone="905-555-0101"
    )
    second = row("2", "7654321 Ontario Inc. o/a Halton Tool", city="Oakville", phone="905-555-0101")
    _, decisions = resolved(first, second)
    assert decisions[1].kind != "match", decisions[1]
    assert decisions[1].kind == "new", decisions[1]  # another legal entity: not even a review
    assert (
        f"different numbered company from facility {decisions[0].facility_key}"
        in decisions[1].reasons
    )


def test_a_middle_word_dropped_with_only_an_address_is_a_review() -> None:
    """Companies of one building share the address: it alone does not merge shortened names."""
    first = row("1", "Horvat Powder Coating", street="1167 Jefferson Dr", city="Barrie")
    second = row("2", "Horvat Coating", street="1167 Jefferson Drive", city="Barrie")
    _, decisions = resolved(first, second)
    assert decisions[1].kind == "review", decisions[1]


def test_local_number_matches_within_the_town_only() -> None:
    full = row("1", "Apex Stamping Inc.", city="Woodstock", phone="519-555-1234")
    _, decisions = resolved(full, row("2", "Apex Stamping", city="Woodstock", phone="555-1234"))
    assert "same local number (no area code), same town" in decisions[1].reasons
    assert decisions[1].kind == "match"
    elsewhere = row("2", "Apex Stamping", city="London", phone="555-1234")
    _, decisions = resolved(full, elsewhere)
    assert not any("local number" in r for r in decisions[1].reasons)
    assert decisions[1].kind != "match"


def test_a_local_number_finds_the_facility_when_the_name_differs() -> None:
    """The seven digits in the town are a blocking key: a shortened name is still compared.

    A local number is weaker than a full one: with a shortened name it makes a review.
    """
    full = row("1", "Badger Ready Set Trim Ltd.", city="Fergus", phone="226-724-1810")
    _, decisions = resolved(full, row("2", "Badger Trim", city="Fergus", phone="724-1810"))
    assert decisions[1].candidate_key == decisions[0].facility_key
    assert decisions[1].kind == "review", decisions[1]


def test_different_phone_of_a_multi_plant_company_goes_to_review() -> None:
    """Name and town agree, the phone differs: a match for a one-plant company, a review once
    the company is known to have several plants (the number may be another plant's)."""
    other_line = row("3", "Apex Stamping", city="Woodstock", phone="519-555-9999")
    _, decisions = resolved(APEX, other_line)
    assert decisions[1].kind == "match", decisions[1]
    london = row(
        "2",
        "Apex Stamping Inc. - London Plant",
        city="London",
        phone="519-555-7777",
        website="apexstamping.ca",
    )
    _, decisions = resolved(APEX, london, other_line)
    assert decisions[1].kind == "new" and decisions[1].company_key == decisions[0].company_key
    assert decisions[2].kind == "review", decisions[2]
    assert decisions[2].candidate_key == decisions[0].facility_key
    assert any("several plants" in reason for reason in decisions[2].reasons)
    lenient = Resolver(Thresholds(multi_plant_phone_review=False))
    assert lenient.resolve_all([APEX, london, other_line])[2].kind == "match"
