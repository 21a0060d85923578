"""The `kb` command line: the composition root that wires settings, a store, ingest and the API."""
from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from kb import cli_output
from kb.config import Settings
from kb.errors import ConfigError, KbError
from kb.exports import EXPORTERS
from kb.models import EVENT_KINDS, TimelineQuery
from kb.store import Store
from kb.stores import open_store, redact

if TYPE_CHECKING:
    from ingest.runs.posts_folder import PostsFolder

app = typer.Typer(help="kb: a personal knowledge base and career timeline built from your blog.",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)

DbOption = Annotated[Optional[str], typer.Option(
    "--db", help="store URL: sqlite:///path/kb.db (default, or $KB_DATABASE_URL) or neo4j://host:7687")]


def settings_for(db: str | None) -> Settings:
    try:
        return Settings.from_env(database_url=db)
    except ConfigError as exc:
        cli_output.error(str(exc))
        raise typer.Exit(2) from exc


@contextmanager
def opened(db: str | None) -> Iterator[Store]:
    """Open the store a URL names; errors become one clear line and exit code 2."""
    url = settings_for(db).database_url
    try:
        store = open_store(url)
    except KbError as exc:
        cli_output.error(f"cannot open {redact(url)}: {exc}")
        raise typer.Exit(2) from exc
    try:
        yield store
    finally:
        store.close()


@app.command()
def init(db: DbOption = None) -> None:
    """Create (or migrate) the store's schema, constraints and indexes."""
    with opened(db) as store:
        cli_output.console.print(f"ready: {redact(settings_for(db).database_url)} ({type(store).__name__})")


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="folders (or files) of Markdown posts")],
    db: DbOption = None,
    config: Annotated[Optional[Path], typer.Option(help="curation file (default: kb.yaml next to the posts)")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="no progress bar")] = False,
) -> None:
    """Ingest posts: only new or edited posts are read again; deleted posts are removed."""
    from ingest.runs.pipeline import run_ingest

    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        cli_output.error(f"no such file or folder: {', '.join(missing)}")
        raise typer.Exit(2)
    with opened(db) as store, cli_output.progress(enabled=not quiet) as on_progress:
        report = run_ingest([p.resolve() for p in paths], store, config=config, on_progress=on_progress)
    cli_output.ingest_summary(report)
    if report.failed:
        raise typer.Exit(1)


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="interface to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port")] = 8000,
    posts: Annotated[Optional[list[Path]], typer.Option(
        "--posts", help="posts folder for the write API (PUT/DELETE /posts, POST /ingest); default $KB_POSTS_DIRS")] = None,
) -> None:
    """Serve the HTTP API (OpenAPI docs at /docs)."""
    import dataclasses

    import uvicorn

    from api.app import create_app

    settings = settings_for(db)
    if posts:
        settings = dataclasses.replace(settings, posts_dirs=tuple(str(p.resolve()) for p in posts))
    with opened(db) as store:
        folder = posts_folder_for(settings, store)
        cli_output.console.print(f"kb serving {redact(settings.database_url)} on http://{host}:{port}")
        uvicorn.run(create_app(store=store, settings=settings, posts_folder=folder),
                    host=host, port=port, log_level="info")


class Transport(str, Enum):
    stdio = "stdio"
    http = "http"


@app.command("mcp")
def mcp_server(
    db: DbOption = None,
    transport: Annotated[Transport, typer.Option(
        help="stdio (the assistant starts kb itself) or http (Streamable HTTP at /mcp)")] = Transport.stdio,
    host: Annotated[str, typer.Option(help="interface to listen on (http)")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port (http)")] = 8765,
    private: Annotated[bool, typer.Option(
        "--private", help="show private posts and their facts too (the owner's own assistant); "
                          "default: public data only, as the public API")] = False,
) -> None:
    """Serve the knowledge base to AI assistants over the Model Context Protocol (tools, resources, a prompt)."""
    from api.mcp import build_server, serve_http, serve_stdio

    settings = settings_for(db)
    if private and transport is Transport.http and not settings.api_token:
        cli_output.error("--private over HTTP needs KB_API_TOKEN, so that only the owner can connect")
        raise typer.Exit(2)
    view = "everything (--private)" if private else "public data"
    with opened(db) as store:
        server = build_server(store, settings, private=private)
        if transport is Transport.stdio:
            cli_output.err_console.print(f"kb MCP server on stdio: {view} of {redact(settings.database_url)}")
            serve_stdio(server)
        else:
            guard = "bearer token required" if settings.api_token else "no token (KB_API_TOKEN unset)"
            cli_output.console.print(f"kb MCP server: {view} of {redact(settings.database_url)} on "
                                     f"http://{host}:{port}/mcp ({guard})")
            serve_http(server, settings, host, port)


def posts_folder_for(settings: Settings, store: Store) -> PostsFolder | None:
    """The write API's service over the very store the app reads, when a posts folder is set."""
    if not settings.posts_dirs:
        return None  # and ingest is not even imported
    from ingest.runs.posts_folder import PostsFolder

    return PostsFolder(settings.posts_dirs, store)


@app.command()
def watch(
    paths: Annotated[list[Path], typer.Argument(help="folders of Markdown posts to watch")],
    db: DbOption = None,
    config: Annotated[Optional[Path], typer.Option(help="curation file (default: kb.yaml next to the posts)")] = None,
    interval: Annotated[float, typer.Option(min=0.05, help="seconds between looks at the files")] = 0.5,
    debounce: Annotated[float, typer.Option(min=0.0, help="seconds of quiet after a save before ingesting")] = 0.5,
) -> None:
    """Ingest, then re-ingest whenever a post is saved, until Ctrl-C (editor scratch files are ignored)."""
    from ingest.runs.watch import Outcome
    from ingest.runs.watch import watch as run_watch

    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        cli_output.error(f"no such file or folder: {', '.join(missing)}")
        raise typer.Exit(2)

    def show(outcome: Outcome) -> None:
        if outcome.report is not None:
            cli_output.ingest_summary(outcome.report)
        else:
            cli_output.error(f"ingest failed, will retry on the next change: {outcome.error}")
        sys.stdout.flush()

    with opened(db) as store:
        cli_output.console.print(f"watching {', '.join(str(p) for p in paths)} (Ctrl-C to stop)")
        try:
            run_watch([p.resolve() for p in paths], store, show, interval=interval, debounce=debounce, config=config)
        except KeyboardInterrupt:
            cli_output.console.print("stopped")


@app.command()
def export(
    db: DbOption = None,
    format: Annotated[str, typer.Option("--format", "-f", help="one of: " + ", ".join(EXPORTERS))] = "json",
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="file to write (default: stdout)")] = None,
    public: Annotated[bool, typer.Option("--public", help="leave out private posts and their facts")] = False,
) -> None:
    """Export the whole knowledge base."""
    exporter = EXPORTERS.get(format)
    if exporter is None:
        cli_output.error(f"unknown format {format!r}; choose one of: {', '.join(EXPORTERS)}")
        raise typer.Exit(2)
    settings = settings_for(db)
    with opened(db) as store:
        document = store.export(include_private=not public)
    if public:
        from kb.exports.public import public_export

        document = public_export(document, settings.public_people, settings.api_token or "kb-public-people")
    text = exporter.render(document)
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")
        cli_output.console.print(f"wrote {output} ({format})", highlight=False)


