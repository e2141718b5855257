"""The web benchmark's dataset, written in bulk into its own database.

Run as ``python -m corridor.core.webbench.data FACILITIES CALLS SEED`` with
``DATABASE_URL`` naming the benchmark database; prints (as JSON, last line)
what the load needs: the users' sign-in details and tokens, ids to visit.

Facilities come from the supplier-search benchmark's generator; calls,
answers, flags and follow-ups are added here with plain multi-row inserts:
benchmark rows carry no change history (the writes made during the load do).
A second run on the same database reuses the data (a marker table says what
was generated).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import secrets
import sys
from typing import Any

MARKER_TABLE = "corridor_webbench_meta"
CHUNK = 20_000
TODAY = dt.date(2026, 11, 22)
ROLES = ("coordinator", "officer", "partner")


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _reset_sequences(models: list[Any]) -> None:
    """Explicit ids were inserted: move PostgreSQL's sequences past them."""
    from django.core.management.color import no_style
    from django.db import connection

    statements = connection.ops.sequence_reset_sql(no_style(), models)
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def generate_calls(calls: int, facility_ids: list[int], seed: int) -> None:
    """Completed (and some cancelled) calls with answers, ~8% flags, ~10% follow-ups."""
    from django.db import transaction

    from corridor.calls.models import Call, CallAnswers, Flag, FollowUp
    from corridor.calls.models.flags import FlagCategory, FollowUpCategory
    from corridor.calls.template_versions import current_template
    from corridor.core.models import Organisation
    from corridor.supplychain.bench import _bulk_insert

    rng = random.Random(seed + 11)
    template = current_template()
    municipalities = list(
        Organisation.objects.filter(kind="municipality").values_list("pk", flat=True)
    )
    categories = [c.value for c in FlagCategory]
    follow_up_kinds = [c.value for c in FollowUpCategory if c.value != "referral"]
    with transaction.atomic():
        for start in range(0, calls, CHUNK):
            rows, answers, flags, follow_ups = [], [], [], []
            for call_id in range(start + 1, min(start + CHUNK, calls) + 1):
                facility = rng.choice(facility_ids)
                organisation = rng.choice(municipalities)
                day = TODAY - dt.timedelta(days=rng.randint(0, 730))
                completed = rng.random() < 0.9
                rows.append(
                    {
                        "id": call_id,
                        "facility_id": facility,
                        "organisation_id": organisation,
                        "scheduled_on": day,
                        "status": "completed" if completed else "cancelled",
                        "template_id": template.pk,
                        "approval": "not_needed",
                        "purpose": "Business retention and expansion visit",
                        "completed_at": (
                            dt.datetime.combine(day, dt.time(15), dt.UTC) if completed else None
                        ),
                    }
                )
                if not completed:
                    continue
                answers.append(
                    {
                        "call_id": call_id,
                        "answers": {"employees_now": rng.randint(5, 900)},
                        "draft": {},
                    }
                )
                if rng.random() < 0.08:
                    flags.append(
                        {
                            "facility_id": facility,
                            "call_id": call_id,
                            "organisation_id": organisation,
                            "severity": rng.choice(("red", "yellow")),
                            "category": rng.choice(categories),
                            "status": rng.choice(("open", "closed", "closed")),
                            "respond_by": day + dt.timedelta(days=30),
                            "detail": "Benchmark flag",
                        }
                    )
                if rng.random() < 0.1:
                    follow_ups.append(
                        {
                            "facility_id": facility,
                            "call_id": call_id,
                            "owner_organisation_id": organisation,
                            "due_on": day + dt.timedelta(days=rng.randint(7, 90)),
                            "status": rng.choice(("open", "done", "done")),
                            "category": rng.choice(follow_up_kinds),
                            "description": "Benchmark follow-up",
                        }
                    )
            _bulk_insert(Call, rows)
            _bulk_insert(CallAnswers, answers)
            if flags:
                _bulk_insert(Flag, flags)
            if follow_ups:
                _bulk_insert(FollowUp, follow_ups)
            _log(f"generated {start + len(rows):,} calls")
        _reset_sequences([Call])


