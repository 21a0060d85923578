"""A small career built for the résumé tests: two employers (one left, one current), a
competition on a platform, a school, a community talk, the author's own project, and five study
notes naming a third-party repository and a math topic."""
from __future__ import annotations

from typing import Any

from kb.exchange import build_export
from kb.models import PostGraph
from tests.factories import ent, ev, graph


def document(*graphs: PostGraph, profile: dict[str, Any] | None = None) -> dict[str, Any]:
    entities = {e.id: e for g in graphs for e in g.entities}
    return build_export([g.post for g in graphs], entities.values(), [m for g in graphs for m in g.mentions],
                        [e for g in graphs for e in g.events], meta={"profile": profile} if profile else None)


ORGS = [ent("organization:acme", "Acme", category="company"), ent("organization:beta", "Beta Labs", category="company"),
        ent("organization:dacon", "Dacon", category="platform"), ent("organization:snu", "Seoul Univ", category="school"),
        ent("organization:pyko", "PyCon Korea", category="community")]


def blog() -> list[PostGraph]:
    retro = graph(
        "retro",
        ev("event:dacon", "Dacon 위성영상 대회 입상", "2020-01", kind="competition", entities=["organization:dacon"]),
        ev("event:join-acme", "Joined Acme as a Data Engineer", "2020-04", kind="join", entities=["organization:acme"]),
        ev("event:ray", "또한 Ray로 분산실험을 도입했다. 팀 모두가 썼다.", "2021-03", kind="adoption",
           entities=["organization:acme", "skill:ray", "project:trainer"]),
        ev("event:leave-acme", "Left Acme", "2022-01", kind="leave", entities=["organization:acme"]),
        ev("event:join-beta", "Beta Labs 입사 (ML 엔지니어)", "2022-02", kind="join", entities=["organization:beta"]),
        ev("event:school", "Joined Seoul Univ", "2015-03", kind="join", entities=["organization:snu"]),
        ev("event:talk", "특히 PyCon Korea에서 발표", "2022-08", kind="talk",
           entities=["organization:pyko", "skill:kubernetes"]),
        date="2022-12-31", title="회고", entities=[*ORGS, ent("skill:ray", "Ray", category="infrastructure"),
                                                   ent("skill:kubernetes", "Kubernetes", category="infrastructure")])
    notes = [graph(f"note-{n}", ev(f"event:note-{n}", f"Eigenvalues {n}", f"2019-0{n}", kind="publication",
                                   entities=["skill:eigen", "project:actions-checkout"]),
                   date=f"2019-0{n}-01", title=f"Eigen note {n}",
                   entities=[ent("skill:eigen", "Eigenvalues", category="math"),
                             ent("project:actions-checkout", "actions/checkout")]) for n in range(1, 6)]
    return [retro, *notes]
