"""Public by default, exactly as the public API: a private post, a draft and every fact only they
support never come back, whatever the assistant asks; people are masked as KB_PUBLIC_PEOPLE says.
`--private` (the owner's own assistant) shows everything."""
from __future__ import annotations

import json
from typing import Any

import pytest
from mcp import ClientSession, MCPError

from tests.mcp.conftest import SECRETS, Blog, call, failure, run, stdio_session

RAY = "skill:ray"
HIDDEN_IDS = ("organization:zorblax-corp", "skill:terraform")
PRIVATE_POSTS = ("2022-03-01-interview", "2022-05-01-draft")


async def everything(session: ClientSession) -> tuple[str, list[str]]:
    """All an assistant can get out of the server, as one text (every tool, resource and prompt),
    and the errors it got, which echo the ids it asked for and must say nothing more."""
    answers: list[Any] = []
    errors: list[str] = []
    for tool, arguments in [
        ("timeline", {}), ("timeline", {"q": "Zorblax"}), ("timeline", {"entity": RAY}),
        ("stats", {}), ("entity", {"id": RAY}), ("explain", {"id": RAY}),
        ("neighbors", {"id": RAY, "depth": 3}), ("neighbors", {"id": "organization:hanbit-data", "depth": 3}),
        ("related_skills", {"id": RAY, "limit": 50}),
        *[("search", {"q": word, "limit": 50}) for word in ("Zorblax", "Quetzalcoatl", "Xylophage", "Terraform",
                                                            "interview", "Ray", "Hanbit", "take-home")],
        *[(tool, {"id": ident}) for tool in ("entity", "explain", "neighbors", "related_skills") for ident in HIDDEN_IDS],
        ("path", {"from_id": RAY, "to_id": "skill:terraform"}),
    ]:
        result = await session.call_tool(tool, arguments)
        if result.is_error:
            errors.append(" ".join(getattr(c, "text", "") for c in result.content))
        else:
            answers.append(result.structured_content)
    for uri in ["kb://export", "kb://posts", *(f"kb://posts/{p}" for p in PRIVATE_POSTS)]:
        try:
            answers.append([c.model_dump() for c in (await session.read_resource(uri)).contents])
        except MCPError as exc:
            errors.append(str(exc))
    prompt = await session.get_prompt("career_summary", {"start": "2021", "end": "2022"})
    answers.append([m.model_dump() for m in prompt.messages])
    return json.dumps(answers, ensure_ascii=False).casefold(), errors


def test_private_posts_and_what_only_they_say_never_come_back(blog: Blog) -> None:
    async def scenario() -> None:
        async with stdio_session(blog) as session:
            seen, errors = await everything(session)
            assert "adopted ray" in seen and "hanbit data" in seen  # the public facts are there
            assert not [word for word in SECRETS if word in seen]
            # what only private posts know is as unknown as a typo
            assert len(errors) == 2 * 4 + 1 + 2 and all(e.startswith(("Error executing tool", "no post with id"))
                                                        for e in errors), errors
            assert all("no entity with id" in e or "no post with id" in e for e in errors), errors
            ray = await call(session, "entity", id=RAY)
            assert ray["summary"]["event_count"] == 1  # the private and draft events are not counted either
            assert {s["post_id"] for s in ray["sources"]} == {"2022-01-02-2021-in-review"}
            assert (await call(session, "stats"))["posts"] == 2

    run(scenario)


def test_private_shows_the_owner_everything(blog: Blog) -> None:
    async def scenario() -> None:
        async with stdio_session(blog, "--private") as session:
            seen, errors = await everything(session)
            assert not errors
            assert all(word in seen for word in SECRETS), [w for w in SECRETS if w not in seen]
            related = await call(session, "related_skills", id=RAY)
            assert "skill:terraform" in {r["entity"]["id"] for r in related["related"]}
            hits = (await call(session, "search", q="Zorblax"))["hits"]
            assert any(h["id"] == "2022-03-01-interview" for h in hits)
            stats = await call(session, "stats")
            assert (stats["posts"], stats["private_posts"]) == (4, 2)
            post = json.loads((await session.read_resource("kb://posts/2022-03-01-interview")).contents[0].text)
            assert post["private"] is True and "Quetzalcoatl" in post["body"]

    run(scenario)


@pytest.mark.parametrize("mode", ["initials", "hide"])
def test_people_are_masked_as_kb_public_people_says(blog: Blog, mode: str) -> None:
    async def scenario() -> None:
        async with stdio_session(blog, KB_PUBLIC_PEOPLE=mode) as session:
            seen, _ = await everything(session)
            assert "jane park" not in seen and "person:jane-park" not in seen
            assert "no entity with id 'person:jane-park'" in await failure(session, "entity", id="person:jane-park")
            assert not (await call(session, "search", q="Jane Park"))["hits"]
            people = [n for n in (await call(session, "neighbors", id=RAY))["entities"] if n["kind"] == "person"]
            if mode == "hide":
                assert people == []
                return
            [jane] = people
            assert jane["label"] == "J. P." and jane["id"].startswith("person:jp-")
            masked = await call(session, "entity", id=jane["id"])  # the masked id is an id like any other
            assert masked["summary"]["entity"]["name"] == "J. P." and masked["events"]
            assert jane["id"] in (await call(session, "explain", id=jane["id"]))["id"]

    run(scenario)
