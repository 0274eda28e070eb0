"""The gazetteer's derived cache: the same tables as a build, never required, rebuilt when bad."""

from __future__ import annotations

import marshal
import os
import shutil
import zlib

import pytest

from ctd_crawler.extract.places import gazetteer as g

pytestmark = pytest.mark.slow  # each test builds the gazetteer from its data files (~0.2 s) and writes a cache


@pytest.fixture(scope="module")
def data():
    return g._data_dir()


@pytest.fixture(scope="module")
def built(data):
    return g._load(data)


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("CTD_GAZETTEER_CACHE", raising=False)
    return tmp_path


def _same(a: g.Gazetteer, b: g.Gazetteer) -> None:
    """Every key of every table answers the same units in the same order."""
    assert a.index == b.index and a.alias_index == b.alias_index and a.by_code == b.by_code
    assert list(a.by_code) == list(b.by_code)
    for era_level, table in a.index.items():
        assert set(table) == set(b.index[era_level])
        for key, units in table.items():
            assert b.lookup(*era_level, key) == units
            assert all(type(u) is g.Unit for u in b.index[era_level][key])


def test_cache_written_then_read_gives_the_built_tables(data, built, cache_home):
    path = g._cache_path(data)
    assert path is not None and path.is_relative_to(cache_home / "ctd_crawler")
    first = g._cached_or_built(data)
    assert path.exists()
    _same(built, first)
    again = g._cached_or_built(data)
    _same(built, again)
    # read back, the tables share one object per unit, as built ones do
    [unit] = again.lookup(g.LEGACY, "commune", g.name_key("Khang Ninh"))
    assert again.by_code[(g.LEGACY, "commune", unit.code)] is unit


def _crc(payload: bytes) -> bytes:
    return zlib.crc32(payload).to_bytes(4, "big") + payload


@pytest.mark.parametrize("corrupt", [
    lambda blob: b"",
    lambda blob: b"not a cache at all",
    lambda blob: blob[: len(blob) // 2],  # truncated
    lambda blob: blob[:100] + bytes([blob[100] ^ 0xFF]) + blob[101:],  # a flipped byte
    lambda blob: _crc(marshal.dumps((g._CACHE_FORMAT + 1, [], 0, [], []))),  # another format
    lambda blob: _crc(marshal.dumps((g._CACHE_FORMAT, [("only", "two")], 1, [], []))),  # short units
    lambda blob: _crc(marshal.dumps("a string")),
], ids=["empty", "garbage", "truncated", "flipped", "format", "fields", "shape"])
def test_corrupt_cache_is_ignored_and_rebuilt(data, built, cache_home, corrupt):
    path = g._cache_path(data)
    g._cached_or_built(data)
    path.write_bytes(corrupt(path.read_bytes()))
    _same(built, g._cached_or_built(data))
    _same(built, g._undump(path.read_bytes()))  # rewritten, valid again


def test_unwritable_cache_dir_still_loads(data, built, tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # ctd_crawler/ cannot be made under a file
    monkeypatch.delenv("CTD_GAZETTEER_CACHE", raising=False)
    _same(built, g._cached_or_built(data))
    assert [p.name for p in tmp_path.iterdir()] == ["a-file"]  # nothing half-written beside it


def test_cache_can_be_turned_off(data, built, cache_home, monkeypatch):
    monkeypatch.setenv("CTD_GAZETTEER_CACHE", "0")
    assert g._cache_path(data) is None
    _same(built, g._cached_or_built(data))
    assert not list(cache_home.iterdir())


def test_cache_name_follows_the_data_files(data, tmp_path, cache_home):
    copy = tmp_path / "data"
    copy.mkdir()
    for name in ("dataset.db", "converter_2025.json"):
        shutil.copy2(data / name, copy / name)
    before = g._cache_path(copy)
    stat = (copy / "dataset.db").stat()
    os.utime(copy / "dataset.db", ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert g._cache_path(copy) != before
    assert g._cache_path(copy).parent == before.parent


def test_relative_cache_home_is_ignored(data, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/dir")
    monkeypatch.delenv("CTD_GAZETTEER_CACHE", raising=False)
    assert g._cache_path(data).is_absolute()