site_app = typer.Typer(help="The portfolio as a static site (public data only).", no_args_is_help=True)
app.add_typer(site_app, name="site")


@site_app.command("build")
def site_build(
    out: Annotated[Path, typer.Option("--out", help="folder to write the site to (what a previous build wrote there is replaced)")],
    db: DbOption = None,
    base_url: Annotated[Optional[str], typer.Option(
        "--base-url", help="where the site will live, e.g. https://me.github.io/blog/ (absolute links in resume.json)")] = None,
) -> None:
    """Write the portfolio as static files (HTML, CSS, data.json, resume.json) for any static host."""
    from api.markdown import render_markdown
    from kb.exports.public import public_export
    from kb.site.build import Site

    settings = settings_for(db)
    with opened(db) as store:
        document = store.export(include_private=False)
    document = public_export(document, settings.public_people, settings.api_token or "kb-public-people")
    try:
        count = Site(document, render_markdown, base_url).write(out)
    except OSError as exc:
        cli_output.error(f"cannot write the site to {out}: {exc}")
        raise typer.Exit(2) from exc
    cli_output.console.print(f"wrote {count} files to {out}", highlight=False)


@app.command("import")
def import_(
    file: Annotated[Path, typer.Argument(help="a kb-export JSON document")],
    db: DbOption = None,
) -> None:
    """Replace the store's whole graph with an export document (e.g. move SQLite -> Neo4j)."""
    try:
        document = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        cli_output.error(f"{file}: not a readable JSON document: {exc}")
        raise typer.Exit(2) from exc
    with opened(db) as store:
        try:
            store.import_(document)
        except (KbError, ValueError) as exc:
            cli_output.error(f"{file}: {exc}")
            raise typer.Exit(2) from exc
        stats = store.stats(include_private=True)
    cli_output.console.print(f"imported {stats.posts} posts, {stats.events} events")


@app.command()
def timeline(
    db: DbOption = None,
    date_from: Annotated[Optional[str], typer.Option("--from", help="YYYY, YYYY-MM or YYYY-MM-DD")] = None,
    date_to: Annotated[Optional[str], typer.Option("--to", help="YYYY, YYYY-MM or YYYY-MM-DD")] = None,
    kind: Annotated[Optional[str], typer.Option(help="one of: " + ", ".join(EVENT_KINDS))] = None,
    entity: Annotated[Optional[str], typer.Option(help="an entity id, e.g. skill:ray")] = None,
    text: Annotated[Optional[str], typer.Option("--search", "-s", help="full-text filter")] = None,
    limit: Annotated[int, typer.Option(min=1, max=500)] = 100,
    public: Annotated[bool, typer.Option("--public", help="hide private posts' facts")] = False,
) -> None:
    """Print the career timeline as a table."""
    try:
        query = TimelineQuery(date_from=date_from, date_to=date_to, kind=kind, entity=entity, text=text,
                              limit=limit, include_private=not public)
    except ValueError as exc:
        cli_output.error(str(exc))
        raise typer.Exit(2) from exc
    with opened(db) as store:
        cli_output.timeline_table(store.timeline(query).items)


@app.command()
def stats(db: DbOption = None) -> None:
    """Counts of posts, events and entities, and the span of the timeline."""
    with opened(db) as store:
        cli_output.stats_table(store.stats(include_private=True))


@app.command()
def explain(
    ident: Annotated[str, typer.Argument(help="an entity id (skill:ray) or an event id (event:...)")],
    db: DbOption = None,
) -> None:
    """Why a node or an event exists: each source post, section and quote."""
    with opened(db) as store:
        if ident.startswith("event:"):
            event = store.event(ident, include_private=True)
            found = event is not None and cli_output.explain_event(event)
        else:
            detail = store.entity(ident, include_private=True)
            found = detail is not None and cli_output.explain_entity(detail)
    if not found:
        cli_output.error(f"nothing with id {ident!r}; try `kb timeline` or GET /entities")
        raise typer.Exit(1)


def main() -> None:
    app()
