"""Sites crawled from their address alone: a registry file whose entries hold only id,
name, base_url and province (a paper keeps its topic), crawled from the mirror through
`ctd-archive crawl --sites FILE` (the interface tests outside the project rely on). Each
site of every family finds its sitemaps, feeds or listings, recognises its CMS, tells its
articles from its other pages, and archives its articles and nothing else."""

from __future__ import annotations

import json
import sqlite3
import subprocess

import pytest

from ctd_crawler.crawl.urls import canonical_url
from ctd_crawler.page.layouts import GENERIC, detect_family
from ctd_crawler.sites import AUTO_FAMILY, entry_toml, load_sites
from tests.crawling import crawl_command, mirror_sites
from tests.page.layouts.pages import expected_files, page_of, tree_of
from tests.paths import SITES

ADDRESS = ("id", "name", "base_url", "province", "topic")
SITES_OF_MIRROR = mirror_sites()


def kept(host: str) -> set[str]:
    truths = (json.loads(p.read_text("utf-8")) for p in expected_files(host))
    return {canonical_url(t["url"]) for t in truths if not t.get("off_topic")}


@pytest.fixture(scope="module")
def address_only(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("address")
    registry = tmp / "sites.toml"
    registry.write_text("\n".join(entry_toml({k: getattr(s, k) for k in ADDRESS if getattr(s, k)})
                                  for s in SITES_OF_MIRROR), "utf-8")
    assert [s.id for s in load_sites(registry)] == [s.id for s in SITES_OF_MIRROR]
    archive = tmp / "ctd.sqlite"
    done = subprocess.run([*crawl_command(archive, SITES), "--sites", str(registry)], capture_output=True,
                          text=True, timeout=600)
    db = sqlite3.connect(archive)
    yield {"done": done, "db": db}
    db.close()


def test_the_crawl_is_healthy(address_only):
    assert address_only["done"].returncode == 0, address_only["done"].stdout[-2000:]


@pytest.mark.parametrize("site", [s for s in SITES_OF_MIRROR if not s.topic], ids=lambda s: s.id)
def test_a_site_given_by_its_address_gives_its_articles_and_nothing_else(address_only, site):
    got = {r[0] for r in address_only["db"].execute("SELECT url FROM articles WHERE site = ?", [site.id])}
    want = kept(site.host)
    assert len(got & want) >= 0.95 * len(want), sorted(want - got)
    assert got - want == set()


@pytest.mark.parametrize("site", [s for s in SITES_OF_MIRROR if s.topic], ids=lambda s: s.id)
def test_a_paper_given_by_its_address_keeps_only_its_topic(address_only, site):
    got = {r[0] for r in address_only["db"].execute("SELECT url FROM articles WHERE site = ?", [site.id])}
    assert got and got <= kept(site.host)  # without its tag pages it finds fewer: the words of links lead


@pytest.mark.parametrize("site", SITES_OF_MIRROR, ids=lambda s: s.id)
def test_the_family_is_recognised_from_the_pages(address_only, site):
    (family,) = address_only["db"].execute("SELECT family FROM sites WHERE id = ?", [site.id]).fetchone()
    shown = detect_family(tree_of(page_of(expected_files(site.host)[0])))
    assert family == (AUTO_FAMILY if shown == GENERIC else shown)
