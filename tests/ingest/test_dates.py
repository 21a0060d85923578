from __future__ import annotations

import pytest

from ingest.language.dates import DateSpan, find_dates, parse_date, title_year, within

TABLE = [
    # text, base, expected spans
    ("2020", None, [("2020", None)]),
    ("2020-04", None, [("2020-04", None)]),
    ("2020-04-15", None, [("2020-04-15", None)]),
    ("2020.01", None, [("2020-01", None)]),
    ("2020.01.05", None, [("2020-01-05", None)]),
    ("2021/12/21", None, [("2021-12-21", None)]),
    ("2020년", None, [("2020", None)]),
    ("2020년 12월", None, [("2020-12", None)]),
    ("2020년 12월 3일", None, [("2020-12-03", None)]),
    ("March 2021", None, [("2021-03", None)]),
    ("Mar 2021", None, [("2021-03", None)]),
    ("May 3, 2021", None, [("2021-05-03", None)]),
    ("2020-01 ~ 2020-03", None, [("2020-01", "2020-03")]),
    ("2020-01 - 2020-03", None, [("2020-01", "2020-03")]),
    ("입사 후: 2020-04 ~ 2020-12", None, [("2020-04", "2020-12")]),
    ("2020년 1월~3월", None, [("2020-01", "2020-03")]),
    ("from January to March 2020", None, [("2020-01", "2020-03")]),
    ("작년에", "2022-12-31", [("2021", None)]),
    ("지난해", "2022-06-01", [("2021", None)]),
    ("올해는", "2022-12-31", [("2022", None)]),
    ("금년", "2022-12-31", [("2022", None)]),
    ("내년 6월부터", "2022-12-31", [("2023-06", None)]),
    ("연말에", "2022-05-01", [("2022-12", None)]),
    ("연초", "2022-05-01", [("2022-01", None)]),
    ("상반기", "2021-09-01", [("2021-01", "2021-06")]),
    ("작년 하반기", "2022-12-31", [("2021-07", "2021-12")]),
    ("1년전 이쯤", "2022-12-31", [("2021-12", None)]),
    ("last year", "2021-05-01", [("2020", None)]),
    ("this year", "2021-05-01", [("2021", None)]),
    ("next year", "2021-05-01", [("2022", None)]),
    ("I joined in May", "2021-12-18", [("2021-05", None)]),
    ("this summer", "2020-02-02", [("2020-06", "2020-08")]),
    ("earlier this year", "2021-05-01", [("2021", None)]),
    ("19년, 20년에는", "2022-12-31", [("2019", None), ("2020", None)]),
]


@pytest.mark.parametrize("text, base, expected", TABLE)
def test_date_grammar(text: str, base: str | None, expected: list[tuple[str, str | None]]) -> None:
    assert [(m.span.start, m.span.end) for m in find_dates(text, base)] == expected


@pytest.mark.parametrize("text", ["3.5+ years at Ad Hoc", "15년된 차", "26년 인생", "7년간 다님", "겨울에는 버스",
                                  "v1.2.3 released", "작년"])
def test_not_dates_or_unresolvable_without_base(text: str) -> None:
    base = None if text == "작년" else "2022-12-31"
    assert find_dates(text, base) == []


def test_until_and_since_marks() -> None:
    until = find_dates("2020년 12월까지 계속", None)[0]
    since = find_dates("since March 2021", None)[0]
    assert until.until and not until.since
    assert since.since and since.span.start == "2021-03"


def test_parse_date_values() -> None:
    import datetime as dt

    assert parse_date(dt.date(2021, 1, 2)) == "2021-01-02"
    assert parse_date(dt.datetime(2021, 1, 2, 23, 0)) == "2021-01-02"
    assert parse_date("2021-11-25 22:24:34 +0900") == "2021-11-25"
    assert parse_date(2020) == "2020"
    assert parse_date("someday") is None


def test_retrospective_title_year() -> None:
    assert title_year("2020년 회고", "2021-01-01") == "2020"
    assert title_year("22년 회고", "2022-12-31") == "2022"
    assert title_year("2021 Year in Review", "2022-01-05") == "2021"
    assert title_year("Year in review", "2022-01-05") == "2021"
    assert title_year("Understanding Ray", "2022-01-05") is None


@pytest.mark.parametrize("heading", ["1월 :: 3월", "1월 → 3월", "2018.01 -> 2018.03"])
def test_arrows_and_double_colons_join_a_range(heading: str) -> None:
    from ingest.language.dates import period_of

    assert period_of(heading, "2018-12-31") == DateSpan("2018-01", "2018-03")


def test_a_four_digit_year_before_dongan_is_that_year_but_a_count_of_years_is_no_date() -> None:
    assert [m.span.start for m in find_dates("그래서 2020년 동안은 졸업 준비를 했다", "2021-04-19")] == ["2020"]
    assert find_dates("2년 동안 공부했다", "2021-04-19") == [] and find_dates("20년 동안", "2021-04-19") == []


def test_a_log_of_a_year_posted_early_the_next_year_is_about_that_year() -> None:
    assert title_year("dididy.2020.log", "2021-01-20") == "2020"
    assert title_year("Notes on the 2020 election data", "2021-07-20") is None  # not early the next year
    assert title_year("Python 2020 tips", "2020-05-01") is None


