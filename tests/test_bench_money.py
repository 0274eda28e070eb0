"""The money benchmark's comparison with another git revision (benchmarks/bench_money.py
--against) and its failure paths. No time is asserted: times are the benchmark's output."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from benchmarks import bench_money as bench
from tests.paths import ROOT

needs_git = pytest.mark.skipif(
    shutil.which("git") is None
    or subprocess.run(["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True).returncode != 0,
    reason="not a git checkout")


@pytest.fixture
def one_article(tmp_path):
    folder = tmp_path / "expected"
    folder.mkdir()
    (folder / "a.json").write_text(json.dumps({
        "title": "Trao 20 suất quà", "body_text": "Hội trao 20 suất quà trị giá 10 triệu đồng.", "lang": "vi",
        "money": [{"amount_vnd": 10_000_000, "per_unit": False, "text": "10 triệu đồng"}],
        "counts": [{"value": 20, "unit": "suất quà"}],
    }, ensure_ascii=False), "utf-8")
    return folder


@needs_git
def test_the_other_revision_is_imported_beside_ours(tmp_path):
    theirs = bench.extractor_at("HEAD", tmp_path)
    money, counts, skipped = theirs("Hội trao 20 suất quà trị giá 200 triệu đồng.", lang="vi")
    assert [m.amount_vnd for m in money] == [200_000_000] and skipped == 0
    assert type(money[0]).__module__.startswith(bench.BASELINE_PACKAGE)  # not our own Money
    assert str(tmp_path) not in sys.path


@pytest.mark.slow  # two timing runs of the chain
@needs_git
def test_against_a_revision_prints_both_times(one_article, capsys, monkeypatch, tmp_path):
    from benchmarks import bench_realtext

    monkeypatch.setattr(bench_realtext, "TEXTS", tmp_path / "no-texts")  # the same run on every machine
    assert bench.main(["bench_money.py", str(one_article), "--against", "HEAD"]) == 0
    out = capsys.readouterr().out
    assert "| ours (ms) | HEAD (ms) | ours / HEAD |" in out and "| fixture articles (1) |" in out


@needs_git
def test_an_unknown_revision_is_one_clear_line_and_exit_2(one_article, capsys):
    assert bench.main(["bench_money.py", str(one_article), "--against", "no-such-revision-x"]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "no-such-revision-x" in err


def test_against_without_a_revision_is_exit_2(capsys):
    assert bench.main(["bench_money.py", "--against"]) == 2
    assert "--against" in capsys.readouterr().err
