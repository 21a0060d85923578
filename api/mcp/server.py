"""The kb MCP server: the tools, two resources and a prompt over one store, on stdio or HTTP.

An entrypoint like the HTTP API: `kb mcp` (the composition root) opens the store and hands it
here; nothing below knows which backend it is.
"""
from __future__ import annotations

import hmac
import json
from typing import Annotated, Any

import uvicorn
from mcp.server.mcpserver import MCPServer
from mcp.server.mcpserver.exceptions import ResourceNotFoundError
from mcp.shared.exceptions import MCPError
from mcp.types import INVALID_PARAMS, ToolAnnotations
from pydantic import Field
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

import kb
from api.deps import bearer_token
from api.mcp.tools import Tools
from api.mcp.view import Viewer
from kb.config import Settings
from kb.exports.public import public_document
from kb.models import PostQuery, check_partial_date
from kb.store import Store

HTTP_PATH = "/mcp"
READ_ONLY = ToolAnnotations(read_only_hint=True, destructive_hint=False, idempotent_hint=True, open_world_hint=False)

INSTRUCTIONS = """kb is its owner's career, read from their blog: events (work, adoption, talk, study...)
and the skills, people, projects and organizations they involve, each fact with the post, section and
verbatim quote it came from. Turn names into ids with `search`, then ask `timeline`, `entity`,
`neighbors`, `path` or `related_skills`; `explain` gives the sources of any node or event. Dates are
at the precision written (2021, 2021-05, 2021-05-03). Cite a fact's post and section when you use it,
and do not state what no source says."""


def build_server(store: Store, settings: Settings, private: bool = False) -> MCPServer:
    """The server, answering as the public API does unless `private` (the owner's own, local use)."""
    view = Viewer(store, settings, private)
    server: MCPServer = MCPServer("kb", title="kb: a career timeline and skill graph", version=kb.__version__,
                                  instructions=INSTRUCTIONS, log_level="WARNING")
    for tool in Tools(view).all():
        server.add_tool(tool, annotations=READ_ONLY, structured_output=True)
    _add_resources(server, view)
    server.prompt(title="Summarize my career between two dates")(career_summary)
    return server


def _add_resources(server: MCPServer, view: Viewer) -> None:
    @server.resource("kb://export", name="export", mime_type="application/json",
                     description="The whole graph as a kb-export document: posts, entities and events with sources.")
    def export() -> str:
        document = view.store.export(include_private=view.private)
        return _json(view.show(document if view.private else public_document(document)))

    @server.resource("kb://posts", name="posts", mime_type="application/json",
                     description="Every post: id, title, date and the URI that reads it.")
    def posts() -> str:
        listed, cursor = [], None
        while True:
            page = view.store.posts(PostQuery(limit=500, cursor=cursor, include_private=view.private))
            listed += [{"id": p.id, "title": p.title, "date": p.date, "uri": f"kb://posts/{p.id}"}
                       for p in page.items]
            if (cursor := page.next_cursor) is None:
                return _json(view.show(listed))

    @server.resource("kb://posts/{+id}", name="post", mime_type="application/json",
                     description="One post: title, date, tags and its Markdown body (`body`).")
    def post(id: str) -> str:
        found = view.store.post(id, include_private=view.private)
        if found is None:
            raise ResourceNotFoundError(f"no post with id {id!r}")
        return _json(view.show(found))


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=1)


def career_summary(
    start: Annotated[str, Field(description="first date: YYYY, YYYY-MM or YYYY-MM-DD")],
    end: Annotated[str, Field(description="last date, inclusive: YYYY, YYYY-MM or YYYY-MM-DD")],
) -> str:
    """Summarize my career between two dates, from the knowledge base's tools, citing sources."""
    for value in (start, end):
        try:
            check_partial_date(value)
        except ValueError as exc:  # said here: the SDK would answer only "Error rendering prompt"
            raise MCPError(code=INVALID_PARAMS, message=str(exc)) from exc
    return f"""Summarize my career from {start} to {end}, using only what the kb tools return.

1. Call `timeline` with start="{start}" and end="{end}" (limit 200; while `next_cursor` is set, call it
   again with that cursor) to get every event of the period.
2. For the skills, projects and organizations that recur, call `entity` to see when each began and
   `related_skills` (skills) or `neighbors` to see what it connected to.
3. Write the summary by year: roles and organizations, projects, skills adopted and what they led to,
   talks, publications and achievements. Give dates at the precision the events have.
4. After each statement cite its source as (post title or id, section) from the events' `sources`;
   quote a few words where it helps. Leave out what no source supports, and say so if the period
   has no events."""


# ---- transports ----

def serve_stdio(server: MCPServer) -> None:
    """Answer one assistant that started `kb mcp` itself, over its stdin and stdout."""
    server.run("stdio")


def serve_http(server: MCPServer, settings: Settings, host: str, port: int) -> None:
    """Streamable HTTP at HTTP_PATH; with KB_API_TOKEN set, every request must carry it as a bearer token."""
    app: ASGIApp = server.streamable_http_app(streamable_http_path=HTTP_PATH, host=host)
    if settings.api_token:
        app = BearerToken(app, settings.api_token)
    uvicorn.run(app, host=host, port=port, log_level="warning")


class BearerToken:
    """Refuses (401) any HTTP request without `Authorization: Bearer <token>`, compared in constant time."""

    def __init__(self, app: ASGIApp, token: str) -> None:
        self.app = app
        self.token = token.encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and not self._authorized(scope):
            refusal = JSONResponse({"error": {"status": 401, "message": "a bearer token (KB_API_TOKEN) is required"}},
                                   status_code=401, headers={"WWW-Authenticate": 'Bearer realm="kb"'})
            await refusal(scope, receive, send)
            return
        await self.app(scope, receive, send)

    def _authorized(self, scope: Scope) -> bool:
        given = bearer_token(Request(scope))  # read as the API reads it
        return given is not None and hmac.compare_digest(given.encode(), self.token)
