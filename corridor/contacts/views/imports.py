"""Importing a contact list from the browser: upload, preview with every row's problems
(nothing written), then add them all at once.

The uploaded file waits under ``VAR_DIR/contact-uploads/<random token>/`` between the
preview and the import; the token is remembered in the uploader's session only, and the
file is removed once imported (abandoned ones after a day).
"""

from __future__ import annotations

from pathlib import Path

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
from corridor.core.uploads import PreviewShelf
from corridor.registry.sheets import ImportFileError

NAV = "contacts"


def _uploads() -> Path:
    return Path(settings.VAR_DIR) / "contact-uploads"


# Contact lists waiting for their preview to be confirmed, with the organisation chosen.
SHELF = PreviewShelf(_uploads, "contact_uploads", "contacts.csv")


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
    organisation = form.chosen_organisation()
    token, path = SHELF.save(request, form.cleaned_data["file"], organisation=organisation.pk)
    try:
        report = check_file(path, organisation)
    except ImportFileError as exc:
        SHELF.forget(request, token)
        form.add_error("file", f"{exc} Nothing was imported.")
        return _form_page(request, form)
    if report.errors:
        SHELF.forget(request, token)  # nothing can come of it: the file must be fixed first
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
    kept = SHELF.kept(request, token)
    mine = {o.pk: o for o in organisations}
    if kept is None or kept[1].get("organisation") not in mine:
        messages.error(request, "That upload is no longer here. Choose the file again.")
        return redirect("company-contact-import")
    try:
        report = import_contacts(kept[0], mine[kept[1]["organisation"]], user=request.user)
    except ImportFileError as exc:
        messages.error(request, f"{exc} Nothing was imported.")
        return redirect("company-contact-import")
    finally:
        SHELF.forget(request, token)
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
