"""The views and commands count stories by default, every copy with --per-article, and
one figure per value within an article either way (tests/stories/families.py: a chapter's
story republished verbatim, a press release on three sites, a Vietnamese story and its
English version, and another English story of the same week)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from ctd_crawler.analysis import facts, report
from ctd_crawler.analysis.filters import Filters
from ctd_crawler.cli import main
from ctd_crawler.store import open_archive
from tests.stories.families import PRESS_RELEASE, TRANSLATION, VERBATIM, add_sites, item_for

# Amounts in đồng that are not per-unit, as the texts give them.
TUONG_DUONG = 350_000_000  # in both copies of VERBATIM
THANH_HOA = 2_800_000_000 + 42_000_000_000  # in all three copies (the paper's gives 2,8 tỷ in its headline and its body)
CAO_BANG = 2_500_000_000  # in the Vietnamese story and its English version (twice in the English one)
LANG_SON = 2_500_000_000  # another story, another province
PER_STORY = TUONG_DUONG + THANH_HOA + CAO_BANG + LANG_SON
PER_ARTICLE = 2 * TUONG_DUONG + 3 * THANH_HOA + 2 * CAO_BANG + LANG_SON


@pytest.fixture(scope="module")
def path(tmp_path_factory):
    path = tmp_path_factory.mktemp("stories") / "ctd.sqlite"
    archive = open_archive(path)
    add_sites(archive)
    for family in (VERBATIM, PRESS_RELEASE, TRANSLATION):
        for art in family.articles:
            archive.save(item_for(art))
    archive.close()
    return path


@pytest.fixture(scope="module")
def db(path):
    archive = open_archive(path, readonly=True)
    yield archive.db
    archive.close()


def test_the_archive_holds_four_stories_of_eight_articles(db):
    assert db.execute("SELECT COUNT(*), (SELECT COUNT(*) FROM stories) FROM articles").fetchone() == (8, 4)


def test_money_per_story_counts_each_figure_once(db):
    result = facts.money(db, limit=100, by="province")
    assert result["totals"]["total_vnd"] == PER_STORY and result["totals"]["stories"] == 4
    assert {g["province"]: g["total_vnd"] for g in result["groups"]} == {
        "Nghệ An": TUONG_DUONG, "Thanh Hóa": THANH_HOA, "Cao Bằng": CAO_BANG, "Lạng Sơn": LANG_SON}
    thanh_hoa = [r for r in result["rows"] if r["province"] == "Thanh Hóa" and r["amount_vnd"] == 2_800_000_000]
    assert len(thanh_hoa) == 1 and thanh_hoa[0]["copies"] == 3 and thanh_hoa[0]["site"] == "chapter-th"


def test_money_per_article_counts_every_copy_but_each_value_once_within_one(db):
    result = facts.money(db, limit=100, by="site", per_article=True)
    assert result["totals"]["total_vnd"] == PER_ARTICLE and result["totals"]["articles"] == 8
    paper = db.execute("SELECT COUNT(*) FROM money m JOIN articles a ON a.id = m.article_id "
                       "WHERE a.site = 'paper-th' AND m.amount_vnd = 2800000000").fetchone()[0]
    assert paper == 1  # the extractor gives a value repeated in headline and body once (issue 14) ...
    rows = [r for r in result["rows"] if r["site"] == "paper-th" and r["amount_vnd"] == 2_800_000_000]
    assert len(rows) == 1  # ... and so does the count


def test_the_groups_add_up_to_the_total_either_way(db):
    for per_article in (False, True):
        for by in facts.MONEY_GROUPS:
            result = facts.money(db, by=by, per_article=per_article)
            assert sum(g["total_vnd"] or 0 for g in result["groups"]) == result["totals"]["total_vnd"]


@pytest.mark.parametrize("filters, total", [
    (Filters(site="national"), TUONG_DUONG + THANH_HOA + CAO_BANG + LANG_SON),  # stories with a copy there
    (Filters(site="paper-th"), THANH_HOA),
    (Filters(province="Thanh Hóa"), THANH_HOA),
    (Filters(since="2025-09"), TUONG_DUONG),
    (Filters(until="2025-08"), THANH_HOA + CAO_BANG + LANG_SON),
    (Filters(until="2025-05"), THANH_HOA),
    (Filters(site="chapter-na", since="2025-10"), None),
])
def test_story_filters(db, filters, total):
    assert facts.money(db, filters)["totals"]["total_vnd"] == total


def test_the_views_count_per_story_and_per_article(db):
    per_story = dict(db.execute("SELECT province, total_vnd FROM v_money_by_province_month"))
    assert per_story == {"Nghệ An": TUONG_DUONG, "Thanh Hóa": THANH_HOA, "Cao Bằng": CAO_BANG, "Lạng Sơn": LANG_SON}
    stories, articles = db.execute("SELECT SUM(stories), SUM(articles) FROM v_money_by_province_month").fetchone()
    assert (stories, articles) == (4, 8)
    per_article = db.execute("SELECT SUM(total_vnd), SUM(articles) FROM v_money_by_province_month_per_article")
    assert per_article.fetchone() == (PER_ARTICLE, 8)
    assert db.execute("SELECT SUM(money_vnd) FROM v_activity_by_province_2025 WHERE province_2025 = 'Thanh Hóa'"
                      ).fetchone()[0] == THANH_HOA


def test_people_and_places_of_a_story_are_its_copies_union(db):
    person = facts.people(db, name="Nguyễn Hải Anh")[0]
    assert (person["stories"], person["mentions"]) == (1, 3)
    place = next(p for p in facts.places(db, limit=100) if p["name"] == "Thanh Hóa" and p["level"] == "province")
    assert (place["stories"], place["mentions"]) == (1, 3)
    assert db.execute("SELECT copies FROM v_story_people sp JOIN people p ON p.id = sp.person_id "
                      "WHERE p.name = 'Nguyễn Hải Anh'").fetchone() == (3,)
    ordered = facts.places(db, limit=100)
    assert [p["stories"] for p in ordered] == sorted((p["stories"] for p in ordered), reverse=True)


def test_report_counts_stories_unless_per_article(db):
    per_story, per_article = report.report_data(db), report.report_data(db, per_article=True)
    assert per_story["totals"]["money_vnd"] == PER_STORY and per_article["totals"]["money_vnd"] == PER_ARTICLE
    assert sum(r["n"] for r in per_story["per_month"]) == 4 and sum(r["n"] for r in per_article["per_month"]) == 8
    html = report.render_report(per_story, archive="x")
    assert "Counted per story" in html and "Stories per month" in html


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def vnd(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def test_money_command_says_how_it_counts(path):
    result = run("money", "--archive", path)
    assert result.exit_code == 0, result.output
    assert f"total: {vnd(PER_STORY)} đồng in 4 stories" in result.output and "counted per story" in result.output
    result = run("money", "--archive", path, "--per-article", "--by", "province")
    assert f"total: {vnd(PER_ARTICLE)} đồng in 8 articles" in result.output and "counted per article" in result.output


@pytest.mark.parametrize("command", ["people", "places"])
def test_people_and_places_commands_say_how_they_count(path, command):
    per_story, per_article = run(command, "--archive", path), run(command, "--archive", path, "--per-article")
    assert per_story.exit_code == per_article.exit_code == 0
    assert "stories" in per_story.output.splitlines()[0] and "counted per story" in per_story.output
    assert "mentions" in per_article.output.splitlines()[0] and "counted per article" in per_article.output
    as_json = run(command, "--archive", path, "--json")
    assert all(json.loads(line) for line in as_json.stdout.splitlines())  # the note goes to stderr


@pytest.mark.parametrize("command", ["money", "people", "places", "report"])
def test_help_tells_how_figures_are_counted(command):
    result = run(command, "--help")
    assert "--per-article" in result.output and "story" in result.output


def test_stories_list_and_rebuild(path, tmp_path):
    import shutil

    listed = run("stories", "list", "--archive", path, "--json")
    rows = [json.loads(line) for line in listed.output.splitlines()]
    assert sorted(r["copies"] for r in rows) == [2, 2, 3]
    assert {r["sites"] for r in rows} >= {"chapter-th, national, paper-th"}
    copy = tmp_path / "copy.sqlite"
    shutil.copy(path, copy)
    rebuilt = run("stories", "rebuild", "--archive", copy)
    assert rebuilt.exit_code == 0 and "8 articles in 4 stories: 4 joined a story" in rebuilt.output
    missing = run("stories", "rebuild", "--archive", tmp_path / "none.sqlite")
    assert missing.exit_code == 2 and "no archive at" in missing.output
