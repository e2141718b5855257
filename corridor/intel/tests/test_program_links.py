"""Facts name funding programs: linked by any name the program goes by, or through the
funder, and shown on the program's page."""

from __future__ import annotations

from typing import Any

from django.test import Client

from corridor.core.history import change_context
from corridor.core.scoping import system_scope
from corridor.intel import fact_records
from corridor.intel.models import Fact
from corridor.intel.tests.helpers import ANNOUNCEMENT, add_text
from corridor.programs.names import ProgramNames, spellings
from corridor.programs.tests.helpers import program

NGEN_TEXT = (
    "December 16, 2020\n\nTo date NGen has invested $148 million in 65 industry-led, "
    "collaborative projects, leveraging $352 million in total innovation spending."
)


def _facts(document: Any) -> list[Fact]:
    with system_scope("test"):
        return list(Fact.objects.filter(document=document).select_related("funding_program"))


def test_a_name_is_found_as_written_by_its_acronym_or_without_the() -> None:
    assert spellings("Ontario Automotive Modernization Program (O-AMP)") == [
        "Ontario Automotive Modernization Program (O-AMP)",
        "O-AMP",
        "Ontario Automotive Modernization Program",
    ]


def test_a_fact_is_linked_to_the_program_it_names(world: Any) -> None:
    swodf = program(
        "swodf", name="Southwestern Ontario Development Fund", short_name="SWODF", aliases=""
    )
    program("other", name="Other Fund", short_name="OF", aliases="")
    [fact] = _facts(add_text(world.alice, ANNOUNCEMENT))
    assert fact.program == "Southwestern Ontario Development Fund"
    assert fact.funding_program == swodf


def test_a_fact_whose_funder_is_a_program_is_linked_through_the_funder(world: Any) -> None:
    ngen = program("ngen", name="Next Generation Manufacturing Canada", short_name="NGen")
    [fact] = _facts(add_text(world.alice, NGEN_TEXT))
    assert (fact.funder, fact.program) == ("NGen", "")
    assert fact.funding_program == ngen


def test_a_fact_naming_no_program_corridor_holds_stays_unlinked(world: Any) -> None:
    program("other", name="Other Fund", short_name="OF", aliases="")
    [fact] = _facts(add_text(world.alice, ANNOUNCEMENT))
    assert fact.funding_program is None


def test_a_program_added_later_is_linked_when_the_document_is_read_again(world: Any) -> None:
    document = add_text(world.alice, ANNOUNCEMENT)
    assert _facts(document)[0].funding_program is None
    swodf = program("swodf", name="Southwestern Ontario Development Fund", short_name="SWODF")
    with change_context(user=world.alice, source="tests"):
        fact_records.store_facts(document)
    assert _facts(document)[0].funding_program == swodf


def test_the_program_page_shows_the_announcements_that_name_it(world: Any) -> None:
    swodf = program("swodf", name="Southwestern Ontario Development Fund", short_name="SWODF")
    document = add_text(world.alice, ANNOUNCEMENT, title="Tecumseh expansion")
    client = Client()
    client.force_login(world.dave)
    page = client.get(f"/programs/{swodf.pk}/").content.decode()
    assert "In the announcements Corridor read" in page
    assert f'href="/intel/documents/{document.pk}/"' in page
    assert "$3.5 million" in page or "$3,500,000" in page
    other = program("other", name="Other Fund", short_name="OF", aliases="")
    assert "No announcement Corridor has read names this program yet" in (
        client.get(f"/programs/{other.pk}/").content.decode()
    )


def test_program_names_read_every_alias() -> None:
    class Stub:
        key = "oamp"

        def names(self) -> list[str]:
            return ["Ontario Automotive Modernization Program", "O-AMP", "OAMP"]

    names = ProgramNames([Stub()])  # type: ignore[list-item]
    for written in ("the Ontario Automotive  Modernization Program", "OAMP", "o-amp", "oamp"):
        assert names.find(written) is not None, written
    assert names.find("Ontario") is None
    assert names.find(None) is None
