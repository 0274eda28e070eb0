"""The entities step turns each fact into its row without dataclasses.asdict's deep copy: the
same dict, as long as facts hold plain values (the annotations say so; a list or a nested
dataclass in a fact would need asdict again)."""

from __future__ import annotations

from dataclasses import asdict, fields

import pytest

from ctd_crawler.extract.figures import extract_money_and_counts
from ctd_crawler.extract.figures.counts import Count
from ctd_crawler.extract.figures.money import Money
from ctd_crawler.extract.people import Person, extract_people
from ctd_crawler.extract.places import Place, extract_places
from ctd_crawler.pipelines.entities import row

PLAIN = {"str", "int", "float", "bool", "None"}


@pytest.mark.parametrize("cls", [Place, Person, Money, Count])
def test_facts_hold_plain_values(cls):
    for f in fields(cls):
        assert {t.strip() for t in str(f.type).split("|")} <= PLAIN, f"{cls.__name__}.{f.name}: {f.type}"


TEXT = ("Hội Chữ thập đỏ tỉnh Bắc Kạn trao quà\n\nNgày 20/6/2024, đồng chí Bùi Thị Hòa, Chủ tịch Trung ương "
        "Hội Chữ thập đỏ Việt Nam, đến thăm xã Khang Ninh, huyện Ba Bể và trao 200 suất quà trị giá "
        "208,5 triệu đồng cho 150 hộ nghèo.")


def test_rows_are_what_asdict_gives():
    money, counts, _ = extract_money_and_counts(TEXT)
    facts = [*extract_places(TEXT), *extract_people(TEXT), *money, *counts]
    assert {type(f) for f in facts} == {Place, Person, Money, Count}  # one of each at least
    for fact in facts:
        assert row(fact) == asdict(fact)
        assert list(row(fact)) == list(asdict(fact))  # the columns in the same order


def test_a_fact_with_a_list_is_not_plain():
    """The guard above would fail for such a fact (asdict copies the list; row would share it)."""
    from dataclasses import dataclass

    @dataclass
    class Odd:
        names: list[str]

    assert not {t.strip() for t in str(fields(Odd)[0].type).split("|")} <= PLAIN
