"""Stage 7: run the stages over folders of posts and write to a store, incrementally.

The only ingest code that touches the store. A post whose content hash (bytes + extractor
version + vocabularies + curation) is unchanged is neither parsed nor written; one broken post is
reported and never stops the run; writes go in batches, each atomic, so a crash never leaves a
half-written post.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from ingest.facts.build import build_graph
from ingest.runs.parallel import extract_all, worker_count
from ingest.posts.parse import ParsedPost, parse_post, post_id_for
from ingest.posts.read import FileStat, RawPost, discover, read_post
from ingest.facts.extractor import FactExtractor, StandardExtractor
from ingest.facts.resolve import Curation, curate, load_curation
from ingest.facts.vocabulary import DATA_DIR
from ingest.runs.writer import BatchWriter
from kb.career.profile import META_KEY as PROFILE_KEY
from kb.errors import PostError
from kb.models import PostGraph
from kb.store import Store

ProgressCallback = Callable[[int, int, str], None]


class Stamp(NamedTuple):
    extractor: str
    size: int
    mtime_ns: int
    sha256: str


def parse_stamp(value: str) -> Stamp | None:
    parts = value.split(":")
    if len(parts) != 5 or parts[0] != "kb1" or not parts[2].isdigit() or not parts[3].isdigit():
        return None
    return Stamp(parts[1], int(parts[2]), int(parts[3]), parts[4])


class Failure(NamedTuple):
    file: str
    line: int | None
    reason: str


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)


@dataclass(frozen=True)
class Extractor:
    """A fact extractor and the user's curation on top, with one digest for both."""

    curation: Curation
    digest: str
    facts: FactExtractor

    def stamp(self, stat: FileStat, raw: RawPost) -> str:
        """The stored content hash: extractor digest, size and mtime (to skip reading), bytes hash."""
        return self.stamp_prefix(stat) + raw.content_hash

    def stamp_prefix(self, stat: FileStat) -> str:
        """What a file's stamp starts with while this extractor has read it and it is unchanged."""
        return f"kb1:{self.digest[:16]}:{stat.size}:{stat.mtime_ns}:"

    def graph(self, raw: RawPost, stamp: str = "") -> PostGraph:
        parsed: ParsedPost = parse_post(raw)
        sightings, events = self.facts.facts(parsed)
        sightings, events = curate(sightings, events, self.curation, parsed.post_id, parsed.path)
        return build_graph(parsed, stamp or raw.content_hash, sightings, events)


def make_extractor(curation: Curation | None = None, data_dir: Path = DATA_DIR) -> Extractor:
    curation = curation or Curation()
    facts = StandardExtractor(curation.entities, data_dir)
    digest = hashlib.sha256(f"{facts.fingerprint}|{curation.digest}".encode()).hexdigest()
    if curation.entities:
        facts.extra  # noqa: B018 - a bad curation entry fails here, not once per post
    return Extractor(curation, digest, facts)


def _under(stat_root: str, roots: Sequence[str]) -> bool:
    return any(stat_root == r or stat_root.startswith(r.rstrip("/") + "/") for r in roots)


def run_ingest(roots: Sequence[str | Path], store: Store, config: str | Path | None = None,
               on_progress: ProgressCallback | None = None) -> IngestReport:
    """Bring the store in line with the posts under `roots`; returns what changed.

    Posts stream through: read here, extracted (by worker processes for big ingests, see
    ingest/parallel.py) and written in batches while later posts are still being extracted.
    """
    paths = [Path(r).resolve() for r in roots]
    curation = load_curation(Path(config) if config else None, [p if p.is_dir() else p.parent for p in paths])
    extractor = make_extractor(curation)
    report = IngestReport()
    stats: list[FileStat] = []
    for root in paths:
        try:
            stats.extend(discover([str(root)]))
        except PostError as exc:
            report.failed.append(Failure(exc.path, exc.line, exc.reason))
    known = store.post_hashes()
    candidates = [_candidate(stat, known, extractor) for stat in stats]
    ids = {c.post_id for c in candidates}
    whole_dirs = [str(p) for p in paths if p.is_dir()]
    report.removed = sorted(pid for pid, (root, path, _) in known.items()
                            if pid not in ids and _under(root, whole_dirs))
    todo = sum(1 for c in candidates if not c.unchanged)
    if todo:
        extractor.facts.prepare()  # loaded here (inherited by forked workers), errors raised here
    jobs = _jobs(candidates, report, on_progress)
    # the profile of kb.yaml is stored, not extracted; a run without a curation file leaves it be
    meta = {} if curation.profile is None else {PROFILE_KEY: curation.profile or None}
    with BatchWriter(store, report.removed, meta=meta) as writer:
        for (stat, _), outcome in extract_all(extractor, jobs, worker_count(todo)):
            post_id = post_id_for(stat.path)
            if isinstance(outcome, PostGraph):
                (report.updated if post_id in known else report.added).append(post_id)
                writer.add(outcome)
            else:
                report.failed.append(Failure(*outcome))
    return report


class _Candidate(NamedTuple):
    """A file found, with what the store knows of it: computed once, as a no-op ingest is all this."""

    stat: FileStat
    post_id: str
    old: Stamp | None  # the stamp stored for this file, if this extractor wrote it (not read when unchanged)
    unchanged: bool  # size and mtime match that stamp too: the file is not even read


def _candidate(stat: FileStat, known: dict[str, tuple[str, str, str]], extractor: Extractor) -> _Candidate:
    post_id = post_id_for(stat.path)
    before = known.get(post_id)
    if before is None or before[:2] != (stat.root, stat.path):
        return _Candidate(stat, post_id, None, False)
    if before[2].startswith(extractor.stamp_prefix(stat)):
        return _Candidate(stat, post_id, None, True)  # the common case of a re-ingest, told without parsing
    old = parse_stamp(before[2])
    if old is None or old.extractor != extractor.digest[:16]:
        return _Candidate(stat, post_id, None, False)
    return _Candidate(stat, post_id, old, False)  # size or mtime moved: read it, its bytes may be the same


def _jobs(candidates: list[_Candidate], report: IngestReport,
          on_progress: ProgressCallback | None) -> Iterator[tuple[FileStat, RawPost]]:
    """The posts to extract, read in order; duplicates, unchanged and unreadable ones are reported here."""
    seen: dict[str, str] = {}
    for done, (stat, post_id, old, unchanged) in enumerate(candidates, 1):
        if on_progress is not None:
            on_progress(done, len(candidates), stat.path)
        if post_id in seen:
            report.failed.append(Failure(stat.path, None, f"post id {post_id!r} is already used by {seen[post_id]}"))
            continue
        seen[post_id] = f"{stat.root}/{stat.path}"
        if unchanged:
            report.unchanged.append(post_id)  # not even read
            continue
        try:
            raw = read_post(stat)
        except PostError as exc:
            report.failed.append(Failure(exc.path, exc.line, exc.reason))
            continue
        if old is not None and old.sha256 == raw.content_hash:
            report.unchanged.append(post_id)  # touched, not changed
            continue
        yield stat, raw
