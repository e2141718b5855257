"""People who use Corridor and the organisations they act for."""

from __future__ import annotations

from typing import ClassVar

from django.contrib.auth.models import AbstractUser
from django.contrib.auth.models import UserManager as DjangoUserManager
from django.db import models

from corridor.core.models.base import CorridorModel
from corridor.core.models.organisation import Organisation, OrganisationKind


class User(AbstractUser):
    """A person who signs in. What they may do comes from their memberships."""

    title = models.CharField(
        max_length=120, blank=True, help_text="e.g. Economic development officer"
    )
    phone = models.CharField(max_length=40, blank=True)
    # Demo users exist only while CORRIDOR_DEMO is on; the login backend refuses them otherwise.
    is_demo = models.BooleanField(default=False, editable=False)

    objects: ClassVar[DjangoUserManager[User]] = DjangoUserManager()  # type: ignore[assignment]

    history_exclude: ClassVar[frozenset[str]] = frozenset({"password", "last_login"})

    class Meta:
        ordering = ["username"]

    def __str__(self) -> str:
        return self.get_full_name() or self.username


class Role(models.TextChoices):
    COORDINATOR = "coordinator", "Coordinator"
    EDITOR = "editor", "Editor"
    VIEWER = "viewer", "Viewer"


class Membership(CorridorModel):
    """A user acts for an organisation in a role.

    Coordinator: the coordinator office's staff, who assign and oversee work across
    municipalities. Editor: records and changes their organisation's data. Viewer:
    reads (a mayor, a councillor, a partner's analyst).
    """

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=16, choices=Role.choices, default=Role.VIEWER)

    class Meta:
        ordering = ["organisation__name", "user__username"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation"],
                condition=models.Q(deleted_at__isnull=True),
                name="one_live_membership_per_user_and_organisation",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} at {self.organisation}"

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        if (
            self.role == Role.COORDINATOR
            and self.organisation_id
            and self.organisation.kind != OrganisationKind.COORDINATOR_OFFICE
        ):
            raise ValidationError({"role": "Only the coordinator office has coordinators."})
