"""The administrative units of Vietnam, loaded once into lookup dicts.

Source: the data files of the PyPI package `vietnamadminunits` (MIT): `dataset.db`
(the 63-province units with districts and communes, "legacy", and the 34-province
units in force since 1 July 2025), `converter_2025.json` (old commune -> new commune);
and ours, `data/places/merged_districts.toml` (former names of merged districts it lacks).
We read the files directly and never call the package's address parser: one load of
~13k rows, then every lookup is a dict access.

Keys are `name_key(name)`: folded (no diacritics, đ->d, lowercase), without spaces
or punctuation, y->i. So "Bắc Kạn", "Băc Kạn", "Bac Kan", "BẮC KẠN" and "BacKan" share
a key, and so do the spellings Quý/Quí, Thủy/Thuỷ, Hòa/Hoà. Units whose keys collide
are all kept (a list per key): the caller disambiguates.

Error policy: a missing or broken data file raises at load time (a packaging error);
lookups never raise, they return an empty tuple.

Load: the built tables are kept in a derived cache outside the repository
(~/.cache/ctd_crawler, see _cache_path), read in ~30 ms instead of a ~200 ms build;
the cache is never required and is rebuilt whenever it is stale or unreadable.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import marshal
import os
import re
import sqlite3
import sys
import zlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from ctd_crawler.analysis.output import temporary_beside
from ctd_crawler.extract.lexicon import DATA, data_toml
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


class Unit(NamedTuple):
    """One unit of one era (a tuple: ~5x cheaper to build and compare than a frozen dataclass)."""

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


def _file(table: dict[str, list[Unit]], keys, unit: Unit) -> None:
    """File `unit` under each of `keys`, once."""
    for key in keys:
        units = table.get(key)
        if units is None:
            table[key] = [unit]
        elif unit not in units:
            units.append(unit)


class _Builder:
    """The lookup tables under construction, with what the load computes once per distinct
    value: a row's repeated texts (province names, codes, kinds) are kept as one object each,
    and the keys of a name are computed once however many units bear it.

    The module's lru caches (name_key, short_name) are bypassed: the load would fill them
    with ~8k names an article mostly never uses, and their entries cost memory."""

    def __init__(self) -> None:
        self.index: dict[tuple[str, str], dict[str, list[Unit]]] = {}
        self.alias_index: dict[tuple[str, str], dict[str, list[Unit]]] = {}
        self.by_code: dict[tuple[str, str, str], Unit] = {}
        self.one = {}.setdefault  # one object per repeated value
        self._short: dict[str, str] = {}
        self._keys: dict[str, tuple[str, ...]] = {}
        self._aliases: dict[str | None, frozenset[str]] = {}

    def short(self, name: str) -> str:
        got = self._short.get(name)
        if got is None:
            got = self._short[name] = short_name.__wrapped__(name)
        return got

    def add(self, unit: Unit, canonical: str, alias_raw: str | None) -> None:
        """Files `unit` under the keys of its own name (`canonical`, as the dataset writes it:
        "Quận 1" is also "1") and, in the alias index, under its short alias keys not among them;
        a unit already under a key is not added twice."""
        keys = self._keys.get(canonical)
        if keys is None:
            short = self.short(canonical)
            bare = _TYPE_PREFIX.sub("", short)  # mostly the same name: its key is not computed twice
            found = {name_key.__wrapped__(short), name_key.__wrapped__(bare) if bare != short else ""}
            keys = self._keys[canonical] = tuple(k for k in found if k)
        aliases = self._aliases.get(alias_raw)
        if aliases is None:
            aliases = self._aliases[alias_raw] = frozenset(_alias_keys(alias_raw))
        era_level = (unit.era, unit.level)
        table = self.index.get(era_level)
        if table is None:
            table = self.index[era_level] = {}
            self.alias_index[era_level] = {}
        _file(table, keys, unit)
        if aliases:
            _file(self.alias_index[era_level], aliases.difference(keys), unit)
        self.by_code.setdefault((unit.era, unit.level, unit.code), unit)

    def gazetteer(self) -> Gazetteer:
        def frozen(index: dict[tuple[str, str], dict[str, list[Unit]]]) -> dict[tuple[str, str], dict[str, tuple[Unit, ...]]]:
            return {el: {k: tuple(us) for k, us in table.items()} for el, table in index.items()}
        return Gazetteer(frozen(self.index), self.by_code, frozen(self.alias_index))


_NEW_SQL = ("select province, provinceShort, provinceCode, provinceLat, provinceLon, provinceKey,"
            " provinceAlias, wardShort, wardType, wardCode, wardLat, wardLon, wardKey, wardAlias"
            " from admin_units order by rowid")
_LEGACY_SQL = ("select province, provinceShort, provinceCode, provinceLat, provinceLon, provinceKey,"
               " provinceAlias, districtShort, districtType, districtCode, districtLat, districtLon,"
               " districtKey, districtAlias, wardShort, wardType, wardCode, wardLat, wardLon, wardKey,"
               " wardAlias from admin_units_legacy order by rowid")


def _load(data: Path) -> Gazetteer:
    b = _Builder()
    one, short, add = b.one, b.short, b.add
    db = sqlite3.connect(f"file:{data / 'dataset.db'}?mode=ro", uri=True)
    try:
        # 2025 units; remember new keys -> names for the conversion below. The rows repeat
        # their province: a repeated one adds nothing, so it is built once.
        new_province_name: dict[str, str] = {}
        new_ward_name: dict[tuple[str, str], str] = {}
        seen: set[tuple] = set()
        for (p_full, p, p_code, p_lat, p_lon, p_key, p_alias,
             w, w_type, w_code, w_lat, w_lon, w_key, w_alias) in db.execute(_NEW_SQL):
            p, p_code = one(p, p), one(p_code, p_code)
            new_province_name[p_key] = p
            w_name = new_ward_name[(p_key, w_key)] = short(w)
            province = (p_full, p, p_code, p_lat, p_lon, p_alias)
            if province not in seen:
                seen.add(province)
                p_kind = "Thành phố" if p_full.startswith("Thành phố") else "Tỉnh"
                add(Unit(p_code, p, "province", p_kind, NEW, p, p_code, None, None,
                         p_lat, p_lon, p, None), p, p_alias)
            add(Unit(w_code, w_name, "commune", one(w_type, w_type), NEW, p, p_code, None, None,
                     w_lat, w_lon, p, w_name), w, w_alias)

        conv = json.loads((data / "converter_2025.json").read_text(encoding="utf-8"))
        old_to_new_province = {old: new for new, olds in conv["DICT_PROVINCE"].items() for old in olds}
        old_to_new_ward: dict[str, str] = {}
        for new_p, wards in conv["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
            for new_w, olds in wards.items():
                w_name = new_ward_name.get((new_p, new_w), "")
                for old in olds:
                    old_to_new_ward[old] = w_name
        del conv

        legacy_p: set[str] = set()
        legacy_d: set[str] = set()
        for (p_full, p, p_code, p_lat, p_lon, p_key, p_alias,
             d, d_type, d_code, d_lat, d_lon, d_key, d_alias,
             w, w_type, w_code, w_lat, w_lon, w_key, w_alias) in db.execute(_LEGACY_SQL):
            p, p_code, d_code = one(p, p), one(p_code, p_code), one(d_code, d_code)
            p_new = new_province_name.get(old_to_new_province.get(p_key, ""))
            d_name = short(d)
            if p_code not in legacy_p:  # rows repeat provinces and districts
                legacy_p.add(p_code)
                p_kind = "Thành phố" if p_full.startswith("Thành phố") else "Tỉnh"
                add(Unit(p_code, p, "province", p_kind, LEGACY, p, p_code, None, None,
                         p_lat, p_lon, p_new, None), p, p_alias)
            if d_code not in legacy_d:
                legacy_d.add(d_code)
                add(Unit(d_code, d_name, "district", d_type, LEGACY, p, p_code, d_name, d_code,
                         d_lat, d_lon, p_new, None), d, d_alias)
            if w_code:
                w_new = old_to_new_ward.get(f"{p_key}_{d_key}_{w_key}") or None
                add(Unit(w_code, short(w), "commune", one(w_type, w_type), LEGACY, p, p_code, d_name,
                         d_code, w_lat, w_lon, p_new, w_new), w, w_alias)
    finally:
        db.close()
    _add_merged(b, data_toml(MERGED)["merged"])
    return b.gazetteer()


MERGED = "places/merged_districts.toml"


def _add_merged(b: _Builder, merged: list[dict]) -> None:
    """File each merged district's former name as an alias of the legacy district it merged into."""
    districts = b.index[(LEGACY, "district")]
    aliases = b.alias_index[(LEGACY, "district")]
    for m in merged:
        into = [u for u in districts.get(name_key.__wrapped__(m["into"]), []) if u.province == m["province"]]
        if len(into) != 1:
            raise ValueError(f"{MERGED}: no one district {m['into']!r} in {m['province']!r}")
        _file(aliases, [name_key.__wrapped__(m["name"])], into[0])


