"""The access matrix: every role against every page, API endpoint, export and search.

Each row names a URL and the status every role gets. Two meta-tests make the
matrix complete: every URL pattern of the site and every operation of the
OpenAPI document must have a row, so a new page or endpoint without an access
decision fails here. Later capabilities add their rows to the same tables.

One test per row: it sends the row's request as every role, each inside its own
savepoint that is rolled back (so one role's writes never reach the next role's
request), and fails once, naming each role that got another status than its row says.

Roles: alice (editor, municipality A), bob (editor, municipality B), carol
(coordinator), dave (partner viewer), erin (viewer, municipality A), anonymous.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.conf import settings
from django.core import mail
from django.db import transaction
from django.test import Client, override_settings
from django.test.client import ClientHandler
from django.urls import URLPattern, URLResolver, get_resolver

from conftest import build_world
from corridor.api.api import api
from corridor.core import policy
from corridor.core.models import ApiToken, ChangeRecord, Membership, Municipality, Organisation
from corridor.registry.models import Company, Facility
from tests.access_rows import ROLES, SIGNED_IN, Row, coordinator, everyone, only, participants
from tests.matrix_attraction_pipeline import (
    ATTRACTION_PIPELINE_API,
    ATTRACTION_PIPELINE_API_LISTS,
    ATTRACTION_PIPELINE_PAGES,
    build_attraction_pipeline,
)
from tests.matrix_attraction_pitch import (
    ATTRACTION_PITCH_API,
    ATTRACTION_PITCH_API_LISTS,
    ATTRACTION_PITCH_PAGES,
    build_attraction_pitch,
)
from tests.matrix_attraction_risk import (
    ATTRACTION_RISK_API,
    ATTRACTION_RISK_API_LISTS,
    ATTRACTION_RISK_PAGES,
    build_attraction_risk,
)
from tests.matrix_calendars import CALENDAR_PAGES
from tests.matrix_calls import build_calls
from tests.matrix_calls_api import CALL_API, CALL_API_LISTS
from tests.matrix_calls_pages import CALL_PAGES
from tests.matrix_calls_work import WORK_PAGES
from tests.matrix_contacts import CONTACT_API, CONTACT_API_LISTS, CONTACT_PAGES, build_contacts
from tests.matrix_exports import EXPORT_PAGES
from tests.matrix_intel import INTEL_API, INTEL_API_LISTS, INTEL_PAGES, build_intel
from tests.matrix_intel_compare import (
    INTEL_COMPARE_API,
    INTEL_COMPARE_API_LISTS,
    INTEL_COMPARE_PAGES,
)
from tests.matrix_intel_watch import (
    INTEL_WATCH_API,
    INTEL_WATCH_API_LISTS,
    INTEL_WATCH_PAGES,
    build_intel_watch,
)
from tests.matrix_jobs import JOB_PAGES, build_jobs
from tests.matrix_notifications import (
    NOTIFICATION_API,
    NOTIFICATION_API_LISTS,
    NOTIFICATION_PAGES,
    build_notifications,
)
from tests.matrix_outreach import build_outreach_matrix
from tests.matrix_outreach_answers import (
    OUTREACH_ANSWER_API,
    OUTREACH_ANSWER_API_LISTS,
    OUTREACH_ANSWER_PAGES,
    build_outreach_answers,
)
from tests.matrix_outreach_api import OUTREACH_API, OUTREACH_API_LISTS
from tests.matrix_outreach_edit import OUTREACH_EDIT_PAGES
from tests.matrix_outreach_pages import OUTREACH_PAGES
from tests.matrix_programs import build_programs
from tests.matrix_programs_api import PROGRAM_API, PROGRAM_API_LISTS
from tests.matrix_programs_pages import PROGRAM_PAGES
from tests.matrix_reports import REPORT_PAGES
from tests.matrix_supplychain import build_supplychain
from tests.matrix_supplychain_api import SUPPLY_API
from tests.matrix_supplychain_needs_api import SUPPLY_API_LISTS, SUPPLY_NEEDS_API
from tests.matrix_supplychain_pages import SUPPLY_PAGES
from tests.matrix_timeline import TIMELINE_API, TIMELINE_PAGES
from tests.matrix_workforce import (
    WORKFORCE_API,
    WORKFORCE_API_LISTS,
    WORKFORCE_PAGES,
    build_workforce,
)
from tests.openapi_document import openapi_document

PAGES: list[Row] = [
    Row("home", lambda w: "/", everyone(200)),
    Row("login", lambda w: "/login/", everyone(200, anonymous=200)),
    Row("logout", lambda w: "/logout/", everyone(302, anonymous=302), method="post"),
    Row("account", lambda w: "/account/", everyone(200)),
    Row("password_change", lambda w: "/account/password/", everyone(200)),
    Row("password_change_done", lambda w: "/account/password/done/", everyone(200)),
    Row(
        "token-revoke",
        lambda w: f"/account/tokens/{w.tokens['alice'].pk}/revoke/",
        only({"alice": 302}, 404),
        method="post",
    ),
    Row("organisation-list", lambda w: "/organisations/", everyone(200)),
    Row(
        "organisation-list", lambda w: "/organisations/?q=windsor&kind=municipality", everyone(200)
    ),
    Row("organisation-detail", lambda w: f"/organisations/{w.org_a.pk}/", everyone(200)),
    Row(
        "organisation-edit",
        lambda w: f"/organisations/{w.org_a.pk}/edit/",
        only({"alice": 200, "carol": 200}, 403),
    ),
    Row(
        "organisation-edit",
        lambda w: f"/organisations/{w.org_b.pk}/edit/",
        only({"bob": 200, "carol": 200}, 403),
    ),
    Row(
        "organisation-edit",
        lambda w: f"/organisations/{w.org_a.pk}/edit/",
        only({"alice": 302, "carol": 302}, 403),
        method="post",
        data=lambda w: {
            "name": "Renamed",
            "short_name": "",
            "website": "",
            "description": "",
            "kind": "municipality",
            "municipality": w.windsor.pk,
            "loaded_version": w.org_a.version,
        },
    ),
    Row(
        "organisation-delete",
        lambda w: f"/organisations/{w.org_b.pk}/delete/",
        only({"carol": 302}, 403),
        method="post",
    ),
    Row(
        "organisation-restore",
        lambda w: f"/organisations/{w.deleted_org.pk}/restore/",
        only({"carol": 302}, 404),
        method="post",
    ),
    Row(
        "organisation-detail",
        lambda w: f"/organisations/{w.deleted_org.pk}/",
        only({"carol": 200}, 404),
    ),
    Row("change-log", lambda w: "/changes/", everyone(200)),
    Row("change-log", lambda w: "/changes/?model=organisation&action=update", everyone(200)),
    Row("object-history", lambda w: f"/history/core/organisation/{w.org_a.pk}/", everyone(200)),
    Row(
        "object-history",
        lambda w: f"/history/core/organisation/{w.deleted_org.pk}/",
        only({"carol": 200}, 404),
    ),
    Row(
        "object-history",
        lambda w: f"/history/core/membership/{w.dave_membership.pk}/",
        only({"carol": 200, "dave": 200}, 404),
    ),
    # The registry: companies and facilities are shared; imported rows, the review
    # queue and import results are for participants; the coordinator decides.
    Row("facility-list", lambda w: "/registry/", everyone(200)),
    Row(
        "facility-list",
        lambda w: (
            f"/registry/?q=matrix&municipality={w.windsor.pk}&naics=3315&tier=tier1"
            "&employees_min=1&employees_max=900&certification=ISO+9001"
        ),
        everyone(200),
    ),
    Row("facility-detail", lambda w: f"/registry/facilities/{w.facility.pk}/", everyone(200)),
    Row(
        "facility-detail",
        lambda w: f"/registry/facilities/{w.merged_facility.pk}/",
        only({"carol": 200}, 404),
    ),
    Row(
        "object-history",
        lambda w: f"/history/registry/facility/{w.facility.pk}/",
        everyone(200),
    ),
    Row("company-detail", lambda w: f"/registry/companies/{w.company.pk}/", everyone(200)),
    Row("review-queue", lambda w: "/registry/review/", participants(200, 403)),
    Row(
        "review-confirm",
        lambda w: f"/registry/review/{w.review_record.pk}/confirm/",
        coordinator(302, 403, 404),
        method="post",
    ),
    Row(
        "review-reject",
        lambda w: f"/registry/review/{w.review_record.pk}/reject/",
        coordinator(302, 403, 404),
        method="post",
    ),
    Row(
        "facility-merge",
        lambda w: f"/registry/facilities/{w.facility.pk}/merge/",
        coordinator(302, 403, 403),
        method="post",
        data=lambda w: {"merged": w.spare_facility.pk},
    ),
    Row(
        "merge-undo",
        lambda w: f"/registry/merges/{w.merge.pk}/undo/",
        coordinator(302, 403, 404),
        method="post",
    ),
    Row("registry-import", lambda w: "/registry/import/", coordinator(200, 403, 403)),
    Row(
        "registry-import",
        lambda w: "/registry/import/",
        coordinator(200, 403, 403),  # no file: the form says so
        method="post",
    ),
    Row(
        "import-result",
        lambda w: f"/registry/import/{w.import_run.pk}/",
        participants(200, 404),
    ),
    Row("openapi-view", lambda w: "/api/v1/docs", everyone(200, anonymous=200)),
    Row("api-root", lambda w: "/api/v1/", everyone(404, anonymous=404)),
    Row("openapi-json", lambda w: "/api/v1/openapi.json", everyone(200, anonymous=200)),
]

API: list[Row] = [
    Row("GET /api/v1/me", lambda w: "/api/v1/me", everyone(200, anonymous=401)),
    Row(
        "GET /api/v1/organisations",
        lambda w: "/api/v1/organisations?q=windsor",
        everyone(200, anonymous=401),
    ),
    Row(
        "GET /api/v1/organisations/{org_id}",
        lambda w: f"/api/v1/organisations/{w.org_a.pk}",
        everyone(200, anonymous=401),
    ),
    Row(
        "GET /api/v1/organisations/{org_id}",
        lambda w: f"/api/v1/organisations/{w.deleted_org.pk}",
        everyone(404, anonymous=401),
    ),
    Row(
        "PATCH /api/v1/organisations/{org_id}",
        lambda w: f"/api/v1/organisations/{w.org_a.pk}",
        only({"alice": 200, "carol": 200}, 403, anonymous=401),
        method="patch",
        data=lambda w: {"version": w.org_a.version, "description": "Edited"},
    ),
    Row(
        "GET /api/v1/organisations/{org_id}/history",
        lambda w: f"/api/v1/organisations/{w.org_a.pk}/history",
        everyone(200, anonymous=401),
    ),
    Row(
        "GET /api/v1/municipalities",
        lambda w: "/api/v1/municipalities?q=wind",
        everyone(200, anonymous=401),
    ),
    Row(
        "GET /api/v1/municipalities/{municipality_id}",
        lambda w: f"/api/v1/municipalities/{w.windsor.pk}",
        everyone(200, anonymous=401),
    ),
    Row("GET /api/v1/memberships", lambda w: "/api/v1/memberships", everyone(200, anonymous=401)),
    Row("GET /api/v1/changes", lambda w: "/api/v1/changes", everyone(200, anonymous=401)),
    Row(
        "GET /api/v1/companies",
        lambda w: "/api/v1/companies?q=matrix",
        everyone(200, anonymous=401),
    ),
    Row(
        "GET /api/v1/companies/{company_id}",
        lambda w: f"/api/v1/companies/{w.company.pk}",
        everyone(200, anonymous=401),
    ),
    Row(
        "GET /api/v1/facilities",
        lambda w: f"/api/v1/facilities?municipality={w.windsor.pk}&naics=33&employees_min=0",
        everyone(200, anonymous=401),
    ),
    Row(
        "GET /api/v1/facilities/{facility_id}",
        lambda w: f"/api/v1/facilities/{w.facility.pk}",
        everyone(200, anonymous=401),
    ),
    Row(
        "GET /api/v1/facilities/{facility_id}",
        lambda w: f"/api/v1/facilities/{w.merged_facility.pk}",
        only({"carol": 200}, 404, anonymous=401),
    ),
    Row(
        "GET /api/v1/facilities/{facility_id}/source-records",
        lambda w: f"/api/v1/facilities/{w.facility.pk}/source-records",
        participants(200, 403, anonymous=401),
    ),
    Row(
        "GET /api/v1/review-queue",
        lambda w: "/api/v1/review-queue",
        participants(200, 403, anonymous=401),
    ),
    Row(
        "POST /api/v1/review-queue/{record_id}/confirm",
        lambda w: f"/api/v1/review-queue/{w.review_record.pk}/confirm",
        coordinator(200, 403, 404, anonymous=401),
        method="post",
    ),
    Row(
        "POST /api/v1/review-queue/{record_id}/reject",
        lambda w: f"/api/v1/review-queue/{w.review_record.pk}/reject",
        coordinator(200, 403, 404, anonymous=401),
        method="post",
    ),
    Row(
        "POST /api/v1/facilities/{facility_id}/merge",
        lambda w: f"/api/v1/facilities/{w.facility.pk}/merge",
        coordinator(200, 403, 403, anonymous=401),
        method="post",
        data=lambda w: {"merged_id": w.spare_facility.pk},
    ),
    Row(
        "POST /api/v1/merges/{merge_id}/undo",
        lambda w: f"/api/v1/merges/{w.merge.pk}/undo",
        coordinator(200, 403, 404, anonymous=401),
        method="post",
    ),
]

PAGES += CALL_PAGES + WORK_PAGES
PAGES += SUPPLY_PAGES
PAGES += WORKFORCE_PAGES
PAGES += PROGRAM_PAGES
API += CALL_API
API += SUPPLY_NEEDS_API
API += SUPPLY_API
API += WORKFORCE_API
API += PROGRAM_API
PAGES += OUTREACH_PAGES
PAGES += OUTREACH_EDIT_PAGES
API += OUTREACH_API
PAGES += INTEL_PAGES
PAGES += EXPORT_PAGES
API += INTEL_API
PAGES += REPORT_PAGES
PAGES += JOB_PAGES
PAGES += CALENDAR_PAGES + TIMELINE_PAGES
PAGES += CONTACT_PAGES
API += TIMELINE_API
API += CONTACT_API
PAGES += NOTIFICATION_PAGES
API += NOTIFICATION_API
PAGES += ATTRACTION_PIPELINE_PAGES + ATTRACTION_PITCH_PAGES + ATTRACTION_RISK_PAGES
API += ATTRACTION_PIPELINE_API + ATTRACTION_PITCH_API + ATTRACTION_RISK_API
PAGES += OUTREACH_ANSWER_PAGES + INTEL_COMPARE_PAGES
API += OUTREACH_ANSWER_API + INTEL_COMPARE_API
PAGES += INTEL_WATCH_PAGES
API += INTEL_WATCH_API

# What each API list returns must be exactly what the policy lets that role see.
API_LISTS = {
    "/api/v1/organisations": Organisation,
    "/api/v1/municipalities": Municipality,
    "/api/v1/memberships": Membership,
    "/api/v1/changes": ChangeRecord,
    "/api/v1/companies": Company,
    "/api/v1/facilities": Facility,
    **CALL_API_LISTS,
    **SUPPLY_API_LISTS,
    **WORKFORCE_API_LISTS,
    **PROGRAM_API_LISTS,
    **OUTREACH_API_LISTS,
    **INTEL_API_LISTS,
    **CONTACT_API_LISTS,
    **NOTIFICATION_API_LISTS,
    **ATTRACTION_PIPELINE_API_LISTS,
    **ATTRACTION_PITCH_API_LISTS,
    **ATTRACTION_RISK_API_LISTS,
    **OUTREACH_ANSWER_API_LISTS,
    **INTEL_COMPARE_API_LISTS,
    **INTEL_WATCH_API_LISTS,
}

ADMIN_ONLY_FOR_CAROL_EXCEPT = {
    ("changerecord", "add"): 403,
    ("changerecord", "delete"): 403,
    ("user", "delete"): 403,
}


@pytest.fixture(scope="module")
def _matrix_world_once(django_db_setup: Any, django_db_blocker: Any) -> Iterator[Any]:
    """The matrix's world, built once for the module inside a transaction that is rolled
    back at the end; every test runs in a savepoint inside it (like Django's
    ``setUpTestData``), so a test's writes never reach the next test."""
    with (
        django_db_blocker.unblock(),
        override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]),
        transaction.atomic(),
    ):
        world = _build_matrix_world()
        world.sessions = _sessions(world)
        world.handler = ClientHandler(enforce_csrf_checks=False)
        yield world
        transaction.set_rollback(True)


