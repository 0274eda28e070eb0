"""The places extractor's word lists (extract/data/places/ and the gazetteer), loaded once.

Bare names (said without a unit word) are the regions, the countries, every province
of both eras, the province aliases (former names of renamed provinces among them) and
well-known cities; each is matched on its folded key, keeping the capitalisation
pattern of the name as listed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from ctd_crawler.extract.lexicon import data_lines, data_toml
from ctd_crawler.extract.places.gazetteer import LEGACY, NEW, exact_key, load_gazetteer, name_key
from ctd_crawler.extract.places.lines import cap_pattern, words
from ctd_crawler.extract.text import fold


@dataclass(frozen=True, slots=True)
class Renamed:
    """A province renamed while keeping its units (the dataset knows only `name`)."""

    name: str
    former: str
    spellings: tuple[str, ...]
    until: date  # the former name is in use before this day


@dataclass(frozen=True, slots=True)
class Phrases:
    """Phrases of lowercase words, with their first words for a quick test."""

    all: frozenset[tuple[str, ...]]
    starts: frozenset[str]

    @classmethod
    def of(cls, phrases: list[str]) -> "Phrases":
        split = frozenset(tuple(p.split()) for p in phrases)
        return cls(split, frozenset(p[0] for p in split))


@dataclass(frozen=True, slots=True)
class Lexicon:
    words: dict[tuple[str, ...], dict]  # unit word (lowercase tokens) -> options
    unit_starts: frozenset[str]  # first token of each unit word (a quick test)
    compounds: frozenset[tuple[str, ...]]  # words ending in a unit word ("nông thôn", unit_compounds.txt)
    name_compounds: frozenset[tuple[str, ...]]  # words beginning with a place name ("vinh danh")
    abbrev: dict[str, dict]
    descriptors: tuple[tuple[str, ...], ...]  # longest first
    descriptors_by_first: dict[str, tuple[tuple[str, ...], ...]]  # the same by first word, longest first
    english: dict[str, dict]
    english_descriptors: frozenset[str]  # "mountainous": between an English name and its unit word
    english_numbered: tuple[tuple[str, ...], ...]  # "residential group": before a village's number, longest first
    english_numbered_lower: frozenset[tuple[str, ...]]  # "hamlet": also written in lower case before the number
    not_names: frozenset[str]
    # words after which a place name is another name's: a person's ("chị", honorifics.txt), a
    # street's ("đường", streets.txt), an event's ("chiến dịch", events.txt)
    name_cues: frozenset[tuple[str, ...]]
    credits: frozenset[tuple[str, ...]]  # "ảnh", "photo": before ":", a photographer's name follows
    surnames: frozenset[str]
    plain_surnames: frozenset[str]  # the same folded: how English pages write them ("Truong")
    list_intro: frozenset[str]
    plural: frozenset[str]
    # bare key -> (kind, canonical, capitalisation pattern)
    bare: dict[str, tuple[str, str, tuple[bool, ...]]]
    demonyms: dict[str, str]  # key of an English country adjective -> the country's English name
    not_demonym_mentions: frozenset[tuple[str, ...]]  # keys of "Chinese New Year" and the like
    after_unit: dict[str, str]
    glued: dict[str, str]
    single: frozenset[str]  # exact keys of one-word lexicon names
    bare_prefixes: frozenset[str]  # keys of the first 1..n words of each bare name
    institution_heads: Phrases  # "bệnh viện", "trường" (institutions.toml)
    institution_heads_en: frozenset[str]  # "hospital", "university"
    name_breaks: Phrases  # words that end an institution's name ("chi nhánh", "tại")


@lru_cache(maxsize=1)
def renamed() -> dict[str, Renamed]:
    """Renamed provinces by their name in the dataset (former_names.toml)."""
    return {r["name"]: Renamed(r["name"], r["former"], tuple(r.get("spellings", ())), r["until"])
            for r in data_toml("places/former_names.toml")["renamed"]}


def _phrases(name: str) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(c.lower().split()) for c in data_lines(name))


def _surnames() -> frozenset[str]:
    """The people extractor's family names (one list for both), less those that name an
    organisation here, plus middle names."""
    return (frozenset(data_lines("people/surnames.txt")) - frozenset(data_lines("places/not_surnames.txt"))
            | frozenset(data_lines("places/middle_names.txt")))


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    units = data_toml("places/units.toml")
    institutions = data_toml("places/institutions.toml")
    aliases = data_toml("places/aliases.toml")
    # alias -> province: the former names first, then the other aliases
    province_aliases = {**{spelling: r.name for r in renamed().values() for spelling in (r.former, *r.spellings)},
                        **aliases["provinces"]}

    bare: dict[str, tuple[str, str, tuple[bool, ...]]] = {}
    single: set[str] = set()

    variants: list[str] = []

    def add(kind: str, canonical: str, variant: str) -> None:
        variants.append(variant)
        bare.setdefault(name_key(variant), (kind, canonical, cap_pattern(variant)))
        if len(words(variant)) == 1:
            single.add(exact_key(variant))

    country_of: dict[str, str] = {}  # any spelling of a country -> its canonical name
    for kind, fname in (("region", "places/regions.txt"), ("country", "places/countries.txt")):
        for line in data_lines(fname):
            names = [n.strip() for n in line.split("|")]
            for variant in names:
                add(kind, names[0], variant)
                if kind == "country":
                    country_of[variant] = names[0]
    demonyms = data_toml("places/demonyms.toml")
    for adjective, noun in demonyms["adjectives"].items():
        add("country", country_of[noun], adjective)
    gaz = load_gazetteer()
    for era in (LEGACY, NEW):
        for unit in gaz.units(era, "province"):
            add("province", unit.name, unit.name)
    for alias, target in province_aliases.items():
        add("province", target, alias)
    for city in aliases["cities"]["names"]:
        add("city", city, city)
    for name in aliases["needs_unit_word"]["names"]:
        bare.pop(name_key(name), None)
    prefixes = set()
    for variant in variants:
        ws = words(variant)
        prefixes.update(name_key("".join(ws[:n])) for n in range(1, len(ws) + 1))
        prefixes.add(name_key(variant))
    descriptors = tuple(sorted((tuple(d.split()) for d in units["descriptors"]["phrases"]), key=len, reverse=True))
    surnames = _surnames()
    return Lexicon(
        words={tuple(k.split()): v for k, v in units["words"].items()},
        unit_starts=frozenset(k.split()[0] for k in units["words"]),
        compounds=_phrases("places/unit_compounds.txt"),
        name_compounds=_phrases("places/name_compounds.txt"),
        abbrev=units["abbrev"],
        descriptors=descriptors,
        descriptors_by_first={w: tuple(d for d in descriptors if d[0] == w) for w in {d[0] for d in descriptors if d}},
        english=units["english"],
        english_descriptors=frozenset(units["english_descriptors"]["words"]),
        english_numbered=tuple(sorted((tuple(w.split()) for w in units["english_numbered"]["words"]), key=len,
                                      reverse=True)),
        english_numbered_lower=frozenset(tuple(w.split()) for w in units["english_numbered"]["lowercase"]),
        not_names=frozenset(data_lines("places/not_names.txt")),
        name_cues=_phrases("places/honorifics.txt") | _phrases("places/streets.txt") | _phrases("places/events.txt"),
        credits=frozenset(tuple(c.lower().split()) for c in data_toml("people/orgs.toml")["photo_credit_words"]),
        surnames=surnames,
        plain_surnames=frozenset(fold(s) for s in surnames),
        list_intro=frozenset(w.lower() for w in data_lines("places/list_intro.txt")),
        plural=frozenset(w.lower() for w in data_lines("places/plural_words.txt")),
        bare=bare,
        demonyms={name_key(a): noun for a, noun in demonyms["adjectives"].items()},
        not_demonym_mentions=frozenset(tuple(name_key(w) for w in p.split()) for p in demonyms["not_mentions"]),
        after_unit={name_key(k): v for k, v in {**province_aliases, **aliases["after_unit"]}.items()},
        glued={name_key(k): v for k, v in aliases["glued"].items()},
        single=frozenset(single),
        bare_prefixes=frozenset(prefixes),
        institution_heads=Phrases.of(institutions["vi"]["heads"]),
        institution_heads_en=frozenset(institutions["en"]["heads"]),
        name_breaks=Phrases.of(institutions["breaks"]["words"]),
    )
