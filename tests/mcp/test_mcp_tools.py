"""Every tool over stdio, as an assistant calls it: answers with their sources, and errors that say
what is wrong without stopping the server."""
from __future__ import annotations


from tests.mcp.conftest import Blog, call, failure, run, stdio_session

RAY, CI, HANBIT = "skill:ray", "skill:continuous-integration", "organization:hanbit-data"
REVIEW = "2022-01-02-2021-in-review"


def by_title(events: list[dict], title: str) -> dict:
    found = [e for e in events if e["title"] == title]
    assert len(found) == 1, [e["title"] for e in events]
    return found[0]


def assert_sourced(event: dict, section: str, words: str) -> None:
    """The event cites the review post, the section it is told in and a quote saying it."""
    assert event["sources"], event
    assert all(s["post_id"] == REVIEW for s in event["sources"]), event["sources"]
    assert any(s["section"] == section and words in s["quote"] for s in event["sources"]), event["sources"]


def test_each_tool_answers_with_the_source_of_every_fact(blog: Blog) -> None:
    async def scenario() -> None:
        async with stdio_session(blog) as session:
            events = (await call(session, "timeline", start="2021", end="2021"))["items"]
            ray = by_title(events, "Adopting Ray")
            ci = by_title(events, "Adopting CI")
            assert (ray["kind"], ray["start"], ci["kind"], ci["start"]) == ("adoption", "2021-05", "adoption", "2021-09")
            assert {RAY, HANBIT} <= set(ray["entities"]) and {CI, HANBIT} <= set(ci["entities"])
            assert_sourced(ray, "Adopting Ray", "adopted Ray")
            assert_sourced(ci, "Adopting CI", "rolled out CI")
            only = (await call(session, "timeline", entity=RAY, kind="adoption"))["items"]
            assert [e["id"] for e in only] == [ray["id"]]
            first = await call(session, "timeline", start="2021", limit=1)
            assert len(first["items"]) == 1 and first["next_cursor"]
            rest = await call(session, "timeline", start="2021", cursor=first["next_cursor"])
            assert ray["id"] in {e["id"] for e in first["items"] + rest["items"]}

            hits = (await call(session, "search", q="Ray"))["hits"]
            ray_hit = next(h for h in hits if h["id"] == RAY)
            assert ray_hit["kind"] == "entity" and ray_hit["sources"][0]["post_id"] == REVIEW
            assert all(h["sources"] for h in hits if h["kind"] == "event")

            entity = await call(session, "entity", id=RAY)
            assert entity["summary"]["entity"]["name"] == "Ray" and entity["summary"]["first"] == "2021-05"
            assert [e["id"] for e in entity["events"]] == [ray["id"]]
            assert any("adopted Ray" in s["quote"] for s in entity["sources"])

            hood = await call(session, "neighbors", id=RAY)
            assert hood["center"] == RAY and {HANBIT, "skill:distributed-computing"} <= {n["id"] for n in hood["entities"]}
            assert_sourced(by_title(hood["events"], "Adopting Ray"), "Adopting Ray", "adopted Ray")
            wider = await call(session, "neighbors", id=RAY, depth=2)
            assert CI in {n["id"] for n in wider["entities"]}

            chain = await call(session, "path", from_id=RAY, to_id=CI)
            assert chain["length"] == 2 and chain["nodes"][0]["id"] == RAY and chain["nodes"][-1]["id"] == CI
            assert [e["id"] for e in chain["events"]] == [n["id"] for n in chain["nodes"] if n["kind"] == "event"]
            assert_sourced(by_title(chain["events"], "Adopting CI"), "Adopting CI", "rolled out CI")

            related = await call(session, "related_skills", id=RAY)
            assert related["skill"] == RAY
            computing = next(r for r in related["related"] if r["entity"]["id"] == "skill:distributed-computing")
            assert computing["weight"] == 1 and computing["first"] == "2021-05"
            assert [e["id"] for e in computing["evidence"]] == [ray["id"]]
            assert_sourced(computing["evidence"][0], "Adopting Ray", "adopted Ray")

            why = await call(session, "explain", id=ray["id"])
            assert why["kind"] == "event" and why["name"] == "Adopting Ray" and RAY in why["entities"]
            assert_sourced(why, "Adopting Ray", "adopted Ray")
            why = await call(session, "explain", id=CI)
            assert why["kind"] == "skill" and why["summary"]["event_count"] == 1
            assert all(s["post_id"] == REVIEW for s in why["sources"]) and why["sources"]

            stats = await call(session, "stats")
            everything = (await call(session, "timeline", limit=200))["items"]
            assert stats["posts"] == 2 and stats["events"] == len(everything) and stats["first"] == "2021-04"

    run(scenario)


UNKNOWN = "skill:no-such-thing"
ERRORS = [  # (tool, arguments, what the message must say)
    ("entity", {"id": UNKNOWN}, "no entity with id 'skill:no-such-thing'"),
    ("neighbors", {"id": UNKNOWN}, "no entity with id"),
    ("path", {"from_id": RAY, "to_id": UNKNOWN}, "no entity with id"),
    ("related_skills", {"id": UNKNOWN}, "no entity with id"),
    ("explain", {"id": UNKNOWN}, "no entity with id"),
    ("explain", {"id": "event:000000000000"}, "no event with id"),
    ("timeline", {"entity": UNKNOWN}, "no entity with id"),
    ("path", {"from_id": RAY, "to_id": CI, "max_length": 1}, "no path from 'skill:ray' to"),
    ("timeline", {"start": "May 2021"}, "start"),
    ("timeline", {"kind": "holiday"}, "kind"),
    ("timeline", {"limit": 0}, "limit"),
    ("timeline", {"cursor": "not-a-cursor"}, "cursor"),
    ("neighbors", {"id": RAY, "depth": 9}, "depth"),
    ("search", {"q": ""}, "q"),
    ("entity", {}, "id"),
    ("no_such_tool", {}, "no_such_tool"),
]


def test_an_unknown_id_or_a_bad_argument_is_a_tool_error_and_the_server_keeps_serving(blog: Blog) -> None:
    async def scenario() -> None:
        async with stdio_session(blog) as session:
            for tool, arguments, message in ERRORS:
                text = await failure(session, tool, **arguments)
                assert message in text, (tool, arguments, text)
                assert (await call(session, "entity", id=RAY))["summary"]["entity"]["id"] == RAY

    run(scenario)
