"""A linear model over feature strings, loaded from a JSON data file (weights learned offline)."""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

MODEL_FILE = Path(__file__).resolve().parents[2] / "data" / "event_model.json"


@dataclass(frozen=True)
class LinearModel:
    weights: dict[str, float]
    threshold: float  # the probability above which a candidate is an event

    def probability(self, features: list[str]) -> float:
        get = self.weights.get
        score = sum(get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))

    def to_json(self, **about: object) -> str:
        data = {**about, "threshold": self.threshold,
                "weights": {k: round(v, 5) for k, v in sorted(self.weights.items()) if abs(v) >= 1e-4}}
        return json.dumps(data, ensure_ascii=False, indent=0, sort_keys=False) + "\n"


@lru_cache(maxsize=4)
def load_model(path: Path = MODEL_FILE) -> LinearModel:
    data = json.loads(path.read_text(encoding="utf-8"))
    return LinearModel({str(k): float(v) for k, v in data["weights"].items()}, float(data["threshold"]))

