"""`kb mcp` as an assistant meets it: a real store (SQLite, and Neo4j when KB_TEST_NEO4J_URI is set)
holding a small blog ingested for real, and the server spawned as a subprocess and spoken to with the
SDK's own client (`ClientSession` over `stdio_client`, or `streamable_http_client`)."""
from __future__ import annotations

import os
import textwrap
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import anyio
import pytest
from mcp import ClientSession, StdioServerParameters, stdio_client

from ingest.runs.pipeline import run_ingest
from kb.store import Store
from tests.kbproc import KB, kb_env

# Words that only the private post and the draft contain: no public answer may ever carry one.
SECRETS = ("zorblax", "quetzalcoatl", "xylophage", "terraform", "2022-03-01-interview", "2022-05-01-draft")

POSTS = {
    "kb.yaml": """
        entities:
          - {name: Hanbit Data, type: organization}
          - {name: Jane Park, type: person}
        """,
    "2022-01-02-2021-in-review.md": """
        ---
        title: 2021 in review
        date: 2022-01-02
        tags: [career]
        ---

        Here is what happened in 2021.

        ## Work

        In April 2021 I joined Hanbit Data as a machine learning engineer.

        ### Adopting Ray

        In May 2021 we adopted Ray for distributed experiments; Jane Park and I designed the cluster and
        experiment time was cut in half.

        ### Adopting CI

        In September 2021 we rolled out CI with GitHub Actions and automated our unit tests with pytest.
        """,
    "notes/reading-list.md": """
        ---
        title: Reading list
        ---

        Books I want to read next: Designing Data-Intensive Applications.
        """,
    "2022-03-01-interview.md": """
        ---
        title: Interviewing at Zorblax
        date: 2022-03-01
        private: true
        ---

        ## Quetzalcoatl

        In February 2022 I interviewed at Zorblax Corp for project Quetzalcoatl. I adopted Terraform
        and Ray for the take-home with Jane Park.
        """,
    "2022-05-01-draft.md": """
        ---
        title: Half-written thoughts on Xylophage
        date: 2022-05-01
        draft: true
        ---

        ## Xylophage

        In April 2022 I started using Xylophage with Ray at Hanbit Data.
        """,
}


@dataclass(frozen=True)
class Blog:
    """The ingested blog: the store the tests read directly and the URL `kb mcp` opens."""

    store: Store
    url: str


@pytest.fixture
def blog(request: pytest.FixtureRequest, store: Store, tmp_path: Path) -> Blog:
    folder = tmp_path / "posts"
    folder.mkdir()
    for name, text in POSTS.items():
        (folder / name).parent.mkdir(exist_ok=True)
        (folder / name).write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    report = run_ingest([folder], store)
    assert not report.failed, report.failed
    kind = request.node.callspec.params["store"]
    url = f"sqlite:///{tmp_path}/kb.db" if kind == "sqlite" else os.environ["KB_TEST_NEO4J_URI"]
    return Blog(store, url)


def run(scenario: Callable[[], Awaitable[None]]) -> None:
    """anyio.run, a failure shown as itself rather than deep in the client's exception groups."""
    try:
        anyio.run(scenario)
    except BaseExceptionGroup as group:
        leaf: BaseException = group
        while isinstance(leaf, BaseExceptionGroup):
            leaf = leaf.exceptions[0]
        raise leaf from None


@asynccontextmanager
async def stdio_session(blog: Blog, *args: str, **env: str) -> AsyncIterator[ClientSession]:
    """`kb mcp --db URL ARGS...` spawned by the SDK's stdio client, initialized."""
    params = StdioServerParameters(command=KB[0], args=["mcp", "--db", blog.url, *args], env=kb_env(**env))
    with open(os.devnull, "w") as quiet:
        async with stdio_client(params, errlog=quiet) as (read, write), ClientSession(read, write) as session:
            await session.initialize()
            yield session


async def call(session: ClientSession, tool: str, **arguments: Any) -> dict[str, Any]:
    """A tool's structured answer; fails the test when the tool answered an error."""
    result = await session.call_tool(tool, arguments)
    assert not result.is_error, (tool, arguments, result.content)
    assert result.structured_content is not None
    return result.structured_content


async def failure(session: ClientSession, tool: str, **arguments: Any) -> str:
    """The message of a tool error; fails the test when the tool answered."""
    result = await session.call_tool(tool, arguments)
    assert result.is_error, (tool, arguments, result.structured_content)
    return " ".join(getattr(block, "text", "") for block in result.content)
