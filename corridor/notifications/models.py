"""A person's notifications and how they want each kind delivered.

Both belong to one person alone (like API tokens): they are bookkeeping about a
person, not shared domain data, so they are not versioned or written to the change
history; the events they tell of are.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models

from corridor.core.scoping import ScopedManager
from corridor.notifications.kinds import Delivery


class Notification(models.Model):
    """One thing Corridor tells one person: a follow-up due, a red flag, a referral…

    ``title`` and ``body`` hold only what the recipient may read (the producers write
    them as the recipient); ``key`` names the event, so one event notifies one person
    once."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=60, db_index=True)
    title = models.CharField(max_length=200)
    body = models.TextField(blank=True, max_length=1000)
    url = models.CharField(max_length=300, blank=True, help_text="A path in Corridor")
    subject_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    subject_id = models.PositiveBigIntegerField(null=True, blank=True)
    key = models.CharField(max_length=200, help_text="The event: one notification per person")
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)
    email = models.CharField(
        max_length=8,
        choices=[(Delivery.AT_ONCE, "at once"), (Delivery.DIGEST, "digest"), ("", "none")],
        blank=True,
        help_text="How it is to be e-mailed, decided by the recipient's settings when made",
    )

    objects = ScopedManager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["recipient", "key"], name="one_notification_per_event")
        ]
        indexes = [
            # the bell's count and the unread filter
            models.Index(fields=["recipient", "read_at"], name="notif_unread"),
            # the page: newest first
            models.Index(fields=["recipient", "-created_at", "-id"], name="notif_newest"),
            # the mailers: what is still to be e-mailed
            models.Index(fields=["emailed_at", "email"], name="notif_to_email"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_read(self) -> bool:
        return self.read_at is not None


class NotificationPreference(models.Model):
    """A person's choice for one kind; without a row the kind's default applies."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_settings"
    )
    kind = models.CharField(max_length=60)
    delivery = models.CharField(max_length=8, choices=Delivery.choices)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ScopedManager()

    class Meta:
        ordering = ["kind"]
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="one_setting_per_kind")
        ]

    def __str__(self) -> str:
        return f"{self.kind}: {self.get_delivery_display()}"
