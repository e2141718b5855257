"""Making, reading and marking notifications; a person's delivery settings.

``notify`` is what producers call (``corridor/<app>/notices.py``). It writes one
notification per recipient and event (``key``), as the recipient's settings for the
kind say, and never to someone who may not see the subject it is about.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, models, transaction
from django.utils import timezone

from corridor.core import policy
from corridor.core.models import Membership, Organisation, OrganisationKind, User
from corridor.core.scoping import system_scope
from corridor.notifications.kinds import Delivery, all_kinds, kind
from corridor.notifications.models import Notification, NotificationPreference

TITLE_MAX = 200
BODY_MAX = 1000

Text = str | Callable[[User], str]


def _text(value: Text, user: User, limit: int) -> str:
    text = value(user) if callable(value) else value
    text = " ".join(text.split()) if limit == TITLE_MAX else text.strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def preferences(user: Any) -> dict[str, Delivery]:
    """The delivery of every registered kind for ``user`` (their choice, or the default)."""
    chosen = {
        p.kind: p.delivery
        for p in policy.visible(user, NotificationPreference).only("kind", "delivery")
    }
    return {k.slug: Delivery(chosen.get(k.slug, k.default)) for k in all_kinds()}


def deliveries(users: list[User], slug: str) -> dict[int, Delivery]:
    """How each of ``users`` wants kind ``slug`` delivered (by user id)."""
    return _deliveries(users, slug)


def _deliveries(users: list[User], slug: str) -> dict[int, Delivery]:
    default = kind(slug).default
    with system_scope("reading the recipients' notification settings"):
        chosen = dict(
            NotificationPreference.objects.filter(
                user_id__in=[u.pk for u in users], kind=slug
            ).values_list("user_id", "delivery")
        )
    return {u.pk: Delivery(chosen.get(u.pk, default)) for u in users}


def acting_user() -> User | None:
    """Who is making the change being told of (the page's or API's user, or the one a
    command names): producers leave them out, nobody needs telling what they just did."""
    from corridor.core.history import _context  # the change context the history reads

    user = _context.get().current_user()
    return user if isinstance(user, User) else None


def people_of(organisation_ids: Iterable[int], roles: Iterable[str] | None = None) -> list[User]:
    """The active people of these organisations (with one of ``roles``, if given)."""
    ids = [pk for pk in organisation_ids if pk]
    if not ids:
        return []
    with system_scope("finding whom to tell of an event"):
        members = Membership.objects.filter(
            organisation_id__in=ids, organisation__deleted_at__isnull=True
        )
        if roles is not None:
            members = members.filter(role__in=list(roles))
        user_ids = set(members.values_list("user_id", flat=True))
        return list(User.objects.filter(pk__in=user_ids, is_active=True).order_by("username"))


def participants() -> list[User]:
    """The active people of every member municipality and of the coordinator office (not
    the partners): whom news of the whole corridor is for."""
    with system_scope("the participating organisations"):
        ids = list(
            Organisation.objects.filter(
                kind__in=[OrganisationKind.MUNICIPALITY, OrganisationKind.COORDINATOR_OFFICE]
            ).values_list("pk", flat=True)
        )
    return people_of(ids)


def _may_see(user: User, subject: models.Model | None) -> bool:
    if subject is None:
        return True
    return policy.visible(user, type(subject)).filter(pk=subject.pk).exists()


def notify(
    recipients: Iterable[User],
    kind_slug: str,
    title: Text,
    body: Text = "",
    url: str = "",
    subject: models.Model | None = None,
    key: str = "",
) -> list[Notification]:
    """Tell each of ``recipients`` about one event, once.

    ``title`` and ``body`` are text, or functions of the recipient giving the text that
    person may read. Only active recipients who may see ``subject`` (through the access
    policy, as themselves) are told; a kind set to "off" tells nobody; a recipient
    already told of ``key`` is not told again. Returns the notifications made."""
    kind(kind_slug)  # a kind nobody registered is a mistake in the producer
    if not key:
        raise ValueError("notify() needs the event's key")
    people = {u.pk: u for u in recipients if u is not None and u.is_active}
    if not people:
        return []
    users = list(people.values())
    delivery = _deliveries(users, kind_slug)
    with system_scope("which recipients were already told of this event"):
        told = set(
            Notification.objects.filter(recipient_id__in=list(people), key=key).values_list(
                "recipient_id", flat=True
            )
        )
    subject_type = ContentType.objects.get_for_model(subject) if subject is not None else None
    made = []
    for user in users:
        how = delivery[user.pk]
        if user.pk in told or how == Delivery.OFF or not _may_see(user, subject):
            continue
        item = Notification(
            recipient=user,
            kind=kind_slug,
            title=_text(title, user, TITLE_MAX),
            body=_text(body, user, BODY_MAX),
            url=url,
            subject_type=subject_type,
            subject_id=subject.pk if subject is not None else None,
            key=key[:200],
            email=how if how in (Delivery.AT_ONCE, Delivery.DIGEST) else "",
        )
        try:
            with transaction.atomic():
                item.save()
        except IntegrityError:
            continue  # told at the same moment by another process
        made.append(item)
    return made


def unread_count(user: Any) -> int:
    return policy.visible(user, Notification).filter(read_at__isnull=True).count()


def mark_read(user: Any, notification: Notification) -> Notification:
    policy.require_change(user, notification)
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


def mark_unread(user: Any, notification: Notification) -> Notification:
    policy.require_change(user, notification)
    if notification.read_at is not None:
        notification.read_at = None
        notification.save(update_fields=["read_at"])
    return notification


def mark_all_read(user: Any) -> int:
    """Mark every unread notification of ``user`` read; returns how many."""
    if not policy.actor_for(user).is_authenticated:
        raise PermissionDenied("Sign in to read your notifications.")
    unread = policy.visible(user, Notification).filter(read_at__isnull=True)
    return unread.update(read_at=timezone.now())


def set_preferences(user: Any, chosen: dict[str, str]) -> dict[str, Delivery]:
    """Save ``user``'s delivery for the kinds named in ``chosen`` (the others stay)."""
    actor = policy.actor_for(user)
    if not actor.is_authenticated:
        raise PermissionDenied("Sign in to change your notification settings.")
    known = {k.slug: k for k in all_kinds()}
    for slug, value in chosen.items():
        if slug not in known:
            raise ValidationError({slug: f"No kind of notification is called {slug!r}."})
        if value not in Delivery.values:
            raise ValidationError({slug: f"Not a delivery: {value!r}."})
    assert actor.user_id is not None  # signed in
    mine = {p.kind: p for p in policy.visible(user, NotificationPreference)}
    with transaction.atomic():
        for slug, value in chosen.items():
            current = mine.get(slug)
            if current is None:
                NotificationPreference.objects.create(
                    user_id=actor.user_id, kind=slug, delivery=value
                )
            elif current.delivery != value:
                current.delivery = value
                current.save(update_fields=["delivery", "updated_at"])
    return preferences(user)
