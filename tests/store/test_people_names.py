"""How the archive keeps people: the best-spelled name of a person's mentions, kept so as
mentions come and go, and re-extraction applying new name and title rules (temporary
archives)."""

from __future__ import annotations

import pytest

from ctd_crawler.page import parse_page
from ctd_crawler.pipelines import run_chain
from ctd_crawler.store.reextract import reextract, stored_pages
from tests.conftest import make_item

NATIONAL = "Phó Chủ tịch Trung ương Hội Chữ thập đỏ Việt Nam"  # one scope for every spelling below


def person(name: str, title: str = NATIONAL) -> dict:
    return {"name": name, "title": title, "text": name}


def save(archive, n: int, *names: str) -> None:
    archive.save(make_item(url=f"https://redcross.org.vn/tin-tuc/{n}.html", body=f"Bài số {n}.",
                           people=[person(name) for name in names]))


def people(archive) -> list[tuple[str, int]]:
    return archive.db.execute(
        "SELECT p.name, COUNT(pm.id) FROM people p LEFT JOIN person_mentions pm ON pm.person_id = p.id "
        "GROUP BY p.id ORDER BY p.id").fetchall()


# (names in the order the articles were archived, the person's name after them)
@pytest.mark.parametrize("spellings,best", [
    # a later mention with diacritics gives the person its name ...
    (["Tran Quoc Hung", "Trần Quốc Hùng"], "Trần Quốc Hùng"),
    (["TRẦN QUỐC HÙNG", "Trần Quốc Hùng"], "Trần Quốc Hùng"),
    (["Tran Quoc Hung", "Tran Quốc Hùng", "Trần Quốc Hùng"], "Trần Quốc Hùng"),
    # ... and a worse one never takes it away
    (["Trần Quốc Hùng", "Tran Quoc Hung"], "Trần Quốc Hùng"),
    (["Trần Quốc Hùng", "TRẦN QUỐC HÙNG"], "Trần Quốc Hùng"),
    (["Trần Quốc Hùng", "Tran Quoc Hung", "TRAN QUOC HUNG"], "Trần Quốc Hùng"),
    # capitals lose to mixed case, however many diacritics they carry
    (["Tran Quoc Hung", "TRẦN QUỐC HÙNG"], "Tran Quoc Hung"),
    # the same spelling twice changes nothing
    (["Tran Quoc Hung", "Tran Quoc Hung"], "Tran Quoc Hung"),
])
def test_best_spelled_name_whatever_came_first(archive, spellings, best):
    for n, name in enumerate(spellings):
        save(archive, n, name)
    assert people(archive) == [(best, len(spellings))]


def test_a_name_no_longer_written_gives_way_to_the_best_left(archive):
    save(archive, 1, "Trần Quốc Hùng")
    save(archive, 2, "Tran Quoc Hung")
    save(archive, 3, "TRẦN QUỐC HÙNG")
    # article 1 is edited and no longer names him: the best spelling left is the English one
    archive.save(make_item(url="https://redcross.org.vn/tin-tuc/1.html", body="Bài số 1, đã sửa.", people=[],
                           fetched_at="2024-07-01T08:00:00+07:00"))
    assert people(archive) == [("Tran Quoc Hung", 2)]


def test_a_person_no_mention_names_is_removed(archive):
    save(archive, 1, "Trần Quốc Hùng", "Bùi Thị Hòa")
    save(archive, 2, "Bùi Thị Hòa")
    archive.save(make_item(url="https://redcross.org.vn/tin-tuc/1.html", body="Bài số 1, đã sửa.",
                           people=[person("Bùi Thị Hòa")], fetched_at="2024-07-01T08:00:00+07:00"))
    assert people(archive) == [("Bùi Thị Hòa", 2)]


def test_an_unchanged_recrawl_keeps_the_people(archive):
    save(archive, 1, "Tran Quoc Hung")
    save(archive, 2, "Trần Quốc Hùng")
    before = archive.db.execute("SELECT * FROM people").fetchall()
    save(archive, 1, "Tran Quoc Hung")  # same content: nothing but last_seen changes
    assert archive.db.execute("SELECT * FROM people").fetchall() == before


