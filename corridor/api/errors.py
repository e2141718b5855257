"""One error format for the whole API: {"error": {"code", "message", "field"}}."""

from __future__ import annotations

import logging
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from corridor.core.models import EditConflict

log = logging.getLogger("corridor.api")


class ErrorDetail(Schema):
    code: str
    message: str
    field: str | None = None


class ErrorOut(Schema):
    error: ErrorDetail


# The error responses an operation documents, for every router's ``response=``.
ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}  # one object, an action
WRITE_ERRORS = {**ERRORS, 409: ErrorOut}  # an edit that carries the version it started from
LIST_ERRORS = {401: ErrorOut, 422: ErrorOut}  # a list or a search


def error_response(
    api: NinjaAPI,
    request: HttpRequest,
    status: int,
    code: str,
    message: str,
    field: str | None = None,
) -> HttpResponse:
    body = {"error": {"code": code, "message": message, "field": field}}
    return api.create_response(request, body, status=status)


def _field_of(loc: list[Any]) -> str | None:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "payload", "filters")]
    return ".".join(parts) or None


def install(api: NinjaAPI) -> None:
    @api.exception_handler(NinjaValidationError)
    def invalid(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
        first = exc.errors[0] if exc.errors else {}
        field = _field_of(list(first.get("loc", [])))
        message = str(first.get("msg", "Invalid input"))
        return error_response(api, request, 422, "invalid", message, field)

    @api.exception_handler(DjangoValidationError)
    def invalid_model(request: HttpRequest, exc: DjangoValidationError) -> HttpResponse:
        if hasattr(exc, "error_dict"):
            field, errors = next(iter(exc.error_dict.items()))
            return error_response(api, request, 422, "invalid", str(errors[0].message), field)
        return error_response(api, request, 422, "invalid", "; ".join(exc.messages))

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        return error_response(
            api,
            request,
            401,
            "unauthenticated",
            "Send a valid token as 'Authorization: Bearer <token>' or sign in.",
        )

    @api.exception_handler(PermissionDenied)
    def forbidden(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
        return error_response(api, request, 403, "forbidden", str(exc) or "Not allowed.")

    @api.exception_handler(Http404)
    def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        return error_response(api, request, 404, "not_found", "Not found, or you may not see it.")

    @api.exception_handler(EditConflict)
    def conflict(request: HttpRequest, exc: EditConflict) -> HttpResponse:
        return error_response(api, request, 409, "edit_conflict", str(exc), "version")

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        code = {400: "bad_request", 405: "method_not_allowed"}.get(exc.status_code, "error")
        return error_response(api, request, exc.status_code, code, str(exc.message))

    @api.exception_handler(Exception)
    def server_error(request: HttpRequest, exc: Exception) -> HttpResponse:
        log.exception("API error on %s %s", request.method, request.path)
        return error_response(api, request, 500, "server_error", "Corridor could not do that.")
