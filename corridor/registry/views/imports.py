"""Importing a company list from the browser: upload, preview (nothing written), import.

The preview reads the file in the request (a bad file is explained on the form, row by
row); confirming it starts the import in the background worker (``registry.tasks``) and
takes the officer to the job's page, which follows it and links to the result.

The uploaded file waits under ``VAR_DIR/uploads/<random token>/`` between the
preview and the end of the import; the token is remembered in the uploader's session
only (and forgotten when the import starts, so it starts once), and the file is
removed once imported (abandoned ones after a day).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from corridor.core import policy
from corridor.core.uploads import PreviewShelf
from corridor.core.views.common import paginate
from corridor.jobs import services as jobs
from corridor.registry import tasks
from corridor.registry.forms import ImportConfirmForm, ImportUploadForm
from corridor.registry.importing import import_companies
from corridor.registry.models import ImportRun, SourceRecord
from corridor.registry.sheets import COLUMN_ALIASES, ImportFileError, Table, read_table
from corridor.registry.views.common import NAV, waiting_for_review

PREVIEW_ROWS = 10
SHOWN_REJECTS = 100
FIELD_LABELS = {
    "source_id": "Source id",
    "name": "Name",
    "street": "Street",
    "city": "Town",
    "province": "Province",
    "postal_code": "Postal code",
    "phone": "Phone",
    "website": "Website",
    "naics": "NAICS",
    "employees": "Employees",
    "products": "Products",
    "lat": "Latitude",
    "lon": "Longitude",
}


# Lists waiting between their preview and their import, in the folder the worker reads.
SHELF = PreviewShelf(tasks.uploads, "registry_uploads", "upload.csv")


def _preview_rows(table: Table) -> tuple[list[tuple[str, str]], list[tuple[int, list[str]]]]:
    fields = [f for f in COLUMN_ALIASES if f in table.columns]
    headers = [(FIELD_LABELS[f], table.columns[f]) for f in fields]
    rows = [
        (number, [raw.get(table.columns[f], "") for f in fields])
        for number, raw in table.rows[:PREVIEW_ROWS]
    ]
    return headers, rows


def _form_page(request: HttpRequest, form: ImportUploadForm) -> HttpResponse:
    return render(
        request,
        "registry/import_form.html",
        {
            "form": form,
            "runs": policy.visible(request.user, ImportRun).select_related("user")[:10],
            "nav_current": NAV,
        },
    )


@login_required
def registry_import(request: HttpRequest) -> HttpResponse:
    policy.require_create(request.user, ImportRun)
    if request.method != "POST":
        return _form_page(request, ImportUploadForm())
    if "upload" in request.POST:
        return _import(request)
    form = ImportUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return _form_page(request, form)
    # The file keeps its own name: the default source name is its stem, as with
    # `corridor import_companies`, so the page and the command agree.
    token, path = SHELF.save(request, form.cleaned_data["file"])
    source = form.cleaned_data["source"] or None
    try:
        table = read_table(path)
        report = import_companies(path, source, user=request.user, dry_run=True)
    except ImportFileError as exc:
        SHELF.forget(request, token)
        form.add_error("file", f"{exc} Nothing was imported.")
        return _form_page(request, form)
    headers, rows = _preview_rows(table)
    return render(
        request,
        "registry/import_preview.html",
        {
            "report": report,
            "headers": headers,
            "rows": rows,
            "unmapped": [h for h in table.headers if h and h not in table.columns.values()],
            "rejects": [
                (r.row, r.source_id, r.field, r.reason) for r in report.rejects[:SHOWN_REJECTS]
            ],
            "more_rejects": max(0, report.rejected - SHOWN_REJECTS),
            "confirm": ImportConfirmForm(initial={"upload": token, "source": report.source}),
            "nav_current": NAV,
        },
    )


def _import(request: HttpRequest) -> HttpResponse:
    form = ImportConfirmForm(request.POST)
    token = form.data.get("upload", "")
    kept = SHELF.kept(request, token) if form.is_valid() else None
    if kept is None:
        messages.error(request, "That upload is no longer here. Choose the file again.")
        return redirect("registry-import")
    # forgotten by the session now, so a second click cannot import it twice; the file
    # stays for the worker, which removes it once imported
    SHELF.release(request, token)
    name = kept[0].name
    user = request.user
    job = jobs.start(
        tasks.import_upload,
        token,
        name,
        form.cleaned_data["source"] or "",
        user.pk,
        user=user,
        label=f"Import of {name}",
    )
    messages.info(
        request,
        f"The import of {name} has started. It runs in the background: you may leave "
        "this page and find it later under Background work.",
    )
    return redirect(job)


@login_required
def import_result(request: HttpRequest, pk: int) -> HttpResponse:
    run = get_object_or_404(policy.visible(request.user, ImportRun).select_related("user"), pk=pk)
    records = (
        policy.visible(request.user, SourceRecord)
        .filter(import_run=run)
        .select_related("facility")
        .order_by("row_number", "pk")
    )
    page, keep = paginate(request, records)
    rejects = {
        "total": len(run.rejects),
        "rows": [
            [r["row"], r["source_id"], r["field"], r["reason"]] for r in run.rejects[:SHOWN_REJECTS]
        ],
    }
    return render(
        request,
        "registry/import_result.html",
        {
            "run": run,
            "page_obj": page,
            "querystring_without_page": keep,
            "rejects": rejects,
            "waiting": waiting_for_review(request.user).filter(import_run=run).count(),
            "can_import": policy.can_create(request.user, ImportRun),
            "nav_current": NAV,
        },
    )