# The derived cache: the built tables, written outside the repository under
# $XDG_CACHE_HOME/ctd_crawler (default ~/.cache/ctd_crawler), named by a hash of what they
# derive from (the data files' sizes and mtimes, this module's and text.py's source, the
# Python version), so that any change gives another file; never required (CTD_GAZETTEER_CACHE=0
# turns it off; a missing, unreadable, corrupt or stale file is rebuilt from the data files).
# A file is a CRC-32 of its payload and the payload: marshal of plain tuples, the units once
# each and the tables as positions in that list (marshal shares repeated strings on reading).
# Old files of other code versions are left in place (~2 MB each).
_CACHE_FORMAT = 1
_UNIT_FIELDS = len(Unit._fields)


def _cache_path(data: Path) -> Path | None:
    if os.environ.get("CTD_GAZETTEER_CACHE", "1") == "0":
        return None
    try:
        h = hashlib.blake2b(digest_size=12)
        h.update(f"{_CACHE_FORMAT} {sys.version_info[:2]} {marshal.version}".encode())
        for f in (data / "dataset.db", data / "converter_2025.json", DATA / MERGED):
            st = f.stat()
            h.update(f"{f.name} {st.st_size} {st.st_mtime_ns}".encode())
        for source in (__file__, sys.modules[fold.__module__].__file__ or ""):
            h.update(Path(source).read_bytes())
    except OSError:
        return None
    base = os.environ.get("XDG_CACHE_HOME", "")
    root = Path(base) if os.path.isabs(base) else Path.home() / ".cache"
    return root / "ctd_crawler" / f"gazetteer-{h.hexdigest()}.marshal"


