"""Normalisation: names, places, streets, postal codes, phones, websites, coordinates."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corridor.registry.resolution.addresses import parse_postal_code, parse_street
from corridor.registry.resolution.contacts import parse_domain, parse_local_phones, parse_phones
from corridor.registry.resolution.geo import haversine_km, valid_coordinates
from corridor.registry.resolution.names import parse_name
from corridor.registry.resolution.places import resolve_town
from corridor.registry.resolution.records import InputRecord, prepare


@pytest.mark.parametrize(
    "raw",
    [
        "Apex Stamping Inc.",
        "APEX STAMPINGS INCORPORATED",
        "Apex Stamping Ltd",
        "Apex Stamping Limited",
        "Apex Stamping Corp.",
        "Apex Stamping Corporation",
        "Apex Stamping ULC",
        "Apex Stamping Co.",
        "Apex Stamping LLC",
        "Apex Stamping Canada Inc.",
        "Apex Stamping of Canada Ltd.",
        "Apex Stamping (Canada) Inc.",
        "The Apex Stamping Company",
        "Apex Stamping, Inc.",
        "apex  stamping   inc",
        "Apex Stamping Innc.",  # a slip in the legal form
        "Apex Stamping Incorporatd",
        "Apex Stamping Ltée",
        "Apex Stamping of Cannada Ltd.",  # a slip in 'Canada'
        "Apex Stamping Lirnited",  # 'rn' for 'm'
        "Apex Stamping Compny",
    ],
)
def test_legal_forms_and_case_fold_away(raw: str) -> None:
    assert parse_name(raw).core == "apex stamping"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Apex Mfg. Inc.", "Apex Manufacturing Inc."),
        ("Apex Tech", "Apex Technologies"),
        ("Apex Intl Ltd", "Apex International Limited"),
        ("Apex Ind.", "Apex Industries"),
        ("Apex Tool & Die", "Apex Tool and Die"),
        ("Apex Mould", "Apex Mold"),
        ("Apex Mouldings", "Apex Molding"),
        ("Apex Centre", "Apex Center"),
        ("Apex Aluminium", "Apex Aluminum"),
        ("Apex Stampings", "Apex Stamping"),
        ("A.B.C. Tool & Die", "ABC Tool and Die"),
        ("Société Métal Ltée", "Societe Metal"),
    ],
)
def test_abbreviations_spellings_plurals_accents(a: str, b: str) -> None:
    assert parse_name(a).core == parse_name(b).core


def test_operating_names_and_numbered_companies() -> None:
    for raw in (
        "2345678 Ontario Inc. o/a Apex Stamping",
        "2345678 Ontario Inc. O/A Apex Stamping Ltd.",
        "2345678 Ontario Limited operating as Apex Stamping",
        "2345678 Ontario Inc. d/b/a Apex Stamping",
        "2345678 Ontario Inc. c.o.b. Apex Stamping",
        "Apex Stamping (2345678 Ontario Inc.)",
    ):
        name = parse_name(raw)
        assert (name.core, name.number) == ("apex stamping", "2345678"), raw
    bare = parse_name("2345678 Ontario Inc.")
    assert bare.number == "2345678" and bare.numbered_only and not bare.distinctive
    legal = parse_name("Kessler Holdings Ltd. o/a Apex Coatings")
    assert legal.core == "apex coating" and legal.alternates == ("kessler holding",)


@pytest.mark.parametrize(
    ("raw", "plant"),
    [
        ("Apex Stamping - Woodstock Plant", "woodstock"),
        ("Apex Stamping, Woodstock Facility", "woodstock"),
        ("Apex Stamping (Woodstock)", "woodstock"),
        ("Apex Stamping Woodstock Plant", "woodstock"),
        ("Apex Stamping Plant 2", "2"),
        ("Apex Stamping - Plant #2", "2"),
        ("Apex Stamping (Plant II)", "2"),
    ],
)
def test_plant_descriptors_are_peeled_off(raw: str, plant: str) -> None:
    name = parse_name(raw)
    assert (name.core, name.plant) == ("apex stamping", plant)


def test_division_of_parent_is_dropped() -> None:
    assert (
        parse_name("Apex Stamping, a division of Magna International Inc.").core == "apex stamping"
    )
    assert parse_name("Apex Stamping Div. of Magna").core == "apex stamping"


def test_trailing_town_of_the_row_is_a_plant_descriptor() -> None:
    row = prepare(InputRecord("s", "1", "Apex Stamping Woodstock", city="Woodstock"))
    assert (row.name.core, row.name.plant) == ("apex stamping", "woodstock")
    # a town word at the front is part of the name
    assert (
        prepare(InputRecord("s", "1", "Woodstock Stamping", city="Woodstock")).name.core
        == "woodstock stamping"
    )


def test_generic_names_are_marked() -> None:
    assert not parse_name("Precision Tool & Die Ltd.").distinctive
    assert parse_name("Northstar Tool & Die Ltd.").distinctive
    assert parse_name("Precision Tool & Die Ltd.").trade == ("precision", "tool", "die")


@pytest.mark.parametrize(
    ("alias", "municipality"),
    [
        ("Alliston", "new tecumseth"),
        ("Tottenham", "new tecumseth"),
        ("Bowmanville", "clarington"),
        ("Courtice", "clarington"),
        ("Belle River", "lakeshore"),
        ("Georgetown", "halton hills"),
        ("Preston", "cambridge"),
        ("Hespeler", "cambridge"),
        ("Galt", "cambridge"),
        ("St Thomas", "st thomas"),
        ("St. Thomas", "st thomas"),
        ("Saint Thomas", "st thomas"),
        ("City of St. Thomas", "st thomas"),
        ("Woodstock, ON", "woodstock"),
        ("WOODSTOCK", "woodstock"),
        ("Woodstok", "woodstock"),  # a typo of a known place
        ("Alliston (New Tecumseth)", "new tecumseth"),
    ],
)
def test_place_aliases(alias: str, municipality: str) -> None:
    town = resolve_town(alias)
    assert town is not None and town.known and town.municipalities == frozenset({municipality})


def test_ambiguous_and_unknown_places() -> None:
    kw = resolve_town("Kitchener-Waterloo")
    assert kw is not None and kw.municipalities == frozenset({"kitchener", "waterloo"})
    hamlet = resolve_town("Oldcastle")
    assert (
        hamlet is not None
        and not hamlet.known
        and hamlet.municipalities == frozenset({"oldcastle"})
    )
    courtice = resolve_town("Courtice")
    assert courtice is not None and courtice.community == "courtice"
    assert resolve_town("Clarington") == resolve_town("clarington")
    assert resolve_town("  ") is None


@pytest.mark.parametrize(
    ("raw", "number", "street", "unit"),
    [
        ("123 Main St", "123", "main", None),
        ("123 Main Street", "123", "main", None),
        ("123 MAIN ST.", "123", "main", None),
        ("4-123 Main St", "123", "main", "4"),
        ("Unit 4, 123 Main St", "123", "main", "4"),
        ("123 Main St Unit 4", "123", "main", "4"),
        ("123 Main St #4", "123", "main", "4"),
        ("123 Main St., Suite 4", "123", "main", "4"),
        ("123 Main St N", "123", "main n", None),
        ("123 Main Street North", "123", "main n", None),
        ("55 Industrial Rd.", "55", "industrial", None),
        ("55 Industrial Road", "55", "industrial", None),
        ("7 Progress Ave", "7", "progress", None),
        ("7 Progress Avenue", "7", "progress", None),
        ("9 Enterprise Blvd", "9", "enterprise", None),
        ("9 Enterprise Boulevard", "9", "enterprise", None),
        ("1 Commerce Dr", "1", "commerce", None),
        ("1 Commerce Drive", "1", "commerce", None),
        ("2 Maple Cres", "2", "maple", None),
        ("2 Maple Crescent", "2", "maple", None),
        ("3 Oak Crt", "3", "oak", None),
        ("3 Oak Court", "3", "oak", None),
        ("3 Oak Ct", "3", "oak", None),
        ("1234 Hwy 7", "1234", "hwy 7", None),
        ("1234 Highway 7", "1234", "hwy 7", None),
        ("10 Credit Pkwy", "10", "credit", None),
        ("10 Credit Parkway", "10", "credit", None),
        ("2085 Concession 6", "2085", "conc 6", None),
        ("2085 Con 6", "2085", "conc 6", None),
        ("4455 Sideroad 10", "4455", "sdrd 10", None),
        ("88 Line 6", "88", "line 6", None),
        ("55 N Service Rd", "55", "north service", None),
        ("55 North Service Road", "55", "north service", None),
        ("360 St. Clair Rd", "360", "st clair", None),
        ("360 Saint Clair Road", "360", "st clair", None),
        ("PO Box 12, 55 Industrial Rd", "55", "industrial", None),
    ],
)
def test_street_addresses(raw: str, number: str, street: str, unit: str | None) -> None:
    parsed = parse_street(raw)
    assert parsed is not None
    assert (parsed.number, parsed.street, parsed.unit) == (number, street, unit)


@pytest.mark.parametrize("raw", ["N4S 7W3", "n4s7w3", "N4S-7W3", " n4s 7w3 "])
def test_postal_codes(raw: str) -> None:
    assert parse_postal_code(raw) == "N4S 7W3"


@pytest.mark.parametrize("raw", ["N4S", "D4S 7W3", "12345", "N4S 7W", ""])
def test_invalid_postal_codes(raw: str) -> None:
    assert parse_postal_code(raw) is None


@pytest.mark.parametrize(
    "raw",
    [
        "(519) 555-1234",
        "519-555-1234",
        "519.555.1234",
        "+1 519 555 1234",
        "1-519-555-1234",
        "5195551234",
        "519-555-1234 ext. 22",
        "519-555-1234 x22",
        "(519) 555-1234 Ext 301",
        "+1 (519) 555-1234",
    ],
)
def test_phone_numbers(raw: str) -> None:
    assert parse_phones(raw) == ("5195551234",)


def test_phone_edge_cases() -> None:
    assert parse_phones("555-1234") == ()  # no area code
    assert parse_phones("(519) 555-1234 / (519) 555-9876") == ("5195551234", "5195559876")
    assert parse_phones("011-555-1234") == ()


@pytest.mark.parametrize(
    "raw",
    [
        "www.ApexStamping.ca",
        "https://apexstamping.ca/",
        "http://www.apexstamping.ca/about-us",
        "APEXSTAMPING.CA",
        "apexstamping.ca:443/en",
        "info@apexstamping.ca",
        "www2.apexstamping.ca",
    ],
)
def test_website_domains(raw: str) -> None:
    assert parse_domain(raw) == "apexstamping.ca"


def test_platform_and_junk_websites_are_not_domains() -> None:
    assert parse_domain("https://www.facebook.com/apexstamping") is None
    assert parse_domain("n/a") is None
    assert parse_domain("") is None


def test_coordinates() -> None:
    assert valid_coordinates(43.1300001, -80.7500004) == (43.13, -80.75)
    assert valid_coordinates(0.0, 0.0) is None
    assert valid_coordinates(None, -80.0) is None
    assert valid_coordinates(95.0, -80.0) is None
    # Woodstock to Ingersoll is about 14 km
    assert 12.0 < haversine_km((43.13, -80.75), (43.04, -80.88)) < 16.0
    assert haversine_km((43.13, -80.75), (43.13, -80.75)) == 0.0


@given(st.text(max_size=80))
def test_normalisers_accept_any_text(text: str) -> None:
    name = parse_name(text)
    assert name.compact == name.core.replace(" ", "")
    parse_street(text)
    parse_postal_code(text)
    parse_phones(text)
    parse_domain(text)
    resolve_town(text)


@given(st.from_regex(r"[ABCEGHJKLMNPRSTVXY][0-9][A-Z][0-9][A-Z][0-9]", fullmatch=True))
def test_postal_code_round_trip(code: str) -> None:
    parsed = parse_postal_code(code.lower())
    if parsed is not None:
        assert parse_postal_code(parsed) == parsed and len(parsed) == 7


@pytest.mark.parametrize(
    ("raw", "core"),
    [
        ("Halton Too1 Inc.", "halton tool"),  # a digit read for a look-alike letter
        ("Apex St4mping", "apex stamping"),
        ("G0LDEN HORSESHOE SPRINGS", "golden horseshoe spring"),
        ("Bluewater Preci5ion Machining", "bluewater precision machining"),
        # digits that are part of the name stay
        ("3D Tooling", "3d tooling"),
        ("A1 Machining", "a1 machining"),
        ("2nd Line Fabricating", "2nd line fabricating"),
        ("Route401 Logistics", "route401 logistic"),
    ],
)
def test_digits_inside_words(raw: str, core: str) -> None:
    assert parse_name(raw).core == core


def test_plant_number_run_into_its_word_is_not_a_letter() -> None:
    assert parse_name("Apex Stamping Plant1").plant == "1"


@pytest.mark.parametrize(
    "raw", ["2501474 Ontaario Inc", "2501474 Ontario Limted", "2501474 Onatrio"]
)
def test_numbered_company_with_a_slip(raw: str) -> None:
    name = parse_name(raw)
    assert name.number == "2501474" and name.numbered_only


def test_a_number_followed_by_a_name_is_not_a_numbered_company() -> None:
    assert parse_name("12345 Apples Inc").number is None


def test_local_phone_numbers() -> None:
    assert parse_local_phones("555-1234") == ("5551234",)
    assert parse_local_phones("555-1234 ext. 22") == ("5551234",)
    assert parse_local_phones("519-555-1234") == ()  # a full number is not a local one
    assert parse_local_phones("055-1234") == ()
    assert parse_local_phones("55-1234") == ()
    row = prepare(InputRecord("s", "1", "Apex", city="Woodstock", phone="555-1234"))
    assert row.phones == () and row.local_phones == ("5551234",)


@pytest.mark.parametrize(("raw", "municipality"), [("Essed", "essex"), ("Ghelph", "guelph")])
def test_one_slip_in_a_short_place_name(raw: str, municipality: str) -> None:
    town = resolve_town(raw)
    assert town is not None and town.known and town.municipalities == frozenset({municipality})