def test_a_failed_write_keeps_the_name_as_it_was(archive):
    save(archive, 1, "Tran Quoc Hung")
    bad = make_item(url="https://redcross.org.vn/tin-tuc/2.html", body="Bài 2.", people=[person("Trần Quốc Hùng")],
                    money=[{"amount_vnd": object()}])  # cannot be written: the whole article rolls back
    with pytest.raises(Exception):
        archive.save(bad)
    assert people(archive) == [("Tran Quoc Hung", 1)]


# --- re-extraction applies the current name and title rules to what is archived

PAGE = ("<html><head><title>Trao quà</title></head><body><article><h1>Trao quà Tết cho hộ nghèo</h1>"
        "<p>Ngày 20/6/2024, ông Hà Văn Cát-Chủ tịch Hội Chữ thập đỏ tỉnh Gia Lai trao 200 suất quà cho các hộ "
        "nghèo tại xã Ia Grai.</p><p>Mỗi suất quà trị giá 500.000 đồng, do các nhà hảo tâm ủng hộ.</p>"
        "</article></body></html>").encode()
URL = "https://example.vn/tin/1.html"


def archived_by_old_rules(archive, people_then: list[dict]) -> None:
    """The page archived as an older version of the rules read it."""
    item = run_chain(parse_page(PAGE, URL, site=None, content_type="text/html", status=200,
                                fetched_at="2024-06-25T08:00:00+07:00"))
    item.people = people_then
    archive.save(item)


def test_reextract_renames_and_retitles_people(archive):
    # the old rules glued the title's first word to the name and found no title
    archived_by_old_rules(archive, [{"name": "Hà Văn Cát-Chủ", "honorific": "ông", "title": None,
                                     "text": "ông Hà Văn Cát-Chủ"}])
    outcome = reextract(archive, stored_pages(archive))
    assert outcome.changed == [URL]
    assert archive.db.execute("SELECT name FROM people").fetchall() == [("Hà Văn Cát",)]
    assert archive.db.execute("SELECT name, title FROM person_mentions").fetchall() == [
        ("Hà Văn Cát", "Chủ tịch Hội Chữ thập đỏ tỉnh Gia Lai")]
    assert outcome.people == {"new": 1, "renamed": 0, "removed": 1}
    assert outcome.facts["person_mentions"] == [1, 0, 1]  # another person's mention, not a changed one


def test_reextract_respells_a_person_from_the_current_rules(archive):
    # the old rules wrote the name in capitals (an all-caps caption): the person gets the mixed-case one
    archived_by_old_rules(archive, [{"name": "HÀ VĂN CÁT", "honorific": "ông", "title": "Chủ tịch Hội Chữ thập đỏ tỉnh Gia Lai",
                                     "organisation": "Hội Chữ thập đỏ tỉnh Gia Lai", "text": "ông HÀ VĂN CÁT"}])
    outcome = reextract(archive, stored_pages(archive))
    assert archive.db.execute("SELECT name FROM people").fetchall() == [("Hà Văn Cát",)]
    assert outcome.people == {"new": 0, "renamed": 1, "removed": 0}


def test_reextract_of_what_the_current_rules_wrote_changes_no_person(archive):
    archived_by_old_rules(archive, [])
    reextract(archive, stored_pages(archive))  # now as the current rules read it
    before = archive.db.execute("SELECT * FROM people").fetchall()
    outcome = reextract(archive, stored_pages(archive))
    assert outcome.changed == [] and outcome.people == {"new": 0, "renamed": 0, "removed": 0}
    assert archive.db.execute("SELECT * FROM people").fetchall() == before


def test_reextract_skips_a_broken_page_and_keeps_its_people(archive):
    archived_by_old_rules(archive, [{"name": "Hà Văn Cát-Chủ", "title": None, "text": "Hà Văn Cát-Chủ"}])
    archive.db.execute("UPDATE pages SET raw = ?", [b"not zlib"])
    archive.db.conn.commit()
    outcome = reextract(archive, stored_pages(archive))
    assert len(outcome.skipped) == 1 and outcome.changed == []
    assert archive.db.execute("SELECT name FROM people").fetchall() == [("Hà Văn Cát-Chủ",)]
