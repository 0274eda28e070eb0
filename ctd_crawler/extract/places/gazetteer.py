"""The administrative units of Vietnam, loaded once into lookup dicts.

Source: the data files of the PyPI package `vietnamadminunits` (MIT): `dataset.db`
(the 63-province units with districts and communes, "legacy", and the 34-province
units in force since 1 July 2025), `converter_2025.json` (old commune -> new commune).
We read the files directly and never call the package's address parser: one load of
~13k rows, then every lookup is a dict access.

Keys are `name_key(name)`: folded (no diacritics, đ->d, lowercase), without spaces
or punctuation, y->i. So "Bắc Kạn", "Băc Kạn", "Bac Kan", "BẮC KẠN" and "BacKan" share
a key, and so do the spellings Quý/Quí, Thủy/Thuỷ, Hòa/Hoà. Units whose keys collide
are all kept (a list per key): the caller disambiguates.

Error policy: a missing or broken data file raises at load time (a packaging error);
lookups never raise, they return an empty tuple.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sqlite3
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ctd_crawler.extract.text import fold, tone_key

LEGACY = "legacy"  # the 63-province units, in force before 2025-07-01
NEW = "2025"  # the 34-province units, in force from 2025-07-01

_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_QUALIFIER = re.compile(r"\s*\([^)]*\)\s*")
_TYPE_PREFIX = re.compile(r"^(quận|phường|xã|thị trấn|huyện)\s+(?=\d)", re.IGNORECASE)
# The dataset's alias keys that start with a unit type ("huyenhoanhbo"): not names.
_TYPED_ALIAS = re.compile(r"^(tinh|thanhpho|tp|huyen|quan|thixa|tx|xa|phuong|thitran)")
_EXACT_DROP = re.compile(r"[\s\-–.']+")


@lru_cache(maxsize=1 << 14)  # names repeat across dataset rows and articles; 1 << 14 keys ≈ 3 MiB
def name_key(name: str) -> str:
    """Matching key of a place name: folded, alphanumerics only, y -> i."""
    return _NON_ALNUM.sub("", fold(name)).replace("y", "i")


@lru_cache(maxsize=1 << 14)
def exact_key(name: str) -> str:
    """Lowercase name with diacritics kept, tone placement normalised, y -> i.

    Used only to prefer the unit spelled exactly as written among units that share
    a `name_key` ("Cẩm Giang" vs "Cẩm Giàng").
    """
    low = " ".join(tone_key(word) for word in name.split())
    return _EXACT_DROP.sub("", low).replace("y", "i")


@lru_cache(maxsize=1 << 14)
def short_name(name: str) -> str:
    """Display name without the dataset's qualifier ("Kỳ Anh (Huyện)"), each syllable
    capitalised (the dataset has a few slips such as "Đại áng")."""
    words = _QUALIFIER.sub(" ", name).split()
    return " ".join(w[:1].upper() + w[1:] for w in words)


@dataclass(frozen=True, slots=True)
class Unit:
    code: str
    name: str  # short canonical name: "Bắc Kạn", "Ba Bể", "Khang Ninh"
    level: str  # province | district | commune
    kind: str  # Tỉnh, Thành phố, Huyện, Quận, Thị xã, Xã, Phường, Thị trấn, Đặc khu
    era: str  # LEGACY | NEW
    province: str
    province_code: str
    district: str | None
    district_code: str | None
    lat: float | None
    lon: float | None
    province_2025: str | None
    commune_2025: str | None


@dataclass(slots=True)
class Gazetteer:
    # (era, level) -> key -> units sharing that key
    index: dict[tuple[str, str], dict[str, tuple[Unit, ...]]] = field(default_factory=dict)
    by_code: dict[tuple[str, str, str], Unit] = field(default_factory=dict)
    # the same for the dataset's aliases (former names of merged units: "Hoành Bồ")
    alias_index: dict[tuple[str, str], dict[str, tuple[Unit, ...]]] = field(default_factory=dict)

    def lookup(self, era: str, level: str, key: str) -> tuple[Unit, ...]:
        """Units named `key`; only when none is, units that had that name before a merger."""
        return self.index.get((era, level), {}).get(key) or self.alias_index.get((era, level), {}).get(key, ())

    def is_former(self, era: str, level: str, key: str) -> bool:
        """Whether `key` names a district or commune only as a former name of the units it
        merged into ("Hoành Bồ", now part of Hạ Long; "Đất Đỏ", of Long Đất)."""
        return level in ("district", "commune") and key not in self.index.get((era, level), {}) \
            and key in self.alias_index.get((era, level), {})

    def units(self, era: str, level: str) -> list[Unit]:
        """Every unit of one era and level, once each, in code order."""
        seen = {u.code: u for us in self.index.get((era, level), {}).values() for u in us}
        return [seen[c] for c in sorted(seen)]

    def _add(self, unit: Unit, keys: set[str], aliases: set[str] = frozenset()) -> None:
        for index, names in ((self.index, keys), (self.alias_index, aliases - keys)):
            table = index.setdefault((unit.era, unit.level), {})
            for key in names:
                if key and unit not in table.get(key, ()):
                    table[key] = table.get(key, ()) + (unit,)
        self.by_code.setdefault((unit.era, unit.level, unit.code), unit)


def inside(low: Unit, high: Unit) -> bool:
    """Whether unit `low` lies in unit `high` (eras may differ for provinces)."""
    if high.level == "district":
        return low.era == LEGACY and low.district_code == high.code
    if low.era == high.era:
        return low.province_code == high.province_code
    if high.era == NEW:
        return low.province_2025 == high.name
    return high.province_2025 == low.province


def same_province(u: Unit, a: Unit) -> bool:
    """Whether units u and a lie in one province (across eras: the same 2025 province)."""
    if u.era == a.era:
        return u.province_code == a.province_code
    return (u.province_2025 or "") == (a.province_2025 or "")


def _data_dir() -> Path:
    # find_spec, not import: importing the package loads shapely and geopy (~1 s).
    spec = importlib.util.find_spec("vietnamadminunits")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the package vietnamadminunits is not installed")
    return Path(list(spec.submodule_search_locations)[0]) / "data"


def _name_keys(canonical: str) -> set[str]:
    """Keys of a unit's own name ("Quận 1" is also "1")."""
    return {name_key(short_name(canonical)), name_key(_TYPE_PREFIX.sub("", short_name(canonical)))}


