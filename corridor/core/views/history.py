from __future__ import annotations

from django.apps import apps
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from corridor.core import policy
from corridor.core.filtersets import ChangeFilter
from corridor.core.history import history_of, is_recorded, related_names
from corridor.core.models import Action, ChangeRecord
from corridor.core.views.common import paginate, read_filters


@login_required
def object_history(request: HttpRequest, app_label: str, model_name: str, pk: int) -> HttpResponse:
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError:
        raise Http404("No such kind of record.") from None
    if not is_recorded(model) or model not in policy.registered_models():
        raise Http404("No history is kept for this kind of record.")
    obj = policy.with_visible_history(request.user, model).filter(pk=pk).first()
    if obj is None:
        raise Http404("No such record, or you may not see it.")
    page, keep = paginate(request, history_of(request.user, obj))
    return render(
        request,
        "core/object_history.html",
        {
            "obj": obj,
            "model_name": model._meta.verbose_name,
            "also": related_names(model),
            "page_obj": page,
            "querystring_without_page": keep,
            "nav_current": "changes",
        },
    )


@login_required
def change_log(request: HttpRequest) -> HttpResponse:
    filters, problems = read_filters(request, ChangeFilter)
    qs = filters.filter(policy.visible(request.user, ChangeRecord)).select_related("content_type")
    page, keep = paginate(request, qs)
    kinds = sorted(
        (m._meta.model_name, str(m._meta.verbose_name).capitalize())
        for m in policy.registered_models()
        if is_recorded(m)
    )
    return render(
        request,
        "core/change_log.html",
        {
            "kinds": kinds,
            "page_obj": page,
            "querystring_without_page": keep,
            "filters": filters,
            "problems": problems,
            "actions": Action.choices,
            "nav_current": "changes",
        },
    )
