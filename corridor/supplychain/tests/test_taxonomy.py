"""Reading capabilities out of text: synonyms, spellings, stems, typos, hierarchy."""

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corridor.supplychain.taxonomy import Taxonomy, capabilities_in, normalise, stem

TAXONOMY = Taxonomy.from_csv()


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("Progressive die stampings", ["stamping"]),
        ("BIW", ["body-in-white"]),
        ("body-in-white sub-assemblies", ["assembly", "body-in-white"]),
        ("Body in White", ["body-in-white"]),
        ("High-pressure die castings (HPDC)", ["die-casting"]),
        ("gigacasting", ["mega-casting"]),
        ("e-motor", ["electric-motor"]),
        ("Electric motors and inverters", ["electric-motor", "power-electronics"]),
        ("wire harness", ["electrical"]),
        ("Wiring harnesses", ["electrical"]),
        ("Tool & die", ["tooling"]),
        ("Moulds", ["mould-making"]),
        ("EV battery trays", ["batteries", "battery-enclosure"]),
        ("CNC machined parts, aluminum extrusions", ["aluminium", "cnc-machining", "extrusion"]),
    ],
)
def test_synonyms_and_phrases(text: str, keys: list[str]) -> None:
    assert TAXONOMY.capabilities_in(text) == keys


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("moulding", "molding"),
        ("moulded parts", "molded parts"),
        ("injection moulded", "Injection-Molded"),
        ("aluminium", "aluminum"),
        ("carbon fibre", "carbon fiber"),
        ("anodising", "anodizing"),
        ("Stampings", "stamping"),
        ("stamped", "stamping"),
        ("assemblies", "assembly"),
        ("Électronique", "electronique"),
    ],
)
def test_spellings_and_stems_meet(one: str, other: str) -> None:
    assert normalise(one) == normalise(other)


def test_moulding_and_moulds_stay_apart() -> None:
    assert TAXONOMY.capabilities_in("moulded parts") == ["moulding"]
    assert TAXONOMY.capabilities_in("moulds") == ["mould-making"]
    assert TAXONOMY.capabilities_in("injection moulds") == ["mould-making"]


@pytest.mark.parametrize(
    "text",
    [
        "broadcasting and forecasting",
        "heating oil delivery",
        "transmission casings",  # names powertrain, not casting
        "Dieppe Street, Windsor",
        "Stampede Grounds",
        "paintball park",
        "led by our founders",
        "",
    ],
)
def test_no_false_tags(text: str) -> None:
    found = TAXONOMY.capabilities_in(text)
    assert not {"casting", "stamping", "painting", "interior", "lighting"} & set(found)
    assert text != "broadcasting and forecasting" or found == []


def test_tagging_never_guesses_typos() -> None:
    assert TAXONOMY.capabilities_in("stampng") == []


@pytest.mark.parametrize(
    ("query", "key"),
    [
        ("stampng", "stamping"),
        ("stmaping", "stamping"),  # a transposition is one edit
        ("alumnium", "aluminium"),
        ("weldng", "welding"),
        ("wire harnes", "electrical"),
        ("extrusoin", "extrusion"),
        ("electic motor", "electric-motor"),
    ],
)
def test_queries_tolerate_small_typos(query: str, key: str) -> None:
    (concept,) = TAXONOMY.parse_query(query)
    assert key in concept.keys
    assert concept.corrected_from


@pytest.mark.parametrize("word", ["cast", "mold", "pant", "heating", "casing", "magna"])
def test_short_and_common_words_are_not_corrected(word: str) -> None:
    assert TAXONOMY.correct(stem(word)) is None


def test_a_corrected_word_is_also_searched_as_written() -> None:
    (concept,) = TAXONOMY.parse_query("Stampng")
    assert concept.keys == ("stamping",)
    assert concept.terms == ("stampng",)  # a company could be called that


def test_queries_keep_names_and_drop_filler() -> None:
    concepts = TAXONOMY.parse_query("Magna body in white parts near Windsor")
    assert [(c.keys, c.terms) for c in concepts] == [
        (("body-in-white",), ()),
        ((), ("magna",)),
        ((), ("windsor",)),
    ]


def test_descendants_and_ancestors() -> None:
    assert TAXONOMY.descendants("casting") == {
        "casting", "die-casting", "mega-casting", "sand-casting", "investment-casting"
    }  # fmt: skip
    assert TAXONOMY.ancestors("mega-casting") == ["die-casting", "casting", "processes"]
    assert TAXONOMY.with_ancestors(["laser-welding"]) == {"laser-welding", "welding", "processes"}


def test_every_key_stays_distinct_in_the_index() -> None:
    from corridor.supplychain.search_index import key_token

    assert len({key_token(k) for k in TAXONOMY.nodes}) == len(TAXONOMY.nodes)


@given(st.text(alphabet=st.characters(codec="latin-1"), max_size=40))
def test_normalising_twice_changes_nothing(text: str) -> None:
    once = normalise(text)
    assert normalise(" ".join(once)) == once
    assert all(t.isalnum() and t.isascii() and not t.startswith("zz") for t in once)


def test_the_database_holds_the_shipped_taxonomy(db: Any) -> None:
    assert capabilities_in("HPDC and BIW") == ["body-in-white", "die-casting"]