@pytest.fixture
def matrix_world(_matrix_world_once: Any, db: Any) -> Any:
    return _matrix_world_once


def _build_matrix_world() -> Any:
    from corridor.core.scoping import system_scope

    world: Any = build_world()
    with system_scope("access matrix fixtures"):
        world.deleted_org = Organisation.objects.create(name="Closed Office", kind="government")
        world.deleted_org.delete()
        world.dave_membership = Membership.objects.get(user=world.dave)
    _registry(world)
    build_calls(world)
    build_supplychain(world)
    build_workforce(world)
    build_programs(world)
    build_outreach_matrix(world)
    build_intel(world)
    build_contacts(world)
    build_jobs(world)
    build_notifications(world)
    build_attraction_pipeline(world)
    build_attraction_pitch(world)
    build_attraction_risk(world)
    build_outreach_answers(world)
    build_intel_watch(world)
    world.tokens = {}
    world.bearer = {}
    for name, user in world.users().items():
        if user is not None:
            world.tokens[name], world.bearer[name] = ApiToken.issue(user)
    return world


def _registry(world: Any) -> None:
    """A company with plants: one live, one waiting for review, one merged, one spare."""
    from corridor.core.history import change_context
    from corridor.core.scoping import system_scope
    from corridor.registry import services
    from corridor.registry.models import ImportRun, MatchStatus, SourceRecord

    def plant(name: str, place: Municipality, **extra: Any) -> Facility:
        return Facility.objects.create(
            company=world.company, name=name, city=place.name, municipality=place, **extra
        )

    def row(source_id: str, facility: Facility, status: str, **extra: Any) -> SourceRecord:
        raw = {"id": source_id, "name": facility.name, "city": facility.city}
        return SourceRecord.objects.create(
            source="matrix list",
            source_id=source_id,
            import_run=world.import_run,
            row_number=int(source_id[1:]) + 1,
            raw=raw,
            content_hash=source_id,
            name=facility.name,
            city=facility.city,
            facility=facility,
            status=status,
            **extra,
        )

    with system_scope("access matrix fixtures"), change_context(user=world.carol, source="tests"):
        world.import_run = ImportRun.objects.create(
            source="matrix list", file_name="matrix.csv", file_sha256="0" * 64, user=world.carol
        )
        world.company = Company.objects.create(name="Matrix Castings")
        world.facility = plant(
            "Matrix Castings", world.windsor, naics="331511", employees=300, latitude=42.3,
            longitude=-83.0,
        )  # fmt: skip
        twin = plant("Matrix Castings", world.windsor)
        world.spare_facility = plant("Matrix Castings North", world.oshawa)
        world.merged_facility = plant("Matrix Castings Old", world.oshawa)
        row("M1", world.facility, MatchStatus.NEW)
        world.review_record = row(
            "M2", twin, MatchStatus.REVIEW, candidate=world.facility, match_score=0.8
        )
        row("M3", world.merged_facility, MatchStatus.NEW)
        world.merge = services.merge_facilities(world.carol, world.facility, world.merged_facility)


