"""Settings, read from the environment when asked and never at import time."""
from __future__ import annotations

import math
import os
from dataclasses import dataclass, field

from kb.errors import ConfigError

DEFAULT_DATABASE_URL = "sqlite:///kb.db"
PEOPLE_MODES = ("full", "initials", "hide")


@dataclass(frozen=True)
class Settings:
    database_url: str = DEFAULT_DATABASE_URL
    api_token: str | None = None
    cors_origins: tuple[str, ...] = ()
    public_people: str = "full"  # hide | initials | full
    posts_dirs: tuple[str, ...] = field(default_factory=tuple)
    site_url: str = ""  # public base URL of `kb serve`, for links in exports (default: the request's)
    response_cache_mb: float = 64.0  # repeated GET answers kept in memory by `kb serve`; 0 = off

    def __post_init__(self) -> None:
        if self.public_people not in PEOPLE_MODES:
            raise ConfigError(f"KB_PUBLIC_PEOPLE must be one of {', '.join(PEOPLE_MODES)}, "
                              f"not {self.public_people!r}")
        if not 0 <= self.response_cache_mb < math.inf:
            raise ConfigError(f"KB_RESPONSE_CACHE_MB must be a size in MiB, 0 or more, not {self.response_cache_mb!r}")

    @classmethod
    def from_env(cls, **overrides: object) -> "Settings":
        env = os.environ
        values: dict[str, object] = {
            "database_url": env.get("KB_DATABASE_URL") or DEFAULT_DATABASE_URL,
            "api_token": env.get("KB_API_TOKEN") or None,
            "cors_origins": tuple(o.strip() for o in env.get("KB_CORS_ORIGINS", "").split(",") if o.strip()),
            "public_people": env.get("KB_PUBLIC_PEOPLE", "full"),
            "posts_dirs": tuple(p for p in env.get("KB_POSTS_DIRS", "").split(os.pathsep) if p),
            "site_url": env.get("KB_SITE_URL", ""),
            "response_cache_mb": _number("KB_RESPONSE_CACHE_MB", env.get("KB_RESPONSE_CACHE_MB") or "64"),
        }
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]


def _number(name: str, text: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise ConfigError(f"{name} must be a number, not {text!r}") from None
