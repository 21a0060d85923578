"""What the server offers besides answers: its catalogue of tools, the resources (the posts and the
whole export) and the prompt, as the public sees them."""
from __future__ import annotations

import json

import pytest
from mcp import MCPError

from kb.exports.public import public_document
from tests.mcp.conftest import Blog, run, stdio_session

TOOLS = {"timeline", "search", "entity", "neighbors", "path", "related_skills", "explain", "stats"}


def test_tools_and_the_career_summary_prompt_are_listed_for_an_assistant_to_choose(blog: Blog) -> None:
    async def scenario() -> None:
        async with stdio_session(blog) as session:
            tools = {t.name: t for t in (await session.list_tools()).tools}
            assert set(tools) == TOOLS
            for tool in tools.values():
                assert tool.description and len(tool.description) > 60, tool.name
                assert tool.input_schema["type"] == "object" and tool.output_schema, tool.name
                assert tool.annotations is not None and tool.annotations.read_only_hint, tool.name
            assert tools["timeline"].input_schema["properties"].keys() >= {"start", "end", "kind", "entity", "q", "limit"}
            assert tools["path"].input_schema["required"] == ["from_id", "to_id"]

            [prompt] = (await session.list_prompts()).prompts
            assert prompt.name == "career_summary" and "between two dates" in (prompt.title or "")
            assert [(a.name, a.required) for a in prompt.arguments or []] == [("start", True), ("end", True)]
            [message] = (await session.get_prompt("career_summary", {"start": "2021", "end": "2021-12"})).messages
            text = message.content.text  # type: ignore[union-attr]
            assert message.role == "user"
            assert 'start="2021"' in text and 'end="2021-12"' in text
            assert all(f"`{tool}`" in text for tool in ("timeline", "entity", "related_skills", "neighbors"))
            with pytest.raises(MCPError, match="not an ISO date at year, month or day precision: 'last spring'"):
                await session.get_prompt("career_summary", {"start": "last spring", "end": "2021"})

    run(scenario)


def test_posts_and_the_export_are_resources(blog: Blog) -> None:
    async def scenario() -> None:
        async with stdio_session(blog) as session:
            assert {str(r.uri) for r in (await session.list_resources()).resources} == {"kb://export", "kb://posts"}
            [template] = (await session.list_resource_templates()).resource_templates
            assert template.uri_template == "kb://posts/{+id}"

            listed = json.loads((await session.read_resource("kb://posts")).contents[0].text)
            assert {p["id"]: p["uri"] for p in listed} == {
                "2022-01-02-2021-in-review": "kb://posts/2022-01-02-2021-in-review",
                "notes/reading-list": "kb://posts/notes/reading-list"}
            for entry in listed:  # each URI reads its post, a folder in the id included
                post = json.loads((await session.read_resource(entry["uri"])).contents[0].text)
                assert post["id"] == entry["id"] and post["title"] == entry["title"] and post["body"]
            review = json.loads((await session.read_resource("kb://posts/2022-01-02-2021-in-review")).contents[0].text)
            assert "we adopted Ray" in review["body"] and review["date"] == "2022-01-02"
            with pytest.raises(MCPError, match="no post with id 'nope'"):
                await session.read_resource("kb://posts/nope")

            export = json.loads((await session.read_resource("kb://export")).contents[0].text)
            assert export == public_document(blog.store.export(include_private=False))
            assert export["format"] == "kb-export" and len(export["posts"]) == 2

    run(scenario)
