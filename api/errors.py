"""Domain errors become HTTP errors here, and only here: every error body is JSON that says what is wrong."""
from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from kb.errors import InvalidQuery, KbError, NotFound


class ErrorDetail(BaseModel):
    status: int
    message: str
    details: list[dict[str, Any]] | None = None


class ErrorBody(BaseModel):
    """The body of every error answer, documented so clients and schema checkers can rely on it."""

    error: ErrorDetail


# Errors any route can answer (an unknown or hidden id, bad parameters, a store that is down or a
# request over its time cap), documented once for the whole app.
COMMON_RESPONSES: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorBody, "description": "no such resource (or one hidden from this viewer)"},
    422: {"model": ErrorBody, "description": "invalid request parameters"},
    503: {"model": ErrorBody, "description": "the store could not answer, or the request took too long"},
}


def _error(status: int, message: str, details: object = None) -> JSONResponse:
    body: dict[str, object] = {"error": {"status": status, "message": message}}
    if details is not None:
        body["error"]["details"] = details  # type: ignore[index]
    return JSONResponse(body, status_code=status)


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(NotFound)
    def not_found(_: Request, exc: NotFound) -> JSONResponse:
        return _error(404, str(exc))

    @app.exception_handler(InvalidQuery)
    def invalid_query(_: Request, exc: InvalidQuery) -> JSONResponse:
        return _error(422, str(exc))

    @app.exception_handler(KbError)
    def kb_error(_: Request, exc: KbError) -> JSONResponse:
        return _error(503, f"the knowledge base could not answer: {exc}")

    @app.exception_handler(RequestValidationError)
    def validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        details = [
            {"location": ".".join(str(p) for p in err.get("loc", ())), "message": err.get("msg", "")}
            for err in exc.errors()
        ]
        return _error(422, "invalid request parameters", details)

    @app.exception_handler(StarletteHTTPException)
    def http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        response = _error(exc.status_code, str(exc.detail))
        for key, value in (exc.headers or {}).items():
            response.headers[key] = value
        return response
