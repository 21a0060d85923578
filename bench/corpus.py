"""A deterministic synthetic blog: Korean and English retrospectives and technical posts.

Why synthetic: the benchmark needs 1k-100k posts and the real blog has 76. Posts are shaped
like the real ones (frontmatter, heading trees, "입사 후: 2020-04 ~ 2020-12" periods, dates,
lists, tables, code fences, math, links, people, skill names taken from ingest/data/skills.yaml)
with lengths around the real blog's (a few KB; technical posts longer). Post `i` depends only
on (seed, i), so the first 1k posts of a 10k corpus are the 1k corpus.
"""
from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parent.parent / "ingest" / "data"

KO_COMPANIES = ("한빛데이터", "누리랩스", "바람소프트", "다온에이아이", "새벽테크", "미르시스템즈", "하늘클라우드", "온새미로")
EN_COMPANIES = ("Northwind Labs", "Bluefin Technologies", "Acme Corp", "Orbital Studios", "Quartz Group")
KO_PEOPLE = ("김민수", "이서연", "박지훈", "최유진", "정하늘", "강도윤", "조수아", "윤서준", "장예린", "한지호")
EN_PEOPLE = ("Amy", "Ben Carter", "Chloe", "Daniel Kim", "Ethan", "Grace Lee", "Hannah", "Isaac")
KO_ROLES = ("팀장님", "사수", "멘토님", "시니어분들", "대표님")
KO_VERBS = ("도입했다", "구축했다", "개발했다", "발표했다", "공부했다", "운영했다", "개선했다", "설계했다", "배웠다")
EN_VERBS = ("Built", "Shipped", "Migrated", "Presented", "Learned", "Led", "Designed", "Introduced")
KO_FILLER = ("처음에는 막막했지만 하나씩 정리하면서 방향이 보였다.", "생각보다 시간이 많이 걸렸고 시행착오도 많았다.",
             "팀원들과 매주 회의를 하면서 진행 상황을 공유했다.", "결과적으로 실험 시간이 절반으로 줄었다.",
             "이 경험 덕분에 문제를 나누어 생각하는 습관이 생겼다.", "아직 부족한 부분이 많아서 더 공부해야 한다.",
             "분산 환경에서 재현성을 지키는 것이 가장 어려웠다.", "문서를 꼼꼼히 남긴 것이 나중에 큰 도움이 되었다.")
EN_FILLER = ("It took longer than planned, but the result was worth it.",
             "We reviewed the design every week and kept a short decision log.",
             "The hardest part was keeping experiments reproducible across machines.",
             "Looking back, writing things down early saved us a lot of time.",
             "Latency dropped by a third after the change, and nobody missed the old system.",
             "I still have a lot to learn here, but the basics finally clicked.")
TECH_KO = ("의 수식을 정리해 보면 다음과 같다.", "는 기울기 소실 문제를 완화한다.", "을 사용하면 메모리를 크게 아낄 수 있다.",
           "의 핵심 아이디어는 단순하다.", "와 비교했을 때 수렴 속도가 빠르다.")
TECH_EN = (" reduces the variance of the estimator.", " is easy to get wrong with mixed precision.",
           " scales linearly with the batch size.", " makes the loss surface smoother in practice.",
           " needs careful initialisation to train at all.")

# Most sentences of a technical post name no tool: entity density then matches the real blog
# (about 60 sightings in a 6.6 KB post).
PLAIN_KO = ("이 식을 조금 바꾸면 학습이 훨씬 안정적이다.", "직관적으로는 분포 사이의 거리를 줄이는 것이다.",
            "실제로 구현해 보면 몇 가지 함정이 있다.", "논문에서는 이 부분을 짧게 넘어가지만 중요하다.",
            "배치 크기를 키우면 결과가 조금 달라진다.", "아래 코드는 가장 단순한 형태의 구현이다.",
            "여기서 기댓값은 샘플 평균으로 근사한다.", "두 항의 균형을 맞추는 것이 핵심이다.")
PLAIN_EN = ("A small change to this term makes training far more stable.", "Intuitively, we shrink the distance "
            "between two distributions.", "Implementing it reveals a few traps.", "The paper skips this step, "
            "but it matters.", "Larger batches change the result slightly.", "The code below is the simplest "
            "version.", "The expectation is approximated by a sample mean.", "Balancing the two terms is the key.")


@dataclass(frozen=True)
class Vocab:
    skills: tuple[str, ...]
    organizations: tuple[str, ...]


