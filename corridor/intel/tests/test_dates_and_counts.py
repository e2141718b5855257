"""Dates, jobs and numbers of projects in the forms announcements use."""

from __future__ import annotations

import datetime as dt

import pytest

from corridor.intel.extraction.counts import find_jobs, find_projects
from corridor.intel.extraction.dates import document_date, parse_date, resolve_year


@pytest.mark.parametrize(
    "text",
    [
        " date 2020-12-16 The",
        "December 16, 2020",
        "Dec. 16, 2020",
        "Dec 16 2020",
        "16 December 2020",
        "16th December 2020",
        "2020/12/16",
        "le 16 décembre 2020",
        "16 de diciembre de 2020",
    ],
)
def test_it_reads_the_date(text: str) -> None:
    assert parse_date(text) == dt.date(2020, 12, 16)


def test_impossible_dates_are_not_dates() -> None:
    assert parse_date("February 30, 2021") is None


def test_the_document_date_is_the_date_line_near_the_top() -> None:
    text = "Ontario invests\nMarch 4, 2022\n\nSince January 5, 2018 the fund has grown."
    assert document_date(text) == dt.date(2022, 3, 4)


def test_a_published_line_wins_over_an_earlier_date() -> None:
    text = "Since June 1, 2019 the plant has grown.\nPublished: 2023-04-20\nMore text."
    assert document_date(text) == dt.date(2023, 4, 20)


def test_relative_years_count_from_the_document_date() -> None:
    today = dt.date(2023, 5, 1)
    assert [resolve_year(p, today) for p in ("last year", "next year", "this year", "in 2025")] == [
        2022,
        2024,
        2023,
        2025,
    ]


@pytest.mark.parametrize(
    ("text", "jobs"),
    [
        ("they are expected to create about 613 new jobs.", 613),
        ("will create more than 10,000 new jobs over the next five years", 10_000),
        ("to create or retain 1,200 jobs", 1_200),
        ("creating 300 jobs and retaining 1,500", 300),
        ("will create 300 new jobs and maintain 1,500 existing ones", 300),
        ("the plant will hire 250 people", 250),
        ("adding 45 new full-time positions", 45),
        ("permettra la création de 150 emplois", 150),
        ("creando 3,000 nuevos empleos", 3_000),
        ("creating sixty new jobs", 60),
    ],
)
def test_it_reads_the_jobs(text: str, jobs: int) -> None:
    assert find_jobs(text) == jobs


@pytest.mark.parametrize(
    "text",
    [
        "The plant employs 4,000 workers.",
        "The sector supports 100,000 jobs across Ontario.",
        "The program will train 600 workers for jobs in assembly.",
        "The company cut 200 jobs last year.",
        "By 2030 jobs will change.",
    ],
)
def test_jobs_that_exist_or_are_trained_are_not_new_jobs(text: str) -> None:
    assert find_jobs(text) is None


@pytest.mark.parametrize(
    ("text", "projects"),
    [
        ("More than 100 projects are either underway or completed", 100),
        ("invested $148 million in 65 industry-led, collaborative projects", 65),
        ("committed $1.2 billion to 22 projects by automakers", 22),
        ("funding for twelve projects", 12),
        ("NGen is investing in three new collaborative projects", 3),
    ],
)
def test_it_counts_the_projects(text: str, projects: int) -> None:
    assert find_projects(text) == projects


def test_a_single_project_or_a_dollar_figure_is_no_count_of_projects() -> None:
    assert find_projects("The $23 million project will create jobs.") is None