def bench_users() -> dict[str, dict[str, Any]]:
    """One user a role with a fresh password and API token (printed for the load only)."""
    from corridor.core.models import ApiToken, Membership, Organisation, User

    office = Organisation.objects.get(kind="coordinator_office")
    municipality = Organisation.objects.filter(kind="municipality").order_by("pk").first()
    partner = (
        Organisation.objects.exclude(kind__in=("municipality", "coordinator_office"))
        .order_by("pk")
        .first()
    )
    homes = {
        "coordinator": (office, "coordinator"),
        "officer": (municipality, "editor"),
        "partner": (partner, "viewer"),
    }
    users: dict[str, dict[str, Any]] = {}
    for role, (organisation, membership_role) in homes.items():
        assert organisation is not None, f"no organisation for the {role}"
        username = f"bench.{role}"
        password = secrets.token_urlsafe(16)
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User.objects.create_user(username, f"{username}@example.org", password)
            Membership.objects.create(user=user, organisation=organisation, role=membership_role)
        else:
            user.set_password(password)
            user.save()
        ApiToken.objects.filter(user=user).delete()
        _record, token = ApiToken.issue(user, "web benchmark")
        users[role] = {
            "username": username,
            "password": password,
            "token": token,
            "organisation_id": organisation.pk,
        }
    return users


def prepare(facilities: int, calls: int, seed: int) -> dict[str, Any]:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from corridor.calls.models import Call
    from corridor.core.demo import build_demo
    from corridor.core.scoping import system_scope
    from corridor.registry.models import Company, Facility
    from corridor.supplychain import bench as search_bench
    from corridor.supplychain.search_index import rebuild_index

    os.environ["CORRIDOR_DEFER_SEARCH_INDEX"] = "1"
    call_command("migrate", verbosity=0)
    marker = f"{facilities}:{calls}:{seed}"
    with system_scope("web benchmark data"):
        with connection.cursor() as cursor:
            cursor.execute(f"CREATE TABLE IF NOT EXISTS {MARKER_TABLE} (marker text)")
            cursor.execute(f"SELECT marker FROM {MARKER_TABLE}")
            row = cursor.fetchone()
        if row is None or row[0] != marker:
            if Facility._base_manager.exists():
                raise RuntimeError(
                    "the web benchmark database holds other data: drop it first "
                    "(it is used only by `corridor bench web`)"
                )
            build_demo()  # municipalities, organisations (the people are not used)
            search_bench.generate(facilities, seed)
            _reset_sequences([Company, Facility])
            ids = list(Facility._base_manager.values_list("pk", flat=True))
            generate_calls(calls, ids, seed)
            _log("building the supplier-search index")
            rebuild_index()
            with connection.cursor() as cursor:
                if connection.vendor == "postgresql":
                    cursor.execute("ANALYZE")
                cursor.execute(f"DELETE FROM {MARKER_TABLE}")
                cursor.execute(f"INSERT INTO {MARKER_TABLE} (marker) VALUES (%s)", [marker])
        users = bench_users()
        rng = random.Random(seed)
        facility_ids = list(Facility._base_manager.values_list("pk", flat=True)[:50_000])
        call_ids = list(Call._base_manager.values_list("pk", flat=True)[:50_000])
        return {
            "users": users,
            "facility_ids": rng.sample(facility_ids, min(500, len(facility_ids))),
            "call_ids": rng.sample(call_ids, min(500, len(call_ids))),
            "facilities": Facility._base_manager.count(),
            "calls": Call._base_manager.count(),
        }


def check_writes(mark: str) -> dict[str, int]:
    """The follow-ups the load added: how many, and how many lack their history record."""
    import django

    django.setup()
    from django.contrib.contenttypes.models import ContentType

    from corridor.calls.models import FollowUp
    from corridor.core.models import ChangeRecord
    from corridor.core.scoping import system_scope

    with system_scope("web benchmark check"):
        written = set(
            FollowUp._base_manager.filter(description__startswith=mark).values_list("pk", flat=True)
        )
        recorded = set(
            ChangeRecord.objects.filter(
                content_type=ContentType.objects.get_for_model(FollowUp),
                object_id__in=written,
                action="create",
            ).values_list("object_id", flat=True)
        )
    return {"written": len(written), "without_history": len(written - recorded)}


if __name__ == "__main__":
    if sys.argv[1] == "check":
        print(json.dumps(check_writes(sys.argv[2])))
    else:
        f, c, s = (int(v) for v in sys.argv[1:4])
        print(json.dumps(prepare(f, c, s)))