def load_vocab() -> Vocab:
    """Skill and organization names from the ingest vocabularies, so the extractor finds real terms."""
    skills = yaml.safe_load((DATA / "skills.yaml").read_text(encoding="utf-8")) or []
    orgs = yaml.safe_load((DATA / "organizations.yaml").read_text(encoding="utf-8")) or []
    return Vocab(tuple(str(s["name"]) for s in skills if s.get("name")),
                 tuple(str(o["name"]) for o in orgs if o.get("name")))


def _skills(rng: random.Random, vocab: Vocab, k: int) -> list[str]:
    """Zipf-ish: the first hundred names are common, the long tail rare, as on a real blog."""
    head = vocab.skills[:100]
    return [rng.choice(head) if rng.random() < 0.6 else rng.choice(vocab.skills) for _ in range(k)]


def _period(year: int, rng: random.Random) -> tuple[str, str]:
    a = rng.randint(1, 10)
    b = rng.randint(a + 1, 12)
    return f"{year}-{a:02d}", f"{year}-{b:02d}"


def _code(rng: random.Random, skill: str) -> str:
    lines = [f"# {skill} example", "import numpy as np", "", "def step(x, lr=1e-3):"]
    lines += [f"    x = x - lr * np.tanh(x * {rng.randint(2, 9)})  # {rng.choice(['update', 'clip', 'scale'])}"
              for _ in range(rng.randint(3, 12))]
    lines += ["    return x", "", "## not a heading: inside a fence"]
    return "```python\n" + "\n".join(lines) + "\n```"


def ko_retrospective(rng: random.Random, vocab: Vocab, year: int) -> tuple[dict, str]:
    company = rng.choice(KO_COMPANIES)
    before, after = _period(year, rng)[0], f"{year}-12"
    parts = [f"# 나의 {year}년", "", f"{year}년은 '{company}'에 입사한 전과 후로 나뉜다. {rng.choice(KO_FILLER)}", ""]
    joined = f"{year}-{rng.randint(2, 9):02d}"
    for title, span in ((f"입사 전: {year}-01 ~ {before}", None), (f"입사 후: {joined} ~ {after}", joined)):
        parts += [f"## {title}", ""]
        if span:
            parts += [f"{span[:4]}년 {int(span[5:])}월에 '{company}'에 머신러닝 엔지니어로 입사했다.", ""]
        for _ in range(rng.randint(2, 4)):
            a, b = _skills(rng, vocab, 2)
            person = rng.choice(KO_PEOPLE + KO_ROLES)
            parts += [f"### {a} {rng.choice(('도입', '스터디', '프로젝트', '개선'))}", "",
                      f"{a}와 {b}를 사용해서 사내 플랫폼을 {rng.choice(KO_VERBS)} {person}과 함께 설계했다.",
                      " ".join(rng.sample(KO_FILLER, 3)), "",
                      f"- {a}: {rng.randint(2, 40)}개 서비스에 적용", f"- {b} 파이프라인 {rng.choice(KO_VERBS)}",
                      f"- [{a} 공식 문서](https://example.com/{a.lower().replace(' ', '-')}) 정리", ""]
    parts += ["## 끝으로", "", f"내년에는 {_skills(rng, vocab, 1)[0]} 스터디를 기획하고 있다. {rng.choice(KO_FILLER)}"]
    meta = {"title": f"{year}년 회고", "categories": ["회고"], "tags": ["career", "retrospective"]}
    return meta, "\n".join(parts)


def en_review(rng: random.Random, vocab: Vocab, year: int) -> tuple[dict, str]:
    company = rng.choice(EN_COMPANIES)
    parts = [f"# {year} in review", "", f"In {rng.choice(('March', 'April', 'June'))} {year} I joined {company} "
             f"as a data engineer. {rng.choice(EN_FILLER)}", ""]
    for quarter in range(1, rng.randint(3, 5)):
        lo, hi = _period(year, rng)
        parts += [f"## {lo} ~ {hi}", ""]
        for _ in range(rng.randint(2, 4)):
            a, b = _skills(rng, vocab, 2)
            friend = rng.choice(EN_PEOPLE)
            parts += [f"- {rng.choice(EN_VERBS)} a {a} service with {b}; my friend {friend} reviewed it.",
                      f"- {rng.choice(EN_FILLER)}"]
        parts += ["", " ".join(rng.sample(EN_FILLER, 3)), ""]
    parts += ["## Talks and writing", "", "| when | what | where |", "| --- | --- | --- |"]
    for _ in range(rng.randint(1, 3)):
        parts.append(f"| {year}-{rng.randint(1, 12):02d} | {_skills(rng, vocab, 1)[0]} talk | "
                     f"{rng.choice(vocab.organizations)} |")
    parts += ["", f"Next year: more {_skills(rng, vocab, 1)[0]}, less yak shaving."]
    meta = {"title": f"{year} year in review", "tags": ["review", "career"]}
    return meta, "\n".join(parts)


