"""The `profile:` of kb.yaml: JSON Resume `basics` plus the site's language and per-organization
work overrides. Checked once, when kb.yaml is read, so a typo is an error at ingest rather than a
blank on the published page; stored as plain JSON in the store's meta record."""
from __future__ import annotations

from typing import Any

from kb.errors import ConfigError
from kb.models import check_partial_date

META_KEY = "profile"
LANGS = ("ko", "en")
TEXT_FIELDS = ("name", "label", "email", "url", "phone", "summary", "image")
LOCATION_FIELDS = ("address", "postalCode", "city", "region", "countryCode")
PROFILE_FIELDS = ("network", "username", "url")
WORK_TEXT = ("name", "position", "url", "summary")
WORK_DATES = ("start", "end")


def _text(where: str, value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, (dict, list)):
        raise ConfigError(f"kb.yaml profile: {where} must be text")
    return str(value).strip() or None


def _fields(where: str, value: Any, names: tuple[str, ...]) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ConfigError(f"kb.yaml profile: {where} must be a mapping")
    unknown = sorted(set(map(str, value)) - set(names))
    if unknown:
        raise ConfigError(f"kb.yaml profile: unknown {where} field(s) {', '.join(unknown)} "
                          f"(known: {', '.join(names)})")
    return {k: t for k in names if (t := _text(f"{where}.{k}", value.get(k))) is not None}


def _date(where: str, value: Any) -> str | None:
    text = _text(where, value)
    try:
        return check_partial_date(text)
    except ValueError as exc:
        raise ConfigError(f"kb.yaml profile: {where}: {exc}") from exc


def _work(entries: Any) -> list[dict[str, Any]]:
    if not isinstance(entries, list):
        raise ConfigError("kb.yaml profile: work must be a list of {name, position, start, end}")
    out = []
    for n, entry in enumerate(entries):
        where = f"work[{n}]"
        if not isinstance(entry, dict):
            raise ConfigError(f"kb.yaml profile: {where} must be a mapping")
        item = _fields(where, {k: v for k, v in entry.items() if k not in WORK_DATES + ("highlights",)}, WORK_TEXT)
        if "name" not in item:
            raise ConfigError(f"kb.yaml profile: {where} needs a name (the organization)")
        for key in WORK_DATES:
            if (day := _date(f"{where}.{key}", entry.get(key))) is not None:
                item[key] = day
        highlights = entry.get("highlights") or []
        if not isinstance(highlights, list):
            raise ConfigError(f"kb.yaml profile: {where}.highlights must be a list")
        if highlights:
            item["highlights"] = [str(h).strip() for h in highlights if str(h).strip()]
        out.append(item)
    return out


def parse_profile(data: Any) -> dict[str, Any]:
    """The profile as stored: only the fields given, text stripped, dates checked."""
    if data is None:
        return {}
    extra = ("location", "profiles", "lang", "work")
    profile = _fields("profile", {k: v for k, v in data.items() if k not in extra} if isinstance(data, dict)
                      else data, TEXT_FIELDS)
    if data.get("location") is not None:
        if location := _fields("location", data["location"], LOCATION_FIELDS):
            profile["location"] = location
    links = data.get("profiles") or []
    if not isinstance(links, list):
        raise ConfigError("kb.yaml profile: profiles must be a list of {network, username, url}")
    if links:
        profile["profiles"] = [_fields(f"profiles[{n}]", p, PROFILE_FIELDS) for n, p in enumerate(links)]
    if data.get("lang") is not None:
        lang = str(data["lang"]).strip().lower()
        if lang not in LANGS:
            raise ConfigError(f"kb.yaml profile: lang must be one of {', '.join(LANGS)}, not {data['lang']!r}")
        profile["lang"] = lang
    if data.get("work") is not None:
        profile["work"] = _work(data["work"])
    return profile


def profile_of(document: dict[str, Any]) -> dict[str, Any]:
    """The profile an export document carries ({} when kb.yaml gave none)."""
    value = (document.get("meta") or {}).get(META_KEY)
    return value if isinstance(value, dict) else {}
