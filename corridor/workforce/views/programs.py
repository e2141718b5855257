"""Training programs: the list, one program, and the form a partner college keeps its
programs up to date with (``training.save_program`` checks who may)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from corridor.core import policy
from corridor.core.exports import export, export_links
from corridor.core.form_errors import show_conflict, show_refusal
from corridor.core.models import EditConflict
from corridor.workforce import training
from corridor.workforce.forms import ProgramForm
from corridor.workforce.models import (
    Campus,
    Credential,
    Institution,
    Occupation,
    Region,
    TrainingProgram,
)
from corridor.workforce.views.common import section


@login_required
def program_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    programs = training.programs_for(user).order_by("institution__name", "name")
    institution = request.GET.get("institution", "")
    occupation = request.GET.get("occupation", "")
    region = request.GET.get("region", "")
    credential = request.GET.get("credential", "")
    if institution.isdigit():
        programs = programs.filter(institution_id=int(institution))
    if occupation:
        programs = programs.filter(occupations__noc_code=occupation)
    if region.isdigit():
        name = policy.visible(user, Region).filter(pk=int(region)).values_list("name", flat=True)
        programs = programs.filter(campuses__municipality__economic_region__in=list(name))
    if credential in Credential.values:
        programs = programs.filter(credential=credential)
    programs = programs.distinct()
    exported = export(request, "training-programs", PROGRAM_HEADER, _program_lines(programs))
    if exported is not None:
        return exported
    return render(
        request,
        "workforce/program_list.html",
        {
            "programs": programs,
            "institutions": policy.visible(user, Institution).order_by("name"),
            "occupations": policy.visible(user, Occupation).order_by("noc_code"),
            "regions": policy.visible(user, Region),
            "credentials": Credential.choices,
            "chosen": {
                "institution": institution,
                "occupation": occupation,
                "region": region,
                "credential": credential,
            },
            "may_add": training.institutions_kept_by(user).exists(),
            **section("programs"),
            **export_links(request),
        },
    )


PROGRAM_HEADER = [
    "program_id",
    "program",
    "institution",
    "campuses",
    "credential",
    "months",
    "delivery",
    "seats",
    "graduates_per_year",
    "trains_for",
]


def _program_lines(programs: Any) -> Any:
    """The training program list's columns, for every program the filters select."""
    for p in programs:
        yield [
            p.pk,
            p.name,
            p.institution.name,
            ", ".join(c.municipality.name for c in p.campuses.all()),
            p.get_credential_display(),
            p.length_months,
            p.get_delivery_mode_display(),
            p.seats,
            p.graduates_per_year,
            "; ".join(o.title for o in p.occupations.all()),
        ]


@login_required
def program_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    program = get_object_or_404(training.programs_for(user), pk=pk)
    return render(
        request,
        "workforce/program_detail.html",
        {
            "program": program,
            "campuses": program.campuses.all(),
            "occupations": program.occupations.all(),
            "may_edit": policy.can_change(user, program),
            **section("programs"),
        },
    )


@login_required
def program_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    user = request.user
    program = None
    if pk is not None:
        program = get_object_or_404(training.programs_for(user), pk=pk)
        policy.require_change(user, program)
        kept = policy.visible(user, Institution).filter(pk=program.institution_id)
    else:
        policy.require_create(user, TrainingProgram)
        kept = training.institutions_kept_by(user)
        if not kept.exists():
            raise PermissionDenied("You keep no institution's programs.")
    form = ProgramForm(
        request.POST or None,
        instance=program,
        campuses=policy.visible(user, Campus)
        .filter(institution__in=kept)
        .select_related("institution", "municipality")
        .order_by("institution__name", "name"),
        occupations=policy.visible(user, Occupation).order_by("noc_code"),
        institutions=None if program else kept.order_by("name"),
    )
    if request.method == "POST" and form.is_valid():
        saved = _save(request, form, program)
        if saved is not None:
            return redirect("training-program-detail", pk=saved.pk)
    return render(
        request,
        "workforce/program_edit.html",
        {"form": form, "program": program, **section("programs")},
    )


def _save(
    request: HttpRequest, form: ProgramForm, program: TrainingProgram | None
) -> TrainingProgram | None:
    data = form.cleaned_data
    fields: dict[str, Any] = {name: data[name] for name in training.PROGRAM_FIELDS}
    institution = program.institution if program else data["institution"]
    try:
        saved = training.save_program(
            request.user,
            program,
            institution=institution,
            fields=fields,
            campuses=list(data["campuses"]),
            occupations=list(data["occupations"]),
            expected_version=data.get("loaded_version"),
        )
    except EditConflict as conflict:
        show_conflict(form, conflict)
        return None
    except PermissionDenied as denied:
        form.add_error(None, str(denied))
        return None
    except ValidationError as error:
        show_refusal(form, error)
        return None
    messages.success(request, f"Saved {saved.name}.")
    return saved
