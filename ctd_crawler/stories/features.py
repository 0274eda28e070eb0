"""What an article is compared by, and the keys that find its copies.

Text: the title and body folded (lowercase, no diacritics, đ -> d), split into words,
and every SHINGLE consecutive words taken as one shingle. A MinHash signature of BANDS x
ROWS values (datasketch 2.0's "affine32" family, computed here) is cut into BANDS bands; two articles whose shingle sets have
Jaccard similarity J share at least one band with probability 1 - (1 - J^ROWS)^BANDS.

Figures: the article's money (amount in đồng, or amount and currency) and counts (value,
unit folded). Keys are made of values only, so an English copy ("VND 2.5 billion", "1,300
units") meets the Vietnamese one.

Every key carries the article's publication week (days since 1970 // 7): a new article
looks up only the weeks around its own, so the cost of a look-up stays flat however
many years the archive holds.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from functools import cached_property, lru_cache

import numpy as np

from ctd_crawler.extract.text import fold, without_related_list

SHINGLE = 4  # words per shingle
BANDS, ROWS = 16, 3  # LSH: a band hit is likely from J ~ (1/BANDS)^(1/ROWS) = 0.40 up
MIN_FIGURE_VND = 1_000_000  # smaller amounts (gifts' parts) are too common to find copies by
MIN_FIGURE_COUNT = 10  # likewise for counts ("3 ngôi nhà")
TEXT, FIGURE = 0, 1  # story_keys.kind
# The MinHash family: stored keys are comparable only under the same one (another needs
# `ctd-archive stories rebuild`).
SEED = 18
_WORD = re.compile(r"\w+")
_EPOCH = date(1970, 1, 1).toordinal()


@dataclass
class Copy:
    """One article as the story matcher sees it."""

    id: int
    lang: str | None
    day: int | None  # publication (else first-seen) day, days since 1970-01-01
    text: str  # title + body as stored
    site_province: str | None = None
    province: str | None = None  # articles.province (extract/attribution.py)
    published_at: str | None = None
    story_id: int | None = None
    money: frozenset = frozenset()  # (currency, amount in đồng or own currency)
    counts: frozenset = frozenset()  # (value, folded unit)
    provinces: frozenset = frozenset()  # of resolved places, and the site's

    def matched_by(self) -> tuple:
        """What story matching reads of the copy: two copies equal in it match alike."""
        return (self.lang, self.day, self.text, self.site_province, self.province, self.money, self.counts,
                self.provinces)

    @cached_property
    def shingles(self) -> frozenset[str]:
        return shingles(self.text)

    @property
    def week(self) -> int | None:
        return None if self.day is None else self.day // 7

    @property
    def values(self) -> frozenset:
        """Figures by value alone (what a translation keeps): money amounts, count values."""
        return frozenset({("m", c, a) for c, a in self.money} | {("c", v) for v, _ in self.counts})


def day_number(iso: str | None) -> int | None:
    try:
        return date.fromisoformat(iso[:10]).toordinal() - _EPOCH if iso else None
    except ValueError:
        return None


def shingles(text: str, size: int = SHINGLE) -> frozenset[str]:
    words = _WORD.findall(fold(without_related_list(text)))
    if len(words) <= size:
        return frozenset([" ".join(words)]) if words else frozenset()
    return frozenset(" ".join(words[i:i + size]) for i in range(len(words) - size + 1))


# MurmurHash3's 32-bit finalizer: mixes each shingle's hash once before the permutations.
_FMIX = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35), np.uint32(16))


@lru_cache(maxsize=4)
def _permutations(num_perm: int) -> tuple[np.ndarray, np.ndarray]:
    """(a, b) of the permutations h -> a * h + b mod 2^32 (a odd: a bijection), drawn as
    datasketch 2.0 draws them for SEED and "affine32". Written out rather than imported:
    importing datasketch imports scipy (0.6 s and 55 MiB of every crawl and command)."""
    gen = np.random.RandomState(SEED)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


def minhash(shingle_set: frozenset[str], num_perm: int) -> np.ndarray:
    """The MinHash signature of a non-empty set: datasketch's MinHash(num_perm, seed=SEED,
    scheme="affine32").update_batch(...).hashvalues, bit for bit (tests/stories/test_minhash.py)."""
    hv = np.fromiter((int.from_bytes(hashlib.sha1(s.encode()).digest()[:4], "little") for s in shingle_set),
                     dtype=np.uint32, count=len(shingle_set)).reshape(-1, 1)
    s1, m1, s2, m2, s3 = _FMIX
    hv = hv ^ (hv >> s1)
    hv = hv * m1
    hv = hv ^ (hv >> s2)
    hv = hv * m2
    hv = hv ^ (hv >> s3)
    a, b = _permutations(num_perm)
    return (hv * a + b).min(axis=0)


def band_hashes(shingle_set: frozenset[str], bands: int = BANDS, rows: int = ROWS) -> list[int]:
    """One signed 64-bit hash per LSH band of the set's MinHash signature."""
    if not shingle_set:
        return []
    values = minhash(shingle_set, bands * rows)
    return [_key(b"t%d:" % i + values[i * rows:(i + 1) * rows].tobytes()) for i in range(bands)]


def figure_hashes(copy: Copy) -> list[int]:
    """One hash per distinctive figure value (big enough not to be everywhere)."""
    keys = {b"m%s:%r" % (c.encode(), a) for c, a in copy.money if c != "VND" or a >= MIN_FIGURE_VND}
    keys |= {b"c%d" % v for v, _ in copy.counts if v >= MIN_FIGURE_COUNT}
    return [_key(k) for k in sorted(keys)]


def story_keys(copy: Copy) -> list[tuple[int, int]]:
    """(key, kind) pairs that a copy of this article would share with it."""
    return [(k, TEXT) for k in band_hashes(copy.shingles)] + [(k, FIGURE) for k in figure_hashes(copy)]


def _key(data: bytes) -> int:
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "little", signed=True)
