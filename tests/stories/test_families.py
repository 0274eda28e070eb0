"""Copies and near misses (tests/stories/families.py) saved through the archive writer:
what must be one story is, what must not be is not, follow-ups are linked, whatever the
order the crawl brings the articles in."""

from __future__ import annotations

import itertools

import pytest

from ctd_crawler.store import open_archive
from tests.stories.families import FAMILIES, add_sites, item_for

ITEMS = {(f.name, a.key): item_for(a) for f in FAMILIES for a in f.articles}


def orders(family):
    keys = [a.key for a in family.articles]
    return [list(p) for p in itertools.permutations(keys)][:6]


CASES = [(f, order) for f in FAMILIES for order in orders(f)]


@pytest.fixture
def saved(tmp_path):
    archives = []

    def save(family, order):
        archive = open_archive(tmp_path / f"ctd{len(archives)}.sqlite")
        archives.append(archive)
        add_sites(archive)
        for key in order:
            assert archive.save(ITEMS[(family.name, key)]) == "new"
        url_story = dict(archive.db.execute("SELECT url, story_id FROM articles"))
        return archive, {a.key: url_story[ITEMS[(family.name, a.key)].url] for a in family.articles}

    yield save
    for archive in archives:
        archive.close()


@pytest.mark.parametrize("family, order", CASES, ids=[f"{f.name}: {'-'.join(o)}" for f, o in CASES])
def test_copies_are_one_story_and_near_misses_are_not(saved, family, order):
    archive, story = saved(family, order)
    for a, b in family.same:
        assert story[a] == story[b], f"{a} and {b} must be one story"
    for a, b in family.apart:
        assert story[a] != story[b], f"{a} and {b} must be two stories"


@pytest.mark.parametrize("family, order", CASES, ids=[f"{f.name}: {'-'.join(o)}" for f, o in CASES])
def test_related_stories_are_linked_and_only_those(saved, family, order):
    archive, story = saved(family, order)
    links = {tuple(sorted(r)) for r in archive.db.execute("SELECT story_id, related_story_id FROM story_links")}
    assert links == {tuple(sorted((story[a], story[b]))) for a, b in family.related}


@pytest.mark.parametrize("family, order", CASES, ids=[f"{f.name}: {'-'.join(o)}" for f, o in CASES])
def test_a_story_is_told_by_its_chapters_copy_and_counted_under_its_province(saved, family, order):
    archive, story = saved(family, order)
    url_of = {a.key: ITEMS[(family.name, a.key)].url for a in family.articles}
    for key, canonical_key in family.canonical.items():
        url, province = archive.db.execute(
            "SELECT a.url, st.province FROM stories st JOIN articles a ON a.id = st.canonical_article_id "
            "WHERE st.id = ?", [story[key]]).fetchone()
        assert url == url_of[canonical_key]
        assert province == ITEMS[(family.name, canonical_key)].province
    for (story_id, first, copies) in archive.db.execute("SELECT id, first_published, articles FROM stories"):
        dates = [r[0] for r in archive.db.execute("SELECT published_at FROM articles WHERE story_id = ?", [story_id])]
        assert first == min(dates) and copies == len(dates)


def test_every_family_has_cases_that_must_not_merge():
    assert sum(len(f.apart) for f in FAMILIES) >= len(FAMILIES) // 2
    assert all(f.same or f.apart for f in FAMILIES)


def test_families_together_keep_apart():
    """All families in one archive: no story takes in an article of another family."""
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp:
        archive = open_archive(Path(tmp) / "all.sqlite")
        add_sites(archive)
        for item in ITEMS.values():
            assert archive.save(item) == "new"
        family_of = {item.url: name for (name, _), item in ITEMS.items()}
        for (story_id,) in archive.db.execute("SELECT id FROM stories"):
            urls = [r[0] for r in archive.db.execute("SELECT url FROM articles WHERE story_id = ?", [story_id])]
            assert len({family_of[u] for u in urls}) == 1, urls
        expected = sum(len(f.articles) for f in FAMILIES) - sum(
            len(f.articles) - 1 for f in FAMILIES if f.same and not f.apart) - 1  # the translation: 3 articles, 2 stories
        assert archive.db.execute("SELECT COUNT(*) FROM stories").fetchone()[0] == expected
        archive.close()
