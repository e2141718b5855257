"""Django's admin, for the coordinator office only.

The admin edits everything, so it is open only to users the access policy calls
coordinators. Its lists come from the policy like every page; Django's own
look-ups inside it (choices, uniqueness) run in a system scope for them. API
tokens are not in the admin: they belong to their owners (the account page). Every change made in
it is recorded in the change history like any other.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.db import models
from django.http import HttpRequest

from corridor.core import policy
from corridor.core.models import ChangeRecord, Membership, Municipality, Organisation, User
from corridor.core.scoping import system_scope


class CorridorAdminSite(admin.AdminSite):
    site_header = "Corridor administration"
    site_title = "Corridor admin"
    index_title = "Coordinator office"

    def has_permission(self, request: HttpRequest) -> bool:
        return bool(request.user.is_active and policy.can_use_admin(request.user))

    def admin_view(self, view: Any, cacheable: bool = False) -> Any:
        guarded = super().admin_view(view, cacheable)

        def in_scope(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
            if not self.has_permission(request):
                return guarded(request, *args, **kwargs)  # Django sends them to sign in
            with system_scope(f"admin, coordinator {request.user}"):
                response = guarded(request, *args, **kwargs)
                if hasattr(response, "render") and not getattr(response, "is_rendered", True):
                    response.render()
                return response

        return in_scope


site = CorridorAdminSite(name="admin")


class CoordinatorAdmin(admin.ModelAdmin):
    """Permissions come from the access policy, not from Django's permission tables."""

    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def get_queryset(self, request: HttpRequest) -> Any:
        qs = policy.visible(request.user, self.model, include_deleted=True)
        ordering = self.get_ordering(request)
        return qs.order_by(*ordering) if ordering else qs

    def has_module_permission(self, request: HttpRequest) -> bool:
        return policy.can_use_admin(request.user)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return policy.can_use_admin(request.user)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return policy.can_create(request.user, self.model)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if obj is None:
            return policy.can_use_admin(request.user)
        return policy.can_change(request.user, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if obj is None:
            return policy.can_use_admin(request.user)
        return policy.can_delete(request.user, obj)


@admin.register(Municipality, site=site)
class MunicipalityAdmin(CoordinatorAdmin):
    list_display = ["name", "census_division", "economic_region", "population"]
    search_fields = ["name", "aliases"]
    list_filter = ["economic_region"]


@admin.register(Organisation, site=site)
class OrganisationAdmin(CoordinatorAdmin):
    list_display = ["name", "kind", "municipality", "deleted_at"]
    search_fields = ["name", "short_name"]
    list_filter = ["kind"]


@admin.register(Membership, site=site)
class MembershipAdmin(CoordinatorAdmin):
    list_display = ["user", "organisation", "role"]
    list_filter = ["role", "organisation__kind"]
    search_fields = ["user__username", "organisation__name"]
    autocomplete_fields = ["user", "organisation"]


@admin.register(User, site=site)
class CorridorUserAdmin(CoordinatorAdmin, UserAdmin):
    list_display = ["username", "first_name", "last_name", "email", "is_active"]
    fieldsets = (
        *UserAdmin.fieldsets,  # type: ignore[misc]
        ("Corridor", {"fields": ("title", "phone")}),
    )

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # deactivate instead, so history keeps its authors


@admin.register(ChangeRecord, site=site)
class ChangeRecordAdmin(CoordinatorAdmin):
    list_display = ["time", "user_name", "action", "content_type", "object_repr", "source"]
    list_filter = ["action", "content_type", "source"]
    search_fields = ["object_repr", "user_name", "request_id"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