def _sessions(world: Any) -> dict[str, str]:
    """One signed-in session per role, made once for the module: each test sends its
    cookie instead of signing in again (a test's writes to it are rolled back)."""
    sessions = {}
    for name, user in world.users().items():
        if user is not None:
            client = Client()
            client.force_login(user)
            sessions[name] = client.cookies[settings.SESSION_COOKIE_NAME].value
    return sessions


def _client(world: Any, role: str, api_call: bool) -> Client:
    """A fresh client (no cookie but the role's session) on the module's one request handler.

    A new Client builds a new handler, whose first request loads the middleware again
    (WhiteNoise alone walks every static file, about 20 ms); the middleware keeps no
    state between requests, as in production, so every request shares one chain."""
    user = world.users()[role]
    if api_call:
        headers: dict[str, Any] = (
            {"HTTP_AUTHORIZATION": f"Bearer {world.bearer[role]}"} if user else {}
        )
        client = Client(**headers)
    else:
        client = Client()
        if user is not None:
            client.cookies[settings.SESSION_COOKIE_NAME] = world.sessions[role]
    client.handler = world.handler
    return client


def _call(client: Client, row: Row, world: Any) -> Any:
    data = row.data(world) if row.data else {}
    if row.method in ("patch", "put"):
        return getattr(client, row.method)(row.url(world), data, content_type="application/json")
    if row.method == "post" and row.name.startswith("POST /api/"):
        return client.post(row.url(world), data, content_type="application/json")
    return getattr(client, row.method)(row.url(world), data)


