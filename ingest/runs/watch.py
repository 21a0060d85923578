"""`kb watch`: re-ingest posts when they are saved, by polling file stats (no extra dependency).

Editors save in bursts (a swap file, a backup, a rename, a second write), so a change is acted
on only once the folder has been quiet for `debounce` seconds, and editor scratch files (`.swp`,
`~`, `.#x`, vim's `4913` probe...) never count. Each ingest is an ordinary incremental run: a
broken save is reported and the post keeps its last good state in the store, and an error of the
store itself is reported and retried on the next change rather than ending the watch.
"""
from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ingest.runs.pipeline import IngestReport, run_ingest
from ingest.posts.read import discover
from kb.errors import KbError
from kb.store import Store

# Names editors write beside a post while saving it; none of them is a post.
_EDITOR_TEMP = re.compile(
    r"""^(\.\#.*            # emacs lock link
        |\#.*\#             # emacs auto-save
        |\d+                # vim's write probe (4913) and other numbered scratch files
        |.*~                # backups
        |.*\.(swp|swo|swx|swn|tmp|temp|bak|orig|part|crdownload|kate-swp)
        |.*___jb_(tmp|old)___
        |\.~lock\..*\#)$""", re.VERBOSE | re.IGNORECASE)

Snapshot = dict[tuple[str, str], tuple[int, int]]


def is_editor_temp(name: str) -> bool:
    return bool(_EDITOR_TEMP.match(name))


def snapshot(roots: Sequence[Path]) -> Snapshot:
    """(root, path) -> (size, mtime) of every post file; a missing root is simply empty."""
    found: Snapshot = {}
    for root in roots:
        try:
            stats = discover([str(root)])
        except (KbError, OSError):
            continue
        for stat in stats:
            if not is_editor_temp(Path(stat.path).name):
                found[(stat.root, stat.path)] = (stat.size, stat.mtime_ns)
    return found


@dataclass
class Outcome:
    """One ingest the watcher ran: its report, or the error that stopped it."""

    report: IngestReport | None
    error: str | None = None


class Watcher:
    """A clock-driven state machine, so tests can step it without sleeping."""

    def __init__(self, roots: Sequence[str | Path], store: Store, debounce: float = 0.5,
                 config: str | Path | None = None) -> None:
        self.roots = [Path(r).resolve() for r in roots]
        self.store = store
        self.debounce = debounce
        self.config = config
        self._seen: Snapshot | None = None
        self._changed_at: float | None = None

    def ingest(self) -> Outcome:
        """Run one incremental ingest now; remember what the folders looked like before it."""
        self._seen = snapshot(self.roots)
        self._changed_at = None
        try:
            return Outcome(run_ingest(self.roots, self.store, config=self.config))
        except (KbError, OSError, ValueError) as exc:
            self._seen = None  # try again on the next quiet step
            return Outcome(None, f"{type(exc).__name__}: {exc}")

    def step(self, now: float) -> Outcome | None:
        """Look once; ingest when something changed and has been quiet for `debounce` seconds."""
        current = snapshot(self.roots)
        if current != self._seen:
            self._changed_at = now  # every new change pushes the deadline back
            self._seen = current
            return None
        if self._changed_at is not None and now - self._changed_at >= self.debounce:
            return self.ingest()
        return None


def watch(roots: Sequence[str | Path], store: Store, on_outcome: Callable[[Outcome], None], *,
          interval: float = 0.5, debounce: float = 0.5, config: str | Path | None = None,
          stop: threading.Event | None = None) -> None:
    """Ingest once, then poll every `interval` seconds until `stop` is set (or forever)."""
    stop = stop or threading.Event()
    watcher = Watcher(roots, store, debounce=debounce, config=config)
    on_outcome(watcher.ingest())
    while not stop.wait(interval):
        outcome = watcher.step(time.monotonic())
        if outcome is not None:
            on_outcome(outcome)