def test_within() -> None:
    assert within(DateSpan("2020-05"), DateSpan("2020-04", "2020-12"))
    assert not within(DateSpan("2019"), DateSpan("2020-04", "2020-12"))


@pytest.mark.parametrize("text, start", [("2022.07 ~ 현재: 당근마켓", "2022-07"), ("March 2020 - present", "2020-03"),
                                         ("2019년 3월부터 재직 중", "2019-03")])
def test_ongoing_periods_have_a_start_and_no_end(text: str, start: str) -> None:
    (match,) = find_dates(text, "2022-12-31")
    assert (match.span.start, match.span.end, match.since) == (start, None, True)


def test_month_ranges_and_bare_month_headings() -> None:
    assert [(m.span.start, m.span.end) for m in find_dates("1~3월", "2022-12")] == [("2022-01", "2022-03")]
    assert [m.span.start for m in find_dates("January", "2022-12")] == ["2022-01"]
    assert find_dates("May I help you", "2022-12") == []


@pytest.mark.parametrize("text, span", [("2021년 1분기", ("2021-01", "2021-03")), ("Q3 2021", ("2021-07", "2021-09")),
                                        ("2021 Q3", ("2021-07", "2021-09")), ("3분기에", ("2022-07", "2022-09"))])
def test_quarters(text: str, span: tuple[str, str]) -> None:
    assert [(m.span.start, m.span.end) for m in find_dates(text, "2022-12")] == [span]


@pytest.mark.parametrize("text", ["ſep 2020", "in ſeptember 2020", "ſince ſep"])
def test_a_month_name_that_only_case_folding_matches_is_read_not_a_crash(text: str) -> None:
    """The patterns ignore case the Unicode way (the long s is an s), so the lookup must too."""
    assert [(m.span.start, m.span.end) for m in find_dates(text, "2020-05-01")] == [("2020-09", None)]


def test_month_of_year_and_abbreviated_months_keep_their_year() -> None:
    from ingest.language.dates import find_dates
    from ingest.language.text import sentences

    text = "I started in November of 2019, got laid off in May of 2020."
    assert [m.span.start for m in find_dates(text, "2021")] == ["2019-11", "2020-05"]
    update = "**Update (Jan. 31, 2020)**: a second post. Then Dr. Kim came."
    assert [update[a:b] for a, b in sentences(update)] == ["**Update (Jan. 31, 2020)**: a second post.",
                                                           "Then Dr. Kim came."]


def test_an_nth_year_post_early_in_a_year_reviews_the_year_before() -> None:
    from ingest.language.dates import title_year

    assert title_year("My First Year as a Solo Developer", "2019-02-01") == "2018"
    assert title_year("One Year In", "2021-10-29") == "2021"
    assert title_year("Five years ago I wrote this", "2021-10-29") is None


def test_a_weekday_heading_in_a_dated_diary_is_that_day_of_the_week() -> None:
    from ingest.language.dates import period_of

    assert period_of("Monday", "2018-07-06").start == "2018-07-02"  # 2018-07-06 was a Friday
    assert period_of("금요일", "2018-07-06").start == "2018-07-06"
    assert period_of("Monday", "2018-07") is None  # no day to count back from


def test_org_names_after_at_do_not_swallow_a_trailing_and() -> None:
    from ingest.facts.cues import organizations

    names = {c.name for c in organizations("I joined CloudAfrica and started the ramp up at work.")}
    assert "CloudAfrica" in names and "CloudAfrica and" not in names


def test_a_date_only_in_the_folders_is_the_post_date() -> None:
    from ingest.language.dates import date_from_path

    assert date_from_path("2021-03-15-retro.md") == "2021-03-15"
    assert date_from_path("blog/2021/03/15/retro/index.md") == "2021-03-15"
    assert date_from_path("posts/2021-03-retro/index.md") == "2021-03"
    assert date_from_path("notes/2021-13-01-x/index.md") is None and date_from_path("index.md") is None


def test_a_post_with_no_date_of_its_own_is_dated_by_the_latest_date_it_states() -> None:
    from tests.ingest.conftest import make_post

    post = make_post("# 퇴사\n\n2019년 3월에 입사했고, 제가 2021년 4월 19일(월) 퇴사를 합니다.\n", path="README.md")
    assert post.meta.date == "2021-04-19"
    assert make_post("# Notes\n\nNothing dated here.\n", path="notes.md").meta.date is None


def test_a_retrospective_titled_without_a_year_reviews_the_months_before_it() -> None:
    from ingest.language.dates import title_year

    assert title_year("스타트업 인턴 회고: PeopleFund", "2018-02-23") == "2017"
    assert title_year("Year Review", "2018-12-13") == "2018"
    assert title_year("Notes on Go", "2018-12-13") is None  # not a retrospective


def test_a_two_digit_year_with_a_month_is_a_date_even_without_a_post_date() -> None:
    from ingest.language.dates import find_dates

    assert [m.span.start for m in find_dates("14년 12월 입대로 신청하였습니다")] == ["2014-12"]
    assert find_dates("14년 동안 일했다") == []


def test_that_summer_is_the_summer_of_the_year_being_told() -> None:
    from ingest.language.dates import find_dates

    assert [(m.span.start, m.span.end) for m in find_dates("That summer I interned at Kakao.", "2019-12")] == \
        [("2019-06", "2019-08")]