def _each_role(roles: list[str], check: Callable[[str], str | None], what: str) -> None:
    """Run ``check`` for every role, each inside its own savepoint that is rolled back (and
    checked for deferred constraints first, as a test's teardown does), so one role's
    writes never reach the next role's request; fail once, naming every role that
    mismatched. ``check`` answers None when the role got what it should, else why not."""
    problems: list[str] = []
    for role in roles:
        try:
            with transaction.atomic():
                mail.outbox = []
                problem = check(role)
                connection = transaction.get_connection()
                if (
                    connection.features.can_defer_constraint_checks
                    and not connection.needs_rollback
                    and connection.is_usable()
                ):
                    connection.check_constraints()
                transaction.set_rollback(True)
        except Exception as error:  # a view that raised, or a write that broke a constraint
            problem = f"raised {_raised(error)}"
        if problem is not None:
            problems.append(f"  {role}: {problem}")
    if problems:
        pytest.fail(f"{what}\n" + "\n".join(problems), pytrace=False)


def _raised(error: BaseException) -> str:
    frames = traceback.extract_tb(error.__traceback__)
    where = f" at {frames[-1].filename}:{frames[-1].lineno}" if frames else ""
    return f"{type(error).__name__}: {str(error)[:300]}{where}"


def _status(expected: int, response: Any) -> str | None:
    if response.status_code == expected:
        return None
    problem = f"expected {expected}, got {response.status_code}"
    if response.status_code >= 500:
        problem += f": {_snippet(response)}"
    return problem


