"""The stories' MinHash is datasketch 2.0's "affine32" MinHash, bit for bit: the keys stored
in an archive stay comparable with those computed before it was written out."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ctd_crawler.stories.features import BANDS, ROWS, SEED, minhash, shingles

datasketch = pytest.importorskip("datasketch")  # in the test extra only


def reference(shingle_set: frozenset[str], num_perm: int) -> list[int]:
    mh = datasketch.MinHash(num_perm=num_perm, seed=SEED, scheme="affine32")
    mh.update_batch([s.encode() for s in shingle_set])
    return mh.hashvalues.tolist()


@settings(max_examples=100, deadline=None)
@given(st.frozensets(st.text(min_size=1, max_size=30), min_size=1, max_size=60),
       st.sampled_from([BANDS * ROWS, 1, 7, 128]))
def test_the_signature_is_datasketchs(shingle_set, num_perm):
    assert minhash(shingle_set, num_perm).tolist() == reference(shingle_set, num_perm)


@pytest.mark.parametrize("text", ["Hội Chữ thập đỏ tỉnh trao 50 suất quà cho hộ nghèo", "a b c", "một"])
def test_the_signature_of_an_articles_shingles_is_datasketchs(text):
    assert minhash(shingles(text), BANDS * ROWS).tolist() == reference(shingles(text), BANDS * ROWS)


def test_different_sets_give_different_signatures():
    assert minhash(frozenset({"a b c d"}), 48).tolist() != minhash(frozenset({"a b c e"}), 48).tolist()