def _alias_keys(raw: str | None) -> set[str]:
    """Short alias keys of the dataset (old names of merged units), not the typed ones."""
    keys: set[str] = set()
    try:
        aliases = json.loads(raw) if raw else []
    except ValueError:
        aliases = []
    for alias in aliases:
        if not _TYPED_ALIAS.match(alias):
            if len(alias) > 3:  # "hn", "hcm": abbreviations are handled by the extractor
                keys.add(alias.replace("y", "i"))
    return keys


def _load(data: Path) -> Gazetteer:
    gaz = Gazetteer()
    conv = json.loads((data / "converter_2025.json").read_text(encoding="utf-8"))
    db = sqlite3.connect(f"file:{data / 'dataset.db'}?mode=ro", uri=True)
    try:
        new_rows = db.execute(
            "select province, provinceShort, provinceCode, provinceLat, provinceLon, provinceKey,"
            " provinceAlias, ward, wardShort, wardType, wardCode, wardLat, wardLon, wardKey, wardAlias"
            " from admin_units"
        ).fetchall()
        old_rows = db.execute(
            "select province, provinceShort, provinceCode, provinceLat, provinceLon, provinceKey,"
            " provinceAlias, district, districtShort, districtType, districtCode, districtLat,"
            " districtLon, districtKey, districtAlias, ward, wardShort, wardType, wardCode, wardLat,"
            " wardLon, wardKey, wardAlias from admin_units_legacy"
        ).fetchall()
    finally:
        db.close()

    # 2025 units; remember new keys -> names for the conversion below.
    new_province_name: dict[str, str] = {}
    new_ward_name: dict[tuple[str, str], str] = {}
    for (p_full, p, p_code, p_lat, p_lon, p_key, p_alias,
         w_full, w, w_type, w_code, w_lat, w_lon, w_key, w_alias) in new_rows:
        new_province_name[p_key] = p
        new_ward_name[(p_key, w_key)] = short_name(w)
        p_kind = "Thành phố" if p_full.startswith("Thành phố") else "Tỉnh"
        gaz._add(Unit(p_code, p, "province", p_kind, NEW, p, p_code, None, None,
                      p_lat, p_lon, p, None), _name_keys(p), _alias_keys(p_alias))
        gaz._add(Unit(w_code, short_name(w), "commune", w_type, NEW, p, p_code, None, None,
                      w_lat, w_lon, p, short_name(w)), _name_keys(w), _alias_keys(w_alias))

    old_to_new_province = {old: new for new, olds in conv["DICT_PROVINCE"].items() for old in olds}
    old_to_new_ward: dict[str, str] = {}
    for new_p, wards in conv["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for new_w, olds in wards.items():
            for old in olds:
                old_to_new_ward[old] = new_ward_name.get((new_p, new_w), "")

    for (p_full, p, p_code, p_lat, p_lon, p_key, p_alias,
         d_full, d, d_type, d_code, d_lat, d_lon, d_key, d_alias,
         w_full, w, w_type, w_code, w_lat, w_lon, w_key, w_alias) in old_rows:
        p_new = new_province_name.get(old_to_new_province.get(p_key, ""))
        d_name = short_name(d)  # cached: rows repeat districts
        if (LEGACY, "province", p_code) not in gaz.by_code:  # rows repeat provinces and districts
            p_kind = "Thành phố" if p_full.startswith("Thành phố") else "Tỉnh"
            gaz._add(Unit(p_code, p, "province", p_kind, LEGACY, p, p_code, None, None,
                          p_lat, p_lon, p_new, None), _name_keys(p), _alias_keys(p_alias))
        if (LEGACY, "district", d_code) not in gaz.by_code:
            gaz._add(Unit(d_code, d_name, "district", d_type, LEGACY, p, p_code, d_name, d_code,
                          d_lat, d_lon, p_new, None), _name_keys(d), _alias_keys(d_alias))
        if w_code:
            w_new = old_to_new_ward.get(f"{p_key}_{d_key}_{w_key}") or None
            gaz._add(Unit(w_code, short_name(w), "commune", w_type, LEGACY, p, p_code, d_name,
                          d_code, w_lat, w_lon, p_new, w_new), _name_keys(w), _alias_keys(w_alias))
    return gaz


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteer, loaded once per process (~13k units)."""
    return _load(_data_dir())