def _snippet(response: Any) -> str:
    if getattr(response, "streaming", False):
        return "(a streamed response)"
    return repr(response.content[:300])


def _row_label(row: Row, world: Any) -> str:
    return f"{row.method.upper()} {row.url(world)} (row {row.name!r})"


@pytest.mark.parametrize("row", PAGES, ids=lambda r: f"{r.method} {r.name}")
def test_pages(matrix_world: Any, row: Row) -> None:
    def check(role: str) -> str | None:
        response = _call(_client(matrix_world, role, api_call=False), row, matrix_world)
        problem = _status(row.expect[role], response)
        if problem is not None:
            return problem
        to_sign_in = response.status_code == 302 and role == "anonymous" and row.name != "logout"
        if to_sign_in and not response.url.startswith("/login/"):
            return f"redirected to {response.url}, not to /login/"
        return None

    _each_role(ROLES, check, _row_label(row, matrix_world))


@pytest.mark.parametrize("row", API, ids=lambda r: r.name)
def test_api(matrix_world: Any, row: Row) -> None:
    def check(role: str) -> str | None:
        response = _call(_client(matrix_world, role, api_call=True), row, matrix_world)
        expected = row.expect[role]
        if response.status_code != expected:
            return f"expected {expected}, got {response.status_code}: {_snippet(response)}"
        if response.status_code >= 400:
            keys = set(response.json()["error"])
            if keys != {"code", "message", "field"}:
                return f"an error body with keys {sorted(keys)}, not code, message and field"
        return None

    _each_role(ROLES, check, _row_label(row, matrix_world))


