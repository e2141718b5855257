"""The intelligence part of the access matrix (see tests/test_access_matrix.py).

Documents and facts are public announcements: everyone signed in reads them.
Officers of member municipalities (alice, bob) and the coordinator (carol) add
documents, read them again and check facts; the viewers (dave, a partner; erin, a
mayor) do not; only the coordinator deletes a document.

World: ``w.intel_document``, an Ontario release with one fact ``w.intel_fact``.
"""

from __future__ import annotations

from typing import Any

from corridor.core.history import change_context
from corridor.core.scoping import system_scope
from corridor.intel.ingesting import Metadata, ingest_bytes
from corridor.intel.models import Document, Fact
from tests.access_rows import Row, everyone, only

RELEASE = (
    "Ontario Supports Auto Parts Expansion in Tecumseh\nMarch 4, 2022\n\n"
    "The Ontario government is investing $3.5 million in Matrix Stamping Inc. through the "
    "Southwestern Ontario Development Fund. The project will create 45 new jobs."
)
OTHER = (
    "Date: 2023-05-09\n\nJobsOhio will provide a $6 million grant to Matrix Robotics Co. in Ohio."
)
OFFICERS = {"alice": 302, "bob": 302, "carol": 302}
OFFICERS_API = {"alice": 200, "bob": 200, "carol": 200}


def build_intel(w: Any) -> None:
    with change_context(user=w.carol, source="tests"):
        w.intel_document, _ = ingest_bytes(w.carol, "release.txt", RELEASE.encode(), Metadata())
    with system_scope("access matrix fixtures"):
        w.intel_fact = Fact.objects.get(document=w.intel_document)


INTEL_PAGES: list[Row] = [
    Row("intel-document-list", lambda w: "/intel/", everyone(200)),
    Row(
        "intel-document-list",
        lambda w: "/intel/?q=tecumseh+stamp&jurisdiction=1&kind=news&trend=batteries",
        everyone(200),
    ),
    Row(
        "intel-document-detail", lambda w: f"/intel/documents/{w.intel_document.pk}/", everyone(200)
    ),
    Row(
        "intel-document-raw",
        lambda w: f"/intel/documents/{w.intel_document.pk}/file/",
        everyone(200),
    ),
    Row("intel-fact", lambda w: f"/intel/facts/{w.intel_fact.pk}/", everyone(200)),
    Row(
        "intel-fact",
        lambda w: f"/intel/facts/{w.intel_fact.pk}/",
        only(OFFICERS, 403),
        method="post",
        data=lambda w: {"action": "confirm"},
    ),
    Row(
        "intel-upload", lambda w: "/intel/add/", only({"alice": 200, "bob": 200, "carol": 200}, 403)
    ),
    Row(
        "intel-upload",
        lambda w: "/intel/add/",
        only(OFFICERS, 403),
        method="post",
        data=lambda w: {"text": OTHER, "title": "JobsOhio grant"},
    ),
    Row(
        "intel-document-reread",
        lambda w: f"/intel/documents/{w.intel_document.pk}/read-again/",
        only(OFFICERS, 403),
        method="post",
    ),
    Row(
        "intel-document-delete",
        lambda w: f"/intel/documents/{w.intel_document.pk}/delete/",
        only({"carol": 302}, 403),
        method="post",
    ),
    Row("intel-tracker", lambda w: "/intel/tracker/", everyone(200)),
    Row(
        "intel-tracker",
        lambda w: "/intel/tracker/?jurisdiction=1&from=2020&to=2025&checked=1",
        everyone(200),
    ),
    Row("intel-trends", lambda w: "/intel/trends/", everyone(200)),
]

INTEL_API: list[Row] = [
    Row(
        "GET /api/v1/intel/documents",
        lambda w: "/api/v1/intel/documents?q=tecumseh",
        everyone(200, 401),
    ),
    Row(
        "GET /api/v1/intel/documents/{document_id}",
        lambda w: f"/api/v1/intel/documents/{w.intel_document.pk}",
        everyone(200, 401),
    ),
    Row(
        "POST /api/v1/intel/documents",
        lambda w: "/api/v1/intel/documents",
        only({"alice": 201, "bob": 201, "carol": 201}, 403, anonymous=401),
        method="post",
        data=lambda w: {"text": OTHER, "title": "JobsOhio grant"},
    ),
    Row(
        "GET /api/v1/intel/facts",
        lambda w: "/api/v1/intel/facts?status=extracted",
        everyone(200, 401),
    ),
    Row(
        "GET /api/v1/intel/facts/{fact_id}",
        lambda w: f"/api/v1/intel/facts/{w.intel_fact.pk}",
        everyone(200, 401),
    ),
    Row(
        "POST /api/v1/intel/facts/{fact_id}/confirm",
        lambda w: f"/api/v1/intel/facts/{w.intel_fact.pk}/confirm",
        only(OFFICERS_API, 403, anonymous=401),
        method="post",
    ),
    Row(
        "POST /api/v1/intel/facts/{fact_id}/correct",
        lambda w: f"/api/v1/intel/facts/{w.intel_fact.pk}/correct",
        only(OFFICERS_API, 403, anonymous=401),
        method="post",
        data=lambda w: {"version": w.intel_fact.version, "jobs": 50},
    ),
    Row(
        "POST /api/v1/intel/facts/{fact_id}/reject",
        lambda w: f"/api/v1/intel/facts/{w.intel_fact.pk}/reject",
        only(OFFICERS_API, 403, anonymous=401),
        method="post",
        data=lambda w: {"note": "a sale"},
    ),
    Row(
        "GET /api/v1/intel/tracker",
        lambda w: "/api/v1/intel/tracker?checked_only=false",
        everyone(200, 401),
    ),
]

INTEL_API_LISTS = {"/api/v1/intel/documents": Document, "/api/v1/intel/facts": Fact}
