"""Stage 2b: the body as a heading tree of sections, each with its prose blocks.

Headings come from markdown-it-py, never from a `^#` regex (code fences hold many false ones).
Blocks keep their verbatim source and offsets into the body; a `masked` copy of the same length
blanks code, math, HTML, images and URLs so no later stage finds entities in them.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.dollarmath import dollarmath_plugin

_MD = MarkdownIt("commonmark", {"html": True}).use(dollarmath_plugin).enable("table")
# The body is parsed into blocks only: inline parsing is a third of markdown-it's time and only
# headings need it (their plain text), so each heading is parsed inline on its own, with the
# document's env (its link references), exactly as the full parse would have.
_MD_BLOCKS = MarkdownIt("commonmark", {"html": True}).use(dollarmath_plugin).enable("table")
_MD_BLOCKS.core.ruler.disable("inline")

# every repetition is bounded: hostile input (100k brackets, unclosed backticks) stays linear
# a target is a URL or a Hugo cross-reference to another post ('{{< ref "2020-07-13-series-part-1.md" >}}')
_LINK = re.compile(r"(?<!!)\[(?P<text>(?:[^\[\]\n]|\[[^\[\]\n]{0,200}\]){0,300})\]\(\s*"
                   r"(?:\{\{<\s*(?:rel)?ref\s+\"(?P<ref>[^\"\n]{1,500})\"\s*>\}\}|<?(?P<url>[^)\s>]{0,2000})>?"
                   r"(?:\s+\"[^\"\n]{0,300}\")?)\s*\)")
_MASKS = (
    re.compile(r"(`{1,10})(?:(?!\1).){1,2000}?\1", re.DOTALL),        # inline code
    # math: $$…$$, and $…$ (Hangul may touch it: "$x$는"; a LaTeX command may end in a space: "$f(C) $")
    re.compile(r"\$\$.{1,5000}?\$\$|(?<![\\A-Za-z0-9_$])\$(?=\S)(?:(?=[^$\n]{0,1000}[\\^_={}])[^$\n]{1,1000}+|"
               r"[^$\n]{1,1000}?(?<=\S))\$(?![A-Za-z0-9_])", re.DOTALL),
    re.compile(r"!\[[^\]\n]{0,1000}\]\([^)\n]{0,2000}\)"),             # images
    re.compile(r"</?[A-Za-z][^<>]{0,2000}>|<!--.{0,5000}?-->", re.DOTALL),  # HTML
    re.compile(r"&(?:[A-Za-z]{2,8}|#\d{1,6}|#x[0-9A-Fa-f]{1,5});"),           # HTML entities (&nbsp;)
    re.compile(r"\]\([^)\n]{0,2000}\)"),                               # link targets
    re.compile(r"https?://\S+|www\.\S+"),                             # bare URLs
    re.compile(r"\{\{.{0,500}?\}\}|\{%.{0,500}?%\}"),                   # Liquid templates
)


@dataclass(frozen=True)
class Link:
    text: str
    url: str
    start: int  # offsets in the body of the whole `[text](url)`
    end: int


@dataclass(frozen=True)
class Block:
    kind: str  # paragraph | item | quote | row (of a table)
    text: str  # verbatim source
    masked: str  # same length as text; code, math, HTML and URLs blanked
    start: int  # offsets in the body
    end: int
    line: int  # 1-based line in the body
    depth: int = 0  # list nesting
    links: tuple[Link, ...] = ()
    header: str = ""  # a table row's header row ("| 기간 | 회사 | 직무 |"): what each cell is


@dataclass(frozen=True)
class Section:
    heading: str  # plain text of the heading ("" for the text before the first heading)
    level: int  # 1-6, 0 for the preamble
    start: int  # offsets in the body: from the heading line to the next heading
    end: int
    line: int  # 1-based body line of the heading
    parents: tuple[int, ...] = ()  # indexes of enclosing sections, outermost first
    blocks: tuple[Block, ...] = ()


# what each mask pattern cannot match without: most blocks have no code, math or HTML to scan for
_MASK_NEEDS = tuple(re.compile(literals) for literals in (r"`", r"\$", r"!\[", r"<", r"&", r"\]\(", r"http|www\.",
                                                          r"\{"))
_HANGUL_RUNS = re.compile(r"[\uac00-\ud7a3]+")
_LATIN_RUNS = re.compile(r"[A-Za-z]+")
_NOT_NEWLINE = re.compile(r"[^\n]")
_WORD = re.compile(r"[^\W\d_]{2}")


def mask(text: str) -> str:
    """Blank (with spaces, keeping length) everything that must never yield an entity."""
    out = text
    for pattern, needs in zip(_MASKS, _MASK_NEEDS):
        if needs.search(out):
            out = pattern.sub(lambda m: _keep_lines(m.group(0)), out)
    return out.replace("[", " ").replace("]", " ")


def _keep_lines(chunk: str) -> str:
    return _NOT_NEWLINE.sub(" ", chunk) if "\n" in chunk else " " * len(chunk)


def _plain(inline: Token) -> str:
    parts: list[str] = []
    for child in inline.children or []:
        if child.type in ("text", "code_inline", "math_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return re.sub(r"\s+", " ", "".join(parts)).strip()


def _locate(body: str, lines: list[int], token_map: list[int], content: str) -> tuple[int, int]:
    """Offsets of a block's content inside its source lines (markers and indentation left out)."""
    lo = lines[token_map[0]]
    hi = lines[token_map[1]] if token_map[1] < len(lines) else len(body)
    raw = body[lo:hi]
    rows = [r.strip() for r in content.split("\n") if r.strip()]
    if not rows:
        return lo, lo
    first = raw.find(rows[0])
    last = raw.rfind(rows[-1])
    if first < 0 or last < 0:
        return lo, lo + len(raw.rstrip())
    return lo + first, lo + max(last + len(rows[-1]), first + len(rows[0]))


