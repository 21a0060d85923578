"""Settings, read from the environment when asked and never at import time."""
from __future__ import annotations

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

    def __post_init__(self) -> None:
        if self.public_people not in PEOPLE_MODES:
            raise ConfigError(f"KB_PUBLIC_PEOPLE must be one of {', '.join(PEOPLE_MODES)}, "
                              f"not {self.public_people!r}")

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
        }
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]
