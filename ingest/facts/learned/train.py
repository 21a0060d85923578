"""Train the event-sentence model on annotated posts and write its weights.

    python -m ingest.facts.learned.train --corpus POSTS_DIR... --gold GOLD_DIR [--out FILE]

Gold files follow the shared gold conventions (one YAML per post: `post`, `events[].evidence`). Every
candidate the events stage reads is a training row, positive when it holds an event's evidence.
Prints the leave-one-author-out score (each post held out in turn, trained on the others), which
is the number to trust, then trains on everything and writes the model.
"""
from __future__ import annotations

import argparse
import math
import random
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import yaml

from ingest.facts.entities import Sighting
from ingest.facts.learned.model import MODEL_FILE, LinearModel
from ingest.language.text import squash
from ingest.posts.parse import ParsedPost

Row = tuple[list[str], int, str, frozenset[str]]  # features, label, author (the post's file name), events held
MIN_AUTHORS = 3  # a feature seen in fewer authors' posts is a trait of those posts, not of the language


def annotated_posts(corpora: list[Path], gold_dir: Path) -> Iterator[tuple[str, ParsedPost, list[Sighting], dict]]:
    """Each annotated post, parsed, with what the vocabulary and cues find in it, and its gold."""
    from ingest.facts.extractor import StandardExtractor
    from ingest.posts.parse import parse_post
    from ingest.posts.read import discover, read_post

    gold = {}
    for path in sorted(gold_dir.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        gold[data["post"]] = data
    extractor = StandardExtractor()
    for stat in discover([str(c) for c in corpora]):
        name = Path(stat.path).name
        if name in gold:
            post = parse_post(read_post(stat))
            yield name, post, extractor.facts(post).sightings, gold[name]


def event_rows(name: str, post: ParsedPost, sightings: list[Sighting], gold: dict) -> list[Row]:
    """Every candidate piece of a post, labelled by the gold evidence it holds."""
    from ingest.facts.events import candidates

    evidence = [squash(e["evidence"]) for e in gold.get("events") or []]
    rows: list[Row] = []
    for piece in candidates(post, sightings, LinearModel({}, 0.5)):
        text = squash(post.body[piece.start:piece.end])
        held = frozenset(f"{name}#{i}" for i, e in enumerate(evidence) if e in text or (len(text) >= 6 and text in e))
        rows.append((piece.features, int(bool(held)), name, held))
    return rows


def fit(rows: list[Row], epochs: int = 30, l2: float = 1e-2, rate: float = 0.1, seed: int = 0) -> dict[str, float]:
    """Logistic regression by AdaGrad over binary features, kept to features of MIN_AUTHORS authors."""
    authors: dict[str, set[str]] = {}
    for feats, _, author, _ in rows:
        for f in feats:
            authors.setdefault(f, set()).add(author)
    kept = {f for f, who in authors.items() if len(who) >= MIN_AUTHORS or f == "bias"}
    data = [([f for f in feats if f in kept], label) for feats, label, _, _ in rows]
    weights: dict[str, float] = dict.fromkeys(kept, 0.0)
    squares: dict[str, float] = dict.fromkeys(kept, 1e-8)
    order = list(range(len(data)))
    shuffle = random.Random(seed).shuffle
    for _ in range(epochs):
        shuffle(order)
        for i in order:
            feats, label = data[i]
            score = sum(weights[f] for f in feats)
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))
            g = p - label
            for f in feats:
                grad = g + (l2 * weights[f] if f != "bias" else 0.0)
                squares[f] += grad * grad
                weights[f] -= rate * grad / math.sqrt(squares[f])
    return weights


def best_threshold(scored: list[tuple[float, frozenset[str]]], events: int) -> tuple[float, float, float, float]:
    """The probability cut with the best event F1 over held-out rows, counted as the scorer does (one
    accepted sentence matches at most one event, one event at most one sentence): (cut, P, R, F1)."""
    best = (0.5, 0.0, 0.0, 0.0)
    for cut in [i / 100 for i in range(5, 96)]:
        accepted = [held for p, held in scored if p >= cut]
        matched: set[str] = set()
        for held in sorted(accepted, key=len):
            free = sorted(held - matched)
            if free:
                matched.add(free[0])
        precision = len(matched) / len(accepted) if accepted else 0.0
        recall = len(matched) / events if events else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        if f1 > best[3]:
            best = (cut, precision, recall, f1)
    return best


def leave_one_author_out(rows: list[Row]) -> list[tuple[float, frozenset[str], str]]:
    """Each author's rows scored by a model trained without them."""
    out: list[tuple[float, frozenset[str], str]] = []
    for author in sorted({r[2] for r in rows}):
        model = LinearModel(fit([r for r in rows if r[2] != author]), 0.5)
        out.extend((model.probability(feats), held, author) for feats, _, a, held in rows if a == author)
    return out


def _events_model(rows: list[Row], events: int, loao: bool) -> tuple[LinearModel, dict[str, object]]:
    threshold = 0.5
    about: dict[str, object] = {"about": "kb event-sentence model; rebuild: python -m ingest.facts.learned.train",
                                "authors": len({r[2] for r in rows}), "candidates": len(rows)}
    if loao:
        held_out = leave_one_author_out(rows)
        threshold, precision, recall, f1 = best_threshold([(p, held) for p, held, _ in held_out], events)
        print(f"events, leave-one-author-out: threshold {threshold:.2f} precision {precision:.3f} "
              f"recall {recall:.3f} f1 {f1:.3f}", file=sys.stderr)
        about["leave_one_author_out"] = {"precision": round(precision, 3), "recall": round(recall, 3),
                                         "f1": round(f1, 3)}
    return LinearModel(fit(rows), threshold), about


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", nargs="+", type=Path, required=True)
    parser.add_argument("--gold", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=MODEL_FILE)
    parser.add_argument("--skip-loao", action="store_true", help="train only, no held-out score")
    args = parser.parse_args(argv)
    events_rows: list[Row] = []
    events = 0
    for name, post, sightings, gold in annotated_posts(args.corpus, args.gold):
        events_rows.extend(event_rows(name, post, sightings, gold))
        events += len(gold.get("events") or [])
    print(f"{len(events_rows)} sentences ({events} events), {len({r[2] for r in events_rows})} authors",
          file=sys.stderr)
    model, about = _events_model(events_rows, events, not args.skip_loao)
    args.out.write_text(model.to_json(**about), encoding="utf-8")
    top = Counter({k: abs(v) for k, v in model.weights.items()}).most_common(10)
    print("strongest event features: " + ", ".join(f"{k} {model.weights[k]:+.2f}" for k, _ in top), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
