"""The JSON Resume export rendered as people see it: `resumed` with `jsonresume-theme-even`, both
from npm (installed by scripts/test.sh into $KB_NPM_DIR), and the rendered résumé read back: the
person, each employer with its dates and position, and no third-party repository among projects."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from kb.exports import EXPORTERS
from tests.exports.career_blog import blog, document

NPM = Path(os.environ.get("KB_NPM_DIR", Path.home() / ".cache" / "kb" / "npm"))
RESUMED = NPM / "node_modules" / "resumed" / "bin" / "resumed.js"
THEME = "jsonresume-theme-even"
PROFILE = {"name": "Kim Minji", "label": "ML Engineer", "email": "minji@example.org", "lang": "en",
           "summary": "Distributed training and data platforms.", "location": {"city": "Seoul", "countryCode": "KR"},
           "profiles": [{"network": "GitHub", "username": "minji", "url": "https://github.com/minji"}]}


def test_the_resume_renders_with_a_real_theme(tmp_path: Path) -> None:
    node = shutil.which("node")
    if node is None or not RESUMED.exists() or not (NPM / "node_modules" / THEME).exists():
        pytest.skip(f"node with npm resumed and {THEME} in {NPM} is needed (scripts/test.sh installs them)")
    exported = EXPORTERS["jsonresume"].render({**document(*blog(), profile=PROFILE),
                                               "base_url": "https://minji.example.org/blog"})
    (tmp_path / "resume.json").write_text(exported, encoding="utf-8")
    out = tmp_path / "resume.html"
    ran = subprocess.run([node, str(RESUMED), "render", str(tmp_path / "resume.json"), "--theme", THEME,
                          "--output", str(out)], cwd=NPM, capture_output=True, text=True, timeout=120)
    assert ran.returncode == 0, ran.stdout + ran.stderr
    html = out.read_text(encoding="utf-8")
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    assert "Kim Minji" in text and "ML Engineer" in text and "Seoul" in text
    start = html.index('<section id="work">')
    work = html[start:html.index("<section", start + 1)]
    assert work.index("Beta Labs") < work.index("Acme")  # the current job first
    assert '<time datetime="2022-02">' in work and "Present" in work and "ML 엔지니어" in work
    assert '<time datetime="2020-04">' in work and '<time datetime="2022-01">' in work and "Data Engineer" in work
    assert "Dacon" not in work and "Seoul Univ" not in work
    assert "Trainer" in text and "actions/checkout" not in text
    assert "또한" not in text  # highlights are headlines, not sentences opening with a connective
