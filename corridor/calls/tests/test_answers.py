"""The template's questions and the reading of answers by type."""

from __future__ import annotations

from typing import Any

import pytest

from corridor.calls.answers import (
    TemplateError,
    form_value,
    parse_answers,
    parse_value,
    questions_of,
    read_sections,
)
from corridor.calls.template_versions import first_version_data

SECTIONS = read_sections(first_version_data()["sections"])
QUESTIONS = {q.path: q for q in questions_of(SECTIONS)}


def test_the_first_version_has_every_section_of_a_retention_visit() -> None:
    assert [s.key for s in SECTIONS] == [
        "snapshot",
        "outlook",
        "risks",
        "workforce",
        "supply_chain",
        "technology",
        "government",
        "ratings",
        "notes",
    ]
    for path in (
        "snapshot.employees_3y",
        "outlook.capital_investment",
        "risks.lease_expiry",
        "workforce.hard_to_fill",
        "supply_chain.outside_inputs",
        "technology.electrification",
        "government.permits_barrier",
        "ratings.quality_of_life",
    ):
        assert path in QUESTIONS


@pytest.mark.parametrize(
    ("path", "raw", "value"),
    [
        ("snapshot.employees_now", "1,240", 1240),
        ("outlook.capital_investment_amount", "$250,000", 250000),
        ("risks.relocation", "yes", "yes"),
        ("ratings.labour", "4", 4),
        ("risks.lease_expiry", "2027-03-31", "2027-03-31"),
        ("government.programs_of_interest", ["rd", "skills"], ["rd", "skills"]),
        (
            "workforce.hard_to_fill",
            "Welder, 4\nTool and die maker: 2\n\n",
            [
                {"occupation": "Welder", "count": 4},
                {"occupation": "Tool and die maker", "count": 2},
            ],
        ),
        ("snapshot.products", "  Stamped brackets  ", "Stamped brackets"),
    ],
)
def test_answers_are_read_by_type(path: str, raw: Any, value: Any) -> None:
    assert parse_value(QUESTIONS[path], raw) == value


@pytest.mark.parametrize(
    ("path", "raw", "message"),
    [
        ("snapshot.employees_now", "about forty", "whole number"),
        ("snapshot.employees_now", "-3", "0 or more"),
        ("snapshot.employees_now", "12.5", "whole number"),
        ("risks.relocation", "maybe", "Choose one"),
        ("ratings.labour", "6", "Choose one"),
        ("risks.lease_expiry", "31/03/2027", "YYYY-MM-DD"),
        ("government.programs_of_interest", ["rd", "lottery"], "lottery"),
        ("workforce.hard_to_fill", "Welders wanted", "Line 1"),
    ],
)
def test_unreadable_answers_say_why(path: str, raw: Any, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_value(QUESTIONS[path], raw)


def test_every_question_can_be_skipped() -> None:
    raw = {path: ([] if q.type == "multichoice" else "") for path, q in QUESTIONS.items()}
    assert parse_answers(SECTIONS, raw) == ({}, {})


def test_errors_name_each_field_and_unknown_questions_are_refused() -> None:
    answers, errors = parse_answers(
        SECTIONS, {"snapshot.employees_now": "x", "risks.relocation": "no", "made.up": "1"}
    )
    assert answers == {"risks.relocation": "no"}
    assert set(errors) == {"snapshot.employees_now", "made.up"}


@pytest.mark.parametrize(
    "path", ["workforce.hard_to_fill", "government.programs_of_interest", "ratings.labour"]
)
def test_a_form_shows_back_what_it_stored(path: str) -> None:
    question = QUESTIONS[path]
    raw = {
        "workforce.hard_to_fill": "Welder, 4",
        "government.programs_of_interest": ["rd"],
        "ratings.labour": "3",
    }[path]
    value = parse_value(question, raw)
    assert parse_value(question, form_value(question, value)) == value


def test_display_reads_like_a_person_wrote_it() -> None:
    assert QUESTIONS["outlook.capital_investment_amount"].display(250000) == "$250,000"
    assert QUESTIONS["risks.relocation"].display("unknown") == "Don't know"
    assert QUESTIONS["ratings.labour"].display(4) == "4 of 5"


@pytest.mark.parametrize(
    ("sections", "message"),
    [
        ([], "list of sections"),
        ([{"key": "a", "title": "A", "questions": []}], "no questions"),
        (
            [{"key": "a", "title": "A", "questions": [{"key": "q", "label": "Q", "type": "blob"}]}],
            "not one of",
        ),
        (
            [
                {
                    "key": "a",
                    "title": "A",
                    "questions": [{"key": "q", "label": "Q", "type": "choice"}],
                }
            ],
            "needs choices",
        ),
        (
            [
                {
                    "key": "a",
                    "title": "A",
                    "questions": [
                        {"key": "q", "label": "Q", "type": "text"},
                        {"key": "q", "label": "Q again", "type": "text"},
                    ],
                }
            ],
            "twice",
        ),
    ],
)
def test_malformed_templates_are_refused(sections: Any, message: str) -> None:
    with pytest.raises(TemplateError, match=message):
        read_sections(sections)