def _dump(gaz: Gazetteer) -> bytes:
    units: list[Unit] = list(gaz.by_code.values())  # first, in by_code order
    pos = {id(u): i for i, u in enumerate(units)}
    for index in (gaz.index, gaz.alias_index):
        for table in index.values():
            for us in table.values():
                for u in us:
                    if id(u) not in pos:  # a unit filed under a key but not by_code's (a repeated code)
                        pos[id(u)] = len(units)
                        units.append(u)

    def tables(index: dict) -> list:
        return [(el, list(table), [tuple(pos[id(u)] for u in us) for us in table.values()])
                for el, table in index.items()]
    payload = marshal.dumps((_CACHE_FORMAT, [tuple(u) for u in units], len(gaz.by_code),
                             tables(gaz.index), tables(gaz.alias_index)), 4)
    return zlib.crc32(payload).to_bytes(4, "big") + payload


def _undump(blob: bytes) -> Gazetteer:
    """The gazetteer `_dump` wrote; raises (anything) on a file that is not one."""
    if len(blob) < 4 or zlib.crc32(memoryview(blob)[4:]) != int.from_bytes(blob[:4], "big"):
        raise ValueError("gazetteer cache: checksum mismatch")
    fmt, raw, n_codes, index, alias_index = marshal.loads(memoryview(blob)[4:])
    if fmt != _CACHE_FORMAT or set(map(len, raw)) != {_UNIT_FIELDS}:
        raise ValueError("gazetteer cache: not this format")
    new = tuple.__new__
    units = [new(Unit, t) for t in raw]
    get = units.__getitem__

    def tables(rows: list) -> dict[tuple[str, str], dict[str, tuple[Unit, ...]]]:
        return {el: dict(zip(keys, [tuple(map(get, ids)) for ids in idss], strict=True)) for el, keys, idss in rows}
    by_code = {(u.era, u.level, u.code): u for u in units[:n_codes]}
    return Gazetteer(tables(index), by_code, tables(alias_index))


def _write(path: Path, blob: bytes) -> None:
    """Write `blob` to `path` atomically (a temporary file renamed); best effort."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with temporary_beside(path) as tmp:
            tmp.write_bytes(blob)
    except OSError:
        pass


def _cached_or_built(data: Path) -> Gazetteer:
    path = _cache_path(data)
    if path is not None:
        try:
            return _undump(path.read_bytes())
        except Exception:  # noqa: BLE001 - missing, unreadable, corrupt, stale: rebuilt below
            pass
    gaz = _load(data)
    if path is not None:
        _write(path, _dump(gaz))
    return gaz


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteer, loaded once per process (~13k units): from the derived cache when a valid
    one exists, else from the data files (and the cache written)."""
    return _cached_or_built(_data_dir())
