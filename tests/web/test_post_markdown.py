"""Post pages as HTML (api/markdown.py): a heading's id is the anchor of the section ingest read
there, whatever the heading holds (HTML, a link, math, code), and a page loads nothing from
another host nor links where the site cannot go."""
from __future__ import annotations

import re

from api.markdown import render_markdown
from ingest.posts.markdown import parse_body
from kb.exports.common import section_anchor

BODY = """# <span style="color:blue"> Combining Uncertainty</span>

## 4. [Python CI: 핑퐁팀 사례](https://blog.example.org/ci#top)

### 3. right $v_i$의 `orthogonality`를 유지

## 같은 제목

## 같은 제목

![a plot](https://images.example.org/plot.png) ![local](/assets/x.png) [another post](../2020/x.html)
[a site](https://example.org) [above](#같은-제목) <img src="https://tracker.example.org/p.gif">
"""


def test_heading_ids_are_the_anchors_of_the_sections_ingest_read() -> None:
    html = render_markdown(BODY)
    ids = re.findall(r'<h\d id="([^"]+)"', html)
    sections = [s.heading for s in parse_body(BODY) if s.heading]
    assert ids[:3] == [section_anchor(h) for h in sections[:3]]
    assert ids[3:] == ["같은-제목", "같은-제목-2"]


def test_nothing_is_loaded_from_elsewhere_and_no_link_leads_off_the_site() -> None:
    html = render_markdown(BODY)
    assert "<img" not in html.replace("&lt;img", "")  # raw HTML stays text
    assert '<a href="https://images.example.org/plot.png" class="image-link">[a plot]</a>' in html
    assert "[local]" in html and "/assets/x.png" not in html
    assert "another post" in html and "../2020/x.html" not in html
    assert '<a href="https://example.org">a site</a>' in html and 'href="#%EA%B0%99%EC%9D%80-%EC%A0%9C%EB%AA%A9"' in html