@pytest.mark.parametrize("path", sorted(API_LISTS))
def test_api_lists_return_exactly_what_the_policy_allows(matrix_world: Any, path: str) -> None:
    def check(role: str) -> str | None:
        body = _client(matrix_world, role, api_call=True).get(path, {"page_size": 500}).json()
        user = matrix_world.users()[role]
        expected = set(policy.visible(user, API_LISTS[path]).values_list("pk", flat=True))
        got = {item["id"] for item in body["items"]}
        if got != expected:
            return (
                f"ids the policy hides: {sorted(got - expected)}; "
                f"ids the policy allows but missing: {sorted(expected - got)}"
            )
        if body["count"] != len(expected):
            return f"count {body['count']}, the policy allows {len(expected)}"
        return None

    _each_role(SIGNED_IN, check, f"GET {path}")


def _admin_urls(world: Any) -> list[tuple[str, str]]:
    from django.urls import reverse

    from corridor.core.admin import site

    samples = {
        "municipality": world.windsor,
        "organisation": world.org_a,
        "membership": world.dave_membership,
        "user": world.alice,
        "changerecord": None,
    }
    urls = [("index", reverse("admin:index")), ("app", reverse("admin:app_list", args=["core"]))]
    for model in site._registry:
        name = str(model._meta.model_name)
        sample = samples[name]
        if sample is None:
            from corridor.core.scoping import system_scope

            with system_scope("matrix"):
                sample = ChangeRecord.objects.first()
        base = f"admin:core_{name}"
        urls.append((f"{name} changelist", reverse(f"{base}_changelist")))
        urls.append((f"{name} add", reverse(f"{base}_add")))
        for action in ("change", "history", "delete"):
            urls.append((f"{name} {action}", reverse(f"{base}_{action}", args=[sample.pk])))
    return urls