def parse_body(body: str) -> list[Section]:
    """The heading tree: one Section per heading, plus a preamble, each with its text blocks."""
    lines = [0] + [m.end() for m in re.finditer(r"\n", body)]
    env: dict[str, Any] = {}
    tokens = _MD_BLOCKS.parse(body, env)
    sections: list[dict[str, Any]] = [{"heading": "", "level": 0, "start": 0, "line": 1, "parents": (), "blocks": []}]
    stack: list[int] = []  # open sections by level
    context: list[str] = []
    header = ""
    for i, tok in enumerate(tokens):
        if tok.type in ("bullet_list_open", "ordered_list_open", "blockquote_open", "table_open", "thead_open"):
            context.append(tok.type)
        elif tok.type in ("bullet_list_close", "ordered_list_close", "blockquote_close", "table_close", "thead_close"):
            context.pop()
        elif tok.type == "tr_open" and tok.map and "thead_open" in context:
            header = body[lines[tok.map[0]]:].split("\n", 1)[0].strip()
        elif tok.type == "tr_open" and tok.map and "thead_open" not in context:
            # a table row reads as one line: "| 2018.03 ~ 2021.02 | 쿠팡 | 안드로이드 개발 |"
            start = lines[tok.map[0]]
            end = lines[tok.map[0] + 1] - 1 if tok.map[0] + 1 < len(lines) else len(body)
            text = body[start:end].rstrip()
            lead = len(text) - len(text.lstrip())
            if text.strip():
                sections[-1]["blocks"].append(Block("row", text[lead:], mask(text[lead:]), start + lead,
                                                    start + len(text), tok.map[0] + 1, 0, (), header))
        elif tok.type == "html_block" and tok.map:
            # HTML pasted from another blog engine: its text is prose too (tags and entities masked)
            start = lines[tok.map[0]]
            end = lines[tok.map[1]] if tok.map[1] < len(lines) else len(body)
            text = body[start:end].rstrip()
            masked = mask(text)
            if _WORD.search(masked):
                sections[-1]["blocks"].append(Block("paragraph", text, masked, start, start + len(text),
                                                    tok.map[0] + 1, 0, ()))
        elif tok.type == "heading_open" and tok.map:
            level = int(tok.tag[1])
            while stack and sections[stack[-1]]["level"] >= level:
                stack.pop()
            sections.append({"heading": _plain(_MD.parseInline(tokens[i + 1].content, env)[0]), "level": level, "start": lines[tok.map[0]],
                             "line": tok.map[0] + 1, "parents": tuple(stack), "blocks": []})
            stack.append(len(sections) - 1)
        elif tok.type == "inline" and tok.map and i > 0 and tokens[i - 1].type == "paragraph_open":
            if any(c.endswith("list_open") for c in context):
                kind = "item"
            elif "blockquote_open" in context:
                kind = "quote"
            else:
                kind = "paragraph"
            start, end = _locate(body, lines, tok.map, tok.content)
            if end <= start:
                continue
            text = body[start:end]
            links = tuple(Link(m.group("text"), m.group("ref") or m.group("url"), start + m.start(), start + m.end())
                          for m in _LINK.finditer(text)) if "](" in text else ()
            depth = sum(1 for c in context if c.endswith("list_open"))
            sections[-1]["blocks"].append(Block(kind, text, mask(text), start, end,
                                                bisect_right(lines, start), max(depth - 1, 0), links))
    out: list[Section] = []
    for n, sec in enumerate(sections):
        end = sections[n + 1]["start"] if n + 1 < len(sections) else len(body)
        out.append(Section(sec["heading"], sec["level"], sec["start"], end, sec["line"], sec["parents"],
                           tuple(sec["blocks"])))
    return out


def first_heading(sections: list[Section]) -> str | None:
    return next((s.heading for s in sections if s.level and s.heading), None)


def guess_language(sections: list[Section]) -> str | None:
    """'ko' when Hangul is a real share of the prose (Korean posts carry many English terms)."""
    text = " ".join(b.masked for s in sections for b in s.blocks) + " ".join(s.heading for s in sections)
    hangul = sum(map(len, _HANGUL_RUNS.findall(text)))  # runs, not letters: far fewer matches to build
    latin = sum(map(len, _LATIN_RUNS.findall(text)))
    if hangul + latin == 0:
        return None
    return "ko" if hangul / (hangul + latin / 2.5) > 0.3 else "en"
