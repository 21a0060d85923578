"""How the CLI shows things: tables, the ingest summary and the progress bar (rich)."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from kb.models import EntityDetail, Event, Source, Stats

console = Console(highlight=False)
err_console = Console(stderr=True, highlight=False)

ProgressCallback = Callable[[int, int, str], None]


def error(message: str) -> None:
    err_console.print(f"[bold red]error:[/] {message}", markup=True)


def date_label(start: str | None, end: str | None) -> str:
    """Dates at the precision they were written: '2020', '2020-04', '2020-01 – 2020-03'."""
    if start is None:
        return "(undated)"
    return f"{start} – {end}" if end and end != start else start


@contextmanager
def progress(enabled: bool) -> Iterator[ProgressCallback | None]:
    """A progress bar on a terminal; nothing when piped or asked to be quiet."""
    if not enabled or not err_console.is_terminal:
        yield None
        return
    columns = (TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
               TextColumn("{task.description}"))
    with Progress(*columns, console=err_console, transient=True) as bar:
        task = bar.add_task("", total=None)

        def update(done: int, total: int, path: str) -> None:
            bar.update(task, completed=done, total=total, description=path[-50:])

        yield update


def _count(value: Any) -> int:
    return value if isinstance(value, int) else len(value)


def ingest_summary(report: Any) -> None:
    parts = [f"{name} {_count(getattr(report, name))}"
             for name in ("added", "updated", "unchanged", "removed", "failed")]
    console.print(", ".join(parts))
    for failure in report.failed:
        file, line, reason = (getattr(failure, key, None) for key in ("file", "line", "reason")) \
            if not isinstance(failure, tuple) else failure
        where = f"{file}:{line}" if line else str(file)
        err_console.print(f"  failed {where}: {reason}")


def timeline_table(events: Iterable[Event]) -> None:
    table = Table("when", "kind", "event", "entities", show_lines=False)
    count = 0
    for event in events:
        count += 1
        names = ", ".join(e.split(":", 1)[-1] for e in event.entities[:6])
        table.add_row(date_label(event.start, event.end), event.kind, event.title, names)
    console.print(table if count else "no events match")


def stats_table(stats: Stats) -> None:
    table = Table("what", "count")
    table.add_row("posts", f"{stats.posts} ({stats.private_posts} private)")
    table.add_row("events", str(stats.events))
    for kind, number in sorted(stats.entities.items()):
        table.add_row(kind, str(number))
    table.add_row("mentions", str(stats.mentions))
    table.add_row("span", f"{stats.first or '?'} – {stats.last or '?'}")
    console.print(table)


def _sources(sources: Iterable[Source]) -> None:
    for source in sources:
        where = f"{source.post}" + (f":{source.line}" if source.line else "")
        console.print(f"  • {where}  § {source.section or '(top)'}")
        if source.quote:
            console.print(f"    “{source.quote}”")


def explain_event(event: Event) -> bool:
    console.print(f"[bold]{event.title}[/]  ({event.kind}, {date_label(event.start, event.end)}, "
                  f"confidence {event.confidence:.2f})", markup=True)
    if event.entities:
        console.print("involves: " + ", ".join(event.entities))
    console.print("because of:")
    _sources(event.sources)
    return True


def explain_entity(detail: EntityDetail) -> bool:
    entity = detail.summary.entity
    aliases = ", ".join(entity.aliases) or "none"
    console.print(f"[bold]{entity.name}[/]  ({entity.type}{', ' + entity.category if entity.category else ''}; "
                  f"aliases: {aliases})", markup=True)
    console.print(f"in {detail.summary.event_count} events, mentioned {detail.summary.mention_count} times:")
    _sources(detail.sources)
    if detail.events:
        console.print("events:")
        for event in detail.events:
            console.print(f"  • {date_label(event.start, event.end)}  {event.title}  [{event.id}]",
                          markup=False)
    return True
