"""Importing a contact list from the browser: upload, preview with every row's problems
(nothing written), then add them all at once.

The uploaded file waits under ``VAR_DIR/contact-uploads/<random token>/`` between the
preview and the import; the token is remembered in the uploader's session only, and the
file is removed once imported (abandoned ones after a day).
"""

from __future__ import annotations

import secrets
import shutil
import time
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from corridor.contacts import services
from corridor.contacts.forms import ContactImportForm
from corridor.contacts.importing import (
    COLUMNS,
    ContactImportReport,
    check_file,
    import_contacts,
    template_csv,
)
from corridor.contacts.models import Contact, ContactImport
from corridor.core import policy
from corridor.core.models import Organisation
from corridor.registry.sheets import ImportFileError

NAV = "contacts"
SESSION_UPLOADS = "contact_uploads"
KEEP_SECONDS = 24 * 3600


def _uploads() -> Path:
    return Path(settings.VAR_DIR) / "contact-uploads"


def _sweep() -> None:
    """Remove uploads previewed but never imported."""
    if not _uploads().is_dir():
        return
    limit = time.time() - KEEP_SECONDS
    for folder in _uploads().iterdir():
        if folder.is_dir() and folder.stat().st_mtime < limit:
            shutil.rmtree(folder, ignore_errors=True)


def _save(request: HttpRequest, upload: Any, organisation: Organisation) -> tuple[str, Path]:
    name = Path(upload.name or "").name.replace("\x00", "")
    if name.strip(". ") == "":
        name = "contacts.csv"
    token = secrets.token_hex(16)
    folder = _uploads() / token
    folder.mkdir(parents=True)
    path = folder / name
    with path.open("wb") as handle:
        for chunk in upload.chunks():
            handle.write(chunk)
    uploads = request.session.get(SESSION_UPLOADS, {})
    request.session[SESSION_UPLOADS] = {**uploads, token: [name, organisation.pk]}
    return token, path


def _forget(request: HttpRequest, token: str) -> None:
    shutil.rmtree(_uploads() / token, ignore_errors=True)
    uploads = dict(request.session.get(SESSION_UPLOADS, {}))
    uploads.pop(token, None)
    request.session[SESSION_UPLOADS] = uploads


def _require_importing(request: HttpRequest) -> list[Organisation]:
    user = request.user
    if not policy.can_view(user, Contact):
        raise PermissionDenied("Contacts are kept by the municipalities and the coordinator.")
    policy.require_create(user, Contact)
    organisations = services.acting_organisations(user)
    if not organisations:
        raise PermissionDenied("You record contacts for no municipality.")
    return organisations


def _form_page(request: HttpRequest, form: ContactImportForm) -> HttpResponse:
    imports = policy.visible(request.user, ContactImport).select_related(
        "organisation", "imported_by"
    )
    return render(
        request,
        "contacts/import_form.html",
        {
            "form": form,
            "imports": imports[:10],
            "columns": [(name, aliases) for name, aliases in COLUMNS.items()],
            "nav_current": NAV,
        },
    )


@login_required
def contact_import(request: HttpRequest) -> HttpResponse:
    organisations = _require_importing(request)
    if request.method != "POST":
        return _form_page(request, ContactImportForm(organisations=organisations))
    if "upload" in request.POST:
        return _import(request, organisations)
    form = ContactImportForm(request.POST, request.FILES, organisations=organisations)
    if not form.is_valid():
        return _form_page(request, form)
    _sweep()
    organisation = form.chosen_organisation()
    token, path = _save(request, form.cleaned_data["file"], organisation)
    try:
        report = check_file(path, organisation)
    except ImportFileError as exc:
        _forget(request, token)
        form.add_error("file", f"{exc} Nothing was imported.")
        return _form_page(request, form)
    if report.errors:
        _forget(request, token)  # nothing can come of it: the file must be fixed first
    return _preview(request, report, token)


def _preview(request: HttpRequest, report: ContactImportReport, token: str) -> HttpResponse:
    return render(
        request,
        "contacts/import_preview.html",
        {
            "report": report,
            "token": token,
            "problem_rows": len({o.row for o in report.outcomes if o.errors}),
            "nav_current": NAV,
        },
    )


def _import(request: HttpRequest, organisations: list[Organisation]) -> HttpResponse:
    token = request.POST.get("upload", "")
    kept = request.session.get(SESSION_UPLOADS, {}).get(token)
    path = _uploads() / token / kept[0] if kept and token.isalnum() else None
    mine = {o.pk: o for o in organisations}
    if path is None or not path.is_file() or kept[1] not in mine:
        messages.error(request, "That upload is no longer here. Choose the file again.")
        return redirect("company-contact-import")
    try:
        report = import_contacts(path, mine[kept[1]], user=request.user)
    except ImportFileError as exc:
        messages.error(request, f"{exc} Nothing was imported.")
        return redirect("company-contact-import")
    finally:
        _forget(request, token)
    if report.errors:  # the registry changed between the preview and now
        return _preview(request, report, "")
    messages.success(request, report.summary())
    return redirect("company-contact-import")


@login_required
def contact_import_template(request: HttpRequest) -> HttpResponse:
    _require_importing(request)
    response = HttpResponse(template_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="corridor-contacts-template.csv"'
    return response
