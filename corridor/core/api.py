"""API endpoints for organisations, people, geography and the change history."""

from django.contrib.contenttypes.models import ContentType
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Query, Router
from ninja.pagination import paginate

from corridor.api.errors import ERRORS, ErrorOut
from corridor.api.pagination import PageNumber
from corridor.core import policy, services
from corridor.core.filtersets import ChangeFilter, MunicipalityFilter, OrganisationFilter
from corridor.core.models import ChangeRecord, Membership, Municipality, Organisation
from corridor.core.schemas import (
    ChangeOut,
    MembershipOut,
    MeOut,
    MunicipalityOut,
    MyMembership,
    OrganisationOut,
    OrganisationPatch,
)

router = Router(tags=["organisations"])


@router.get("/me", response={200: MeOut, 401: ErrorOut}, summary="Who am I")
def me(request: HttpRequest) -> MeOut:
    user = request.user
    actor = policy.actor_for(user)
    names = dict(
        policy.visible(user, Organisation)
        .filter(pk__in=actor.organisation_ids)
        .values_list("pk", "name")
    )
    return MeOut(
        id=int(user.pk or 0),
        username=user.get_username(),
        full_name=user.get_full_name(),  # type: ignore[union-attr]
        email=user.email,  # type: ignore[union-attr]
        is_coordinator=actor.is_coordinator,
        memberships=[
            MyMembership(
                organisation_id=m.organisation_id,
                organisation=names.get(m.organisation_id, ""),
                organisation_kind=m.organisation_kind,
                role=m.role,
            )
            for m in actor.memberships
        ],
    )


@router.get("/organisations", response={200: list[OrganisationOut], 401: ErrorOut, 422: ErrorOut})
@paginate(PageNumber)
def list_organisations(request: HttpRequest, filters: Query[OrganisationFilter]):
    return filters.filter(policy.visible(request.user, Organisation))


@router.get("/organisations/{org_id}", response={200: OrganisationOut, **ERRORS})
def get_organisation(request: HttpRequest, org_id: int) -> Organisation:
    return get_object_or_404(policy.visible(request.user, Organisation), pk=org_id)


@router.patch("/organisations/{org_id}", response={200: OrganisationOut, 409: ErrorOut, **ERRORS})
def patch_organisation(
    request: HttpRequest, org_id: int, payload: OrganisationPatch
) -> Organisation:
    org = get_object_or_404(policy.visible(request.user, Organisation), pk=org_id)
    changes = payload.dict(exclude_unset=True, exclude={"version"})
    services.update_versioned(request.user, org, changes, payload.version)
    return org


@router.get(
    "/organisations/{org_id}/history",
    response={200: list[ChangeOut], **ERRORS},
    tags=["history"],
)
@paginate(PageNumber)
def organisation_history(request: HttpRequest, org_id: int):
    org = get_object_or_404(policy.visible(request.user, Organisation), pk=org_id)
    return (
        policy.visible(request.user, ChangeRecord)
        .filter(content_type=ContentType.objects.get_for_model(Organisation), object_id=org.pk)
        .select_related("content_type")
    )


@router.get("/municipalities", response={200: list[MunicipalityOut], 401: ErrorOut, 422: ErrorOut})
@paginate(PageNumber)
def list_municipalities(request: HttpRequest, filters: Query[MunicipalityFilter]):
    return filters.filter(policy.visible(request.user, Municipality))


@router.get("/municipalities/{municipality_id}", response={200: MunicipalityOut, **ERRORS})
def get_municipality(request: HttpRequest, municipality_id: int) -> Municipality:
    return get_object_or_404(policy.visible(request.user, Municipality), pk=municipality_id)


@router.get("/memberships", response={200: list[MembershipOut], 401: ErrorOut, 422: ErrorOut})
@paginate(PageNumber)
def list_memberships(request: HttpRequest, organisation_id: int | None = None):
    qs = policy.visible(request.user, Membership).select_related("user", "organisation")
    if organisation_id is not None:
        qs = qs.filter(organisation_id=organisation_id)
    return qs


@router.get(
    "/changes", response={200: list[ChangeOut], 401: ErrorOut, 422: ErrorOut}, tags=["history"]
)
@paginate(PageNumber)
def list_changes(request: HttpRequest, filters: Query[ChangeFilter]):
    return filters.filter(policy.visible(request.user, ChangeRecord)).select_related("content_type")
