"""Documents: the list with full-text search, a document with its facts highlighted,
adding documents (upload or paste; long ones and several files are read in the
background worker), reading a document again, the raw file."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from corridor.core import policy
from corridor.core.exports import export, export_links
from corridor.core.history import WEB, change_context
from corridor.core.views.common import paginate
from corridor.intel import search, tasks
from corridor.intel.fact_records import store_facts
from corridor.intel.forms import UploadForm
from corridor.intel.ingesting import Metadata, ingest_bytes
from corridor.intel.models import Document, DocumentKind, Fact, Jurisdiction, TrendTag
from corridor.intel.readers import UnreadableDocument
from corridor.intel.tracker import with_trends
from corridor.intel.views.common import highlighted, money, section
from corridor.jobs import services as jobs


@login_required
def document_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    qs = policy.visible(user, Document).select_related("jurisdiction")
    query = request.GET.get("q", "").strip()[:200]
    jurisdiction = request.GET.get("jurisdiction", "")
    kind = request.GET.get("kind", "")
    trend = request.GET.get("trend", "")
    if jurisdiction.isdigit():
        qs = qs.filter(jurisdiction_id=int(jurisdiction))
    if kind in DocumentKind.values:
        qs = qs.filter(kind=kind)
    if trend:
        qs = qs.filter(trends__slug=trend)
    found = search.search(qs, query) if query else qs.order_by("-date", "-pk")
    exported = export(
        request,
        "documents",
        ["document_id", "title", "date", "government", "kind", "published_by", "facts"],
        _document_lines(user, found),
    )
    if exported is not None:
        return exported
    page, keep = paginate(request, found, 25)
    facts = _fact_counts(user, [d.pk for d in page])
    rows = [(d, facts.get(d.pk, 0)) for d in page]
    return render(
        request,
        "intel/document_list.html",
        {
            **section("documents"),
            "rows": rows,
            "page_obj": page,
            "querystring_without_page": keep,
            "query": query,
            "jurisdiction": jurisdiction,
            "kind": kind,
            "trend": trend,
            "jurisdictions": policy.visible(user, Jurisdiction).order_by("name"),
            "kinds": DocumentKind.choices,
            "trends": policy.visible(user, TrendTag).order_by("order"),
            "can_add": policy.can_create(user, Document),
            **export_links(request),
        },
    )


def _fact_counts(user: Any, document_ids: list[int]) -> dict[int, int]:
    """How many facts this user may see in each of the documents."""
    facts: dict[int, int] = {}
    for document_id in (
        policy.visible(user, Fact)
        .filter(document_id__in=document_ids)
        .values_list("document_id", flat=True)
    ):
        facts[document_id] = facts.get(document_id, 0) + 1
    return facts


def _document_lines(user: Any, found: Any) -> Iterator[list[Any]]:
    """The document list's columns, in the order of the search, every document it finds."""
    documents = found.iterator(chunk_size=1000)
    while chunk := list(islice(documents, 1000)):
        facts = _fact_counts(user, [d.pk for d in chunk])
        for d in chunk:
            yield [
                d.pk,
                d.title,
                d.date,
                str(d.jurisdiction) if d.jurisdiction_id else "",
                d.get_kind_display(),
                d.source,
                facts.get(d.pk, 0),
            ]


def _document(request: HttpRequest, pk: int) -> Document:
    qs = policy.visible(request.user, Document).select_related("jurisdiction")
    document: Document = get_object_or_404(qs, pk=pk)
    return document


@login_required
def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    document = _document(request, pk)
    facts = list(
        policy.visible(request.user, Fact)
        .filter(document=document)
        .select_related("jurisdiction")
        .prefetch_related(with_trends(request.user))
        .order_by("position")
    )
    return render(
        request,
        "intel/document_detail.html",
        {
            **section("documents"),
            "document": document,
            "facts": [(f, money(f.amount_cad, f.currency)) for f in facts],
            "paragraphs": highlighted(document.text, facts),
            "trends": list(policy.visible(request.user, TrendTag).filter(documents=document)),
            "can_change": policy.can_change(request.user, document),
            "can_delete": policy.can_delete(request.user, document),
        },
    )


@login_required
def document_raw(request: HttpRequest, pk: int) -> HttpResponse:
    """The file exactly as it was added."""
    document = _document(request, pk)
    response = HttpResponse(
        bytes(document.raw), content_type=document.media_type or "application/octet-stream"
    )
    name = (document.file_name or f"document-{document.pk}").replace('"', "")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_POST
def document_reread(request: HttpRequest, pk: int) -> HttpResponse:
    """Read the document's facts again; facts officers have checked stay as they are."""
    document = _document(request, pk)
    policy.require_change(request.user, document)
    with change_context(user=request.user, source=WEB, request=request):
        facts = store_facts(document)
    messages.success(
        request, f"Read again: {len(facts)} facts. Facts officers checked were kept as they were."
    )
    return redirect("intel-document-detail", pk=document.pk)


@login_required
@require_POST
def document_delete(request: HttpRequest, pk: int) -> HttpResponse:
    document = _document(request, pk)
    policy.require_delete(request.user, document)
    with change_context(user=request.user, source=WEB, request=request):
        document.delete()
    messages.success(
        request, f"“{document.title}” was deleted. The coordinator can restore it from the admin."
    )
    return redirect("intel-document-list")


@login_required
def upload(request: HttpRequest) -> HttpResponse:
    """Add a document or several. A short one is read at once and its page shown; a long
    one, or several files, are read by the background worker (``intel.tasks``) and the
    officer follows them on the job's page."""
    user = request.user
    policy.require_create(user, Document)
    form = UploadForm(user, request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        meta = Metadata(
            title=data["title"],
            date=data["date"],
            source=data["source"],
            url=data["url"],
            jurisdiction=data["jurisdiction"].name if data["jurisdiction"] else "",
            kind=data["kind"],
        )
        uploads = data.get("file") or []
        if uploads:
            files = [(f.name, f.read()) for f in uploads]
        else:
            text = data["text"]
            files = [((data["title"] or "pasted text") + ".txt", text.encode("utf-8"))]
        if len(files) > 1 or not tasks.reads_quickly(*files[0]):
            return _read_in_background(request, files, meta)
        name, raw = files[0]
        try:
            with change_context(user=user, source=WEB, request=request):
                document, new = ingest_bytes(user, name, raw, meta)
        except UnreadableDocument as exc:
            form.add_error("file" if uploads else "text", str(exc))
        else:
            if new:
                count = getattr(document, "fact_count", 0)
                messages.success(
                    request,
                    f"Added “{document.title}”: {count} fact{'s' if count != 1 else ''} found. "
                    "Check them below.",
                )
            else:
                messages.info(request, "This document is already in Corridor; here it is.")
            return redirect("intel-document-detail", pk=document.pk)
    return render(
        request,
        "intel/upload.html",
        {**section("upload"), "form": form, "quick_characters": f"{tasks.QUICK_CHARACTERS:,}"},
    )


def _read_in_background(
    request: HttpRequest, files: list[tuple[str, bytes]], meta: Metadata
) -> HttpResponse:
    token = tasks.keep_for_worker(files)
    what = f"{len(files)} documents" if len(files) > 1 else Path(files[0][0]).name
    job = jobs.start(
        tasks.read_documents,
        token,
        request.user.pk,
        tasks.metadata_of(meta),
        user=request.user,
        label=f"Reading {what}",
    )
    messages.info(
        request,
        f"Corridor is reading {what} in the background: you may leave this page and find "
        "the facts later under Background work.",
    )
    return redirect(job)