def technical(rng: random.Random, vocab: Vocab, year: int, korean: bool) -> tuple[dict, str]:
    topic, *others = _skills(rng, vocab, 5)
    parts = [f"# {topic} {'정리글' if korean else 'notes'}", ""]
    tails, plain = (TECH_KO, PLAIN_KO) if korean else (TECH_EN, PLAIN_EN)
    for n in range(rng.randint(3, 8)):
        parts += [f"## {n + 1}. {rng.choice(others)}", ""]
        for _ in range(rng.randint(2, 5)):
            sentence = " ".join(f"{rng.choice(others)}{rng.choice(tails)}" if rng.random() < 0.3 else rng.choice(plain)
                                for _ in range(rng.randint(3, 6)))
            parts += [sentence, ""]
        if rng.random() < 0.6:
            parts += [_code(rng, topic), ""]
        if rng.random() < 0.5:
            parts += ["$$", r"\mathcal{L} = \mathbb{E}_{q(z|x)}[\log p(x|z)] - D_{KL}(q(z|x) \| p(z))", "$$", ""]
        if rng.random() < 0.4:
            parts += [f"### {rng.choice(others)} 참고" if korean else f"### {rng.choice(others)} references", "",
                      f"- [{rng.choice(others)} paper](https://arxiv.org/abs/{year % 100:02d}{rng.randint(1, 12):02d}."
                      f"{rng.randint(10000, 99999)})", ""]
    meta = {"title": f"{topic} {'정리' if korean else 'notes'}", "tags": ["ml", topic.lower()],
            "categories": ["공부" if korean else "study"]}
    return meta, "\n".join(parts)


KINDS: tuple[tuple[str, float], ...] = (("ko_retro", 0.2), ("en_review", 0.15), ("ko_tech", 0.4), ("en_tech", 0.25))


def post(seed: int, index: int, vocab: Vocab) -> tuple[str, str]:
    """(relative path, file text) of post `index`: the same for every corpus size."""
    rng = random.Random(f"{seed}:{index}")
    year = rng.randint(2012, 2025)
    date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    kind = rng.choices([k for k, _ in KINDS], [w for _, w in KINDS])[0]
    makers: dict[str, Callable[[], tuple[dict, str]]] = {
        "ko_retro": lambda: ko_retrospective(rng, vocab, year), "en_review": lambda: en_review(rng, vocab, year),
        "ko_tech": lambda: technical(rng, vocab, year, True), "en_tech": lambda: technical(rng, vocab, year, False)}
    meta, body = makers[kind]()
    if rng.random() < 0.05:
        meta["private"] = True
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False).strip()
    return f"{year}/{date}-{kind}-{index:06d}.md", f"---\n{front}\n---\n\n{body}\n"


def generate(directory: Path, count: int, seed: int = 7) -> tuple[int, int]:
    """Write `count` posts under `directory`; returns (files, bytes)."""
    vocab = load_vocab()
    total = 0
    for index in range(count):
        rel, text = post(seed, index, vocab)
        target = directory / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        target.write_bytes(data)
        total += len(data)
    return count, total


def edit(file: Path, round_: int) -> None:
    """A realistic edit: one more sentence in the post's last section."""
    text = file.read_text(encoding="utf-8")
    file.write_text(text + f"\nEdited again (round {round_}): I also wrote a short Docker guide.\n", encoding="utf-8")


def parse_size(text: str) -> int:
    """'1k' -> 1000, '10k' -> 10000, '100' -> 100."""
    text = text.strip().lower()
    if text.endswith("k"):
        return int(float(text[:-1]) * 1000)
    if text.endswith("m"):
        return int(float(text[:-1]) * 1_000_000)
    return int(text)


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description="write a synthetic blog corpus")
    parser.add_argument("directory", type=Path)
    parser.add_argument("--posts", default="1k")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    files, size = generate(args.directory, parse_size(args.posts), args.seed)
    print(f"{files} posts, {size / 1e6:.1f} MB in {args.directory}")


if __name__ == "__main__":
    main()
