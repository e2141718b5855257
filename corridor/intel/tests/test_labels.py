"""Officers' checks become labelled examples, and the benchmark scores them as their own
part ("corrections"), never in the held-out part; the benchmark's parts come from the
labelled set's manifests."""

from __future__ import annotations

import json
import typing
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from corridor.core.history import change_context
from corridor.core.scoping import system_scope
from corridor.intel import fact_records
from corridor.intel.extraction.scoring import LabelledSetError, evaluate
from corridor.intel.labels import labelled_examples
from corridor.intel.models import Fact, FactCorrection, Instrument
from corridor.intel.schemas import InstrumentName
from corridor.intel.tests.helpers import ANNOUNCEMENT, add_text

TWO_FACTS = (
    "Date: 2023-01-24\n\nThe Indiana Economic Development Corporation (IEDC) offered Kokomo "
    "Cells LLC up to $25 million in conditional tax credits and up to $3 million in training "
    "grants."
)
HEADER = "number,file,part,language,jurisdiction,publisher,url,published,note\n"


def _facts(document: Any) -> list[Fact]:
    with system_scope("test"):
        return list(Fact.objects.filter(document=document).order_by("position"))


def _check(world: Any) -> tuple[Any, Any]:
    """One document corrected (jobs retained added), one with a fact rejected."""
    corrected = add_text(world.alice)
    [fact] = _facts(corrected)
    with change_context(user=world.alice, source="tests"):
        fact_records.correct(
            world.alice, fact, {"jobs_retained": 120, "instrument": "grant"}, fact.version
        )
    rejected = add_text(world.alice, TWO_FACTS, name="iedc.txt")
    first, second = _facts(rejected)
    with change_context(user=world.alice, source="tests"):
        fact_records.confirm(world.alice, first)
        fact_records.reject(world.alice, second, "Training grants are not an investment")
    return corrected, rejected


def test_checked_documents_become_labelled_examples(world: Any) -> None:
    corrected, rejected = _check(world)
    add_text(world.alice, ANNOUNCEMENT.replace("$3.5 million", "$4 million"), name="new.txt")
    examples = {e.document_id: e for e in labelled_examples()}
    assert set(examples) == {corrected.pk, rejected.pk}  # the unchecked one is left out
    [fact] = examples[corrected.pk].facts
    assert (fact["jobs_retained"], fact["instrument"], fact["jobs"]) == (120, "grant", 45)
    assert fact["amount_cad"] == 3_500_000 and fact["funder"]
    assert examples[corrected.pk].corrected_fields == ["instrument", "jobs_retained"]
    assert [f["amount_cad"] for f in examples[rejected.pk].facts] == [25_000_000]
    assert examples[rejected.pk].rejected == 1
    with system_scope("test"):
        assert FactCorrection.objects.filter(fact__document=corrected).count() == 2


def test_export_labelled_writes_the_labelled_form_and_the_benchmark_scores_it(
    world: Any, tmp_path: Path
) -> None:
    _check(world)
    call_command("export_labelled", str(tmp_path / "out"))
    out = tmp_path / "out"
    texts = sorted(p.name for p in out.glob("*.txt"))
    assert len(texts) == 2 and all((out / t).with_suffix(".json").exists() for t in texts)
    gold = json.loads((out / texts[0]).with_suffix(".json").read_text(encoding="utf-8"))
    assert gold[0]["jobs_retained"] == 120
    assert "corrected_fields" in (out / "corrections.csv").read_text(encoding="utf-8")
    labelled = tmp_path / "labelled"
    labelled.mkdir()
    (labelled / "01-a.txt").write_text(ANNOUNCEMENT, encoding="utf-8")
    (labelled / "01-a.json").write_text("[]", encoding="utf-8")
    (labelled / "sources-x.csv").write_text(HEADER + "01,01-a.txt,held-out,en,,,,,\n")
    scores = evaluate(labelled, extra=out)
    assert scores["corrections"].texts == 2
    assert scores["held-out"].texts == 1 and scores["all"].texts == 1  # not mixed in
    # The rules read the instrument but no jobs retained: the correction shows it.
    assert scores["corrections"].fields["jobs_retained"].recall == 0.0
    assert scores["corrections"].facts.recall == 1.0
    assert scores["corrections"].facts.precision == pytest.approx(2 / 3)


def test_export_labelled_says_when_nothing_is_checked(world: Any, tmp_path: Path) -> None:
    add_text(world.alice)
    out = tmp_path / "none"
    call_command("export_labelled", str(out))
    assert list(out.glob("*.txt")) == []


def test_a_text_in_no_manifest_is_an_error_of_the_benchmark(tmp_path: Path) -> None:
    for stem in ("01-a", "02-b"):
        (tmp_path / f"{stem}.txt").write_text(ANNOUNCEMENT, encoding="utf-8")
        (tmp_path / f"{stem}.json").write_text("[]", encoding="utf-8")
    (tmp_path / "sources-x.csv").write_text(HEADER + "01,01-a.txt,tuning,en,,,,,\n")
    with pytest.raises(LabelledSetError, match="02-b"):
        evaluate(tmp_path)
    (tmp_path / "sources-y.csv").write_text(HEADER + "02,02-b.txt,held-out,en,,,,,\n")
    scores = evaluate(tmp_path)
    assert (scores["tuning"].texts, scores["held-out"].texts) == (1, 1)
    assert set(evaluate(tmp_path, only="tuning")) == {"tuning"}


def test_a_manifest_with_a_bad_part_or_a_conflict_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "01-a.txt").write_text(ANNOUNCEMENT, encoding="utf-8")
    (tmp_path / "01-a.json").write_text("[]", encoding="utf-8")
    (tmp_path / "sources-x.csv").write_text(HEADER + "01,01-a.txt,test,en,,,,,\n")
    with pytest.raises(LabelledSetError, match="part 'test'"):
        evaluate(tmp_path)
    (tmp_path / "sources-x.csv").write_text(HEADER + "01,01-a.txt,tuning,en,,,,,\n")
    (tmp_path / "sources-y.csv").write_text(HEADER + "01,01-a.txt,held-out,en,,,,,\n")
    with pytest.raises(LabelledSetError, match=r"tuning in sources-x\.csv but held-out"):
        evaluate(tmp_path)


def test_the_api_names_the_models_instruments() -> None:
    assert set(typing.get_args(InstrumentName)) == set(Instrument.values)
