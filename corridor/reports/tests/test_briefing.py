"""The mayors' quarterly briefing: the PDF's text, the command's errors, the download."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from pypdf import PdfReader

from corridor.core.disclosure import SUPPRESSED_LABEL
from corridor.reports.tests.test_dashboards import Q4, TODAY, corridor  # noqa: F401


def _text(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def test_the_briefing_has_the_region_then_each_municipality(world: Any, corridor: Any) -> None:  # noqa: F811
    from corridor.reports.briefing import render

    pages = _text(render(world.carol, Q4, today=TODAY))
    assert "Mayors' quarterly briefing, 2026 Q4" in pages[0]
    assert "The region" in pages[0]
    assert "4 of 5 (80%)" in pages[0]
    # three companies at risk: fewer than five, so suppressed in print (even for the coordinator)
    assert SUPPRESSED_LABEL in pages[0]
    assert "450 jobs" not in "".join(pages)
    joined = "\n".join(pages)
    assert "Oshawa" in joined and "Windsor" in joined
    assert any(p.lstrip().startswith("Oshawa") for p in pages[1:])


def test_the_command_writes_one_municipality(world: Any, corridor: Any, tmp_path: Path) -> None:  # noqa: F811
    out = tmp_path / "windsor.pdf"
    call_command("briefing", "--quarter", "2026Q4", "--municipality", "windsor", "--out", str(out))
    pages = _text(out.read_bytes())
    assert "Windsor" in pages[-1] and "Calls completed" in pages[-1]
    assert "Oshawa" not in "".join(pages)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--quarter", "2026Q5"], "--quarter: '2026Q5' is not a quarter"),
        (["--quarter", "2026Q3", "--municipality", "Atlantis"], "no municipality is named"),
    ],
)
def test_the_command_refuses_bad_arguments(
    world: Any, tmp_path: Path, args: list[str], message: str
) -> None:
    out = tmp_path / "b.pdf"
    with pytest.raises(CommandError, match=message):
        call_command("briefing", *args, "--out", str(out))
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_the_command_refuses_a_missing_folder(world: Any, tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="does not exist"):
        call_command("briefing", "--quarter", "2026Q3", "--out", str(tmp_path / "no" / "b.pdf"))


def test_the_download_from_the_dashboard(as_user: Any, world: Any, corridor: Any) -> None:  # noqa: F811
    response = as_user("alice").get("/reports/briefing.pdf?quarter=2026Q4")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "briefing-2026Q4-windsor.pdf" in response["Content-Disposition"]
    pages = _text(response.content)
    assert pages and all("Oshawa" not in p for p in pages)
    assert as_user("dave").get("/reports/briefing.pdf?quarter=2026Q4").status_code == 403


def test_the_dashboards_show_what_each_reader_may(as_user: Any, world: Any, corridor: Any) -> None:  # noqa: F811
    page = as_user("carol").get("/reports/?quarter=2026Q4").content.decode()
    assert "The corridor's dashboard, 2026 Q4" in page and "4 of 5 facilities" in page
    assert "reports-map" in page and "listed in the table" not in page  # no table of them
    assert "{#" not in page  # no template comment shows
    own = as_user("bob").get(f"/reports/?quarter=2026Q4&municipality={world.windsor.pk}")
    assert "Oshawa: dashboard" in own.content.decode()  # bob's own, whatever he asks for
    shared = as_user("dave").get("/reports/?quarter=2026Q4").content.decode()
    assert "The corridor in figures" in shared and "Windsor Plant" not in shared
    assert SUPPRESSED_LABEL in shared  # 2 companies called in Windsor-Sarnia, 1 in Toronto
    assert as_user("carol").get("/reports/?quarter=2026Q7").status_code == 404


def test_the_briefing_suppresses_the_companies_behind_a_skills_gap(world: Any) -> None:
    from corridor.reports.briefing import render
    from corridor.reports.dashboards import build
    from corridor.workforce.tests.helpers import ON, postings, recorded_call, region, supply

    windsor = region("Windsor–Sarnia")
    postings(windsor, "72106", 60)
    supply(windsor, "72106", unemployed=30)
    for _ in range(4):  # four companies told of welder openings on calls
        recorded_call(world.alice, world.org_a, world.windsor, "Welder, 3")

    def welders(board: Any) -> Any:
        (row,) = [r for r in board.skills_gaps if r[1] == "Windsor–Sarnia" and "elder" in r[0]]
        return row[3]

    assert welders(build(world.carol, Q4, None, today=ON)).value == 4  # the office's own page
    briefed = welders(build(world.carol, Q4, None, today=ON, suppressed=True))
    assert briefed.suppressed
    pages = _text(render(world.carol, Q4, today=ON))
    skills = pages[0].split("Skills gaps: the largest shortages", 1)[1]
    assert "Welders" in skills and SUPPRESSED_LABEL in skills