def test_admin_is_for_the_coordinator_only(matrix_world: Any) -> None:
    def check(role: str) -> str | None:
        client = _client(matrix_world, role, api_call=False)
        for label, url in _admin_urls(matrix_world):
            response = client.get(url)
            if role == "carol":
                model, _, action = label.partition(" ")
                expected = ADMIN_ONLY_FOR_CAROL_EXCEPT.get((model, action), 200)
                if response.status_code != expected:
                    return f"{label} {url}: {_status(expected, response)}"
            elif response.status_code != 302:
                return f"{label} {url}: {_status(302, response)}"
            elif "/admin/login/" not in response["Location"]:
                where = response["Location"]
                return f"{label} {url}: redirected to {where}, not to /admin/login/"
        return None

    _each_role(ROLES, check, "the admin")


def _url_names(patterns: list[Any], namespace: str = "") -> set[str]:
    names: set[str] = set()
    for p in patterns:
        if isinstance(p, URLResolver):
            if p.namespace in ("admin",):
                continue  # covered by test_admin_is_for_the_coordinator_only
            names |= _url_names(p.url_patterns, p.namespace or namespace)
        elif isinstance(p, URLPattern) and p.name:
            names.add(p.name)
    return names


def test_every_page_has_a_row_in_the_matrix() -> None:
    site_names = _url_names(get_resolver().url_patterns) - _ninja_view_names()
    missing = site_names - {r.name for r in PAGES}
    assert not missing, f"pages without an access-matrix row: {sorted(missing)}"


def _ninja_view_names() -> set[str]:
    """ninja names each operation's URL after its view; the API rows cover those."""
    names: set[str] = set()
    for _prefix, router in api._routers:
        for path_view in router.path_operations.values():
            for operation in path_view.operations:
                names.add(operation.view_func.__name__)
    return names


def test_every_api_operation_has_a_row_in_the_matrix() -> None:
    schema = openapi_document()
    operations = {
        f"{method.upper()} {path}" for path, item in schema["paths"].items() for method in item
    }
    covered = {r.name for r in API}
    assert operations - covered == set(), f"API operations without a row: {operations - covered}"
