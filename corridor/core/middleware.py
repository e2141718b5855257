"""Per-request context: a request id and who is acting, for the change history."""

from __future__ import annotations

from collections.abc import Callable

from django.db import OperationalError
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse

from corridor.core.history import ADMIN, API, WEB, change_context


class ChangeContextMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        path = request.path_info
        source = API if path.startswith("/api/") else ADMIN if path.startswith("/admin/") else WEB
        incoming = request.headers.get("X-Request-ID", "")[:36]
        with change_context(request=request, source=source, request_id=incoming) as request_id:
            request.request_id = request_id  # type: ignore[attr-defined]
            response = self.get_response(request)
        response["X-Request-ID"] = request_id
        return response


class RejectNullCharactersMiddleware:
    """Refuse query strings containing NUL characters, which no text field can hold.

    PostgreSQL rejects them outright; catching them here gives every page and
    endpoint a clear 400 instead of a database error.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if "\x00" in request.path or any(
            "\x00" in key or any("\x00" in value for value in request.GET.getlist(key))
            for key in request.GET
        ):
            message = (
                "The request contains a null character, which Corridor cannot store or search."
            )
            if request.path_info.startswith("/api/"):
                body = {"error": {"code": "bad_request", "message": message, "field": None}}
                return JsonResponse(body, status=400)
            return HttpResponseBadRequest(message)
        return self.get_response(request)


class DatabaseBusyMiddleware:
    """A SQLite write that waited out the whole busy timeout gets a clear "try again" (503).

    WAL, IMMEDIATE transactions and the busy timeout make this rare; if it
    happens the officer is told to retry instead of seeing a server error.
    """

    MESSAGE = "Corridor is busy saving other changes; nothing was saved. Please try again."

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not (isinstance(exception, OperationalError) and "locked" in str(exception)):
            return None
        if request.path_info.startswith("/api/"):
            body = {"error": {"code": "busy", "message": self.MESSAGE, "field": None}}
            response: HttpResponse = JsonResponse(body, status=503)
        else:
            response = HttpResponse(self.MESSAGE, status=503, content_type="text/plain")
        response["Retry-After"] = "5"
        return response
