"""The real-text benchmark's inputs and failure paths (benchmarks/bench_realtext.py).

No real article is used: the texts are not in the repository. What is scored is not checked
here (that is the benchmark's job); only that bad input gives one clear line and exit 2.
"""

from __future__ import annotations

import pytest

from benchmarks import bench_realtext as bench


def test_a_missing_texts_folder_is_one_clear_line_and_exit_2(tmp_path, capsys):
    assert bench.main(["--texts", str(tmp_path / "nowhere")]) == 2
    out, err = capsys.readouterr()
    assert out == "" and len(err.strip().splitlines()) == 1 and "nowhere" in err


def test_a_folder_without_any_annotated_text_is_exit_2(tmp_path, capsys):
    (tmp_path / "999.txt").write_text("Tiêu đề\n\nNội dung.", "utf-8")
    assert bench.main(["--texts", str(tmp_path)]) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_texts_that_are_missing_are_listed_and_the_rest_scored(tmp_path, capsys):
    # an invented text under a real id: the run must go through; its score is not asserted
    (tmp_path / "004.txt").write_text("Hội Chữ thập đỏ huyện trao quà\n\nNgày 4/1, Hội trao 10 suất quà.", "utf-8")
    assert bench.main(["--texts", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    total = len(bench.load_truth())
    assert f"{total - 1} annotated articles have no text" in out
    assert "| people |" in out and "(n=1)" in out


@pytest.mark.parametrize("text, title, body", [
    ("Tiêu đề\n\nĐoạn một.\n\nĐoạn hai.\n", "Tiêu đề", "Đoạn một.\n\nĐoạn hai."),
    ("\ufeffTiêu đề  \n\nĐoạn.", "Tiêu đề", "Đoạn."),
    ("Chỉ có tiêu đề", "Chỉ có tiêu đề", ""),
])
def test_split_text(text, title, body):
    assert bench.split_text(text) == (title, body)


@pytest.mark.parametrize("published_at, text", [
    ("2025-10-04", "04/10/2025"),
    ("2019-01-04T15:21:15+07:00", "04/01/2019 15:21"),
    (None, None),
    ("", None),
])
def test_date_text(published_at, text):
    assert bench.date_text(published_at) == text


def test_item_for_builds_title_body_lang_and_no_page(tmp_path):
    truth, _row = bench.load_truth()[0]
    case = bench.Case({**truth, "lang": "en"}, "before", "A title", "A body.")
    item = bench.item_for(case)
    assert (item.title, item.body_text, item.lang, item.html, item.author) == ("A title", "A body.", "en", "", None)
    assert item.url == truth["url"]


def _invented_set(folder, annotation_id="x1", row_id="x1"):
    """A one-article set in the benchmark's formats, with invented facts (no real article)."""
    folder.mkdir()
    (folder / "urls.tsv").write_text(
        "id\turl\tsite\tyear\tlang\tafter_reform\n"
        f"{row_id}\thttps://example.org/tin/1\texample.org\t2025\tvi\tyes\n", "utf-8")
    (folder / "annotations.jsonl").write_text(
        '{"id": "%s", "url": "https://example.org/tin/1", "lang": "vi", "published_at": null, "people": [], '
        '"places": [], "money": [], "counts": [{"value": 10, "unit": "suất quà"}], "event_dates": []}\n'
        % annotation_id, "utf-8")
    return folder


def test_set_scores_another_annotated_folder(tmp_path, capsys):
    folder = _invented_set(tmp_path / "set")
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "x1.txt").write_text("Trao quà\n\nNgày 4/1, Hội trao 10 suất quà.", "utf-8")
    assert bench.main(["--set", str(folder), "--texts", str(texts)]) == 0
    out = capsys.readouterr().out
    assert "(n=1)" in out and "1 real articles (1 after 1 July 2025, 0 English)" in out
    assert "annotated articles have no text" not in out  # the dev set's 68 are not looked for


@pytest.mark.parametrize("files", [(), ("urls.tsv",), ("annotations.jsonl",)])
def test_set_without_its_two_files_is_one_clear_line_and_exit_2(tmp_path, capsys, files):
    folder = tmp_path / "set"
    folder.mkdir()
    for name in files:
        (folder / name).write_text("", "utf-8")
    assert bench.main(["--set", str(folder), "--texts", str(tmp_path)]) == 2
    out, err = capsys.readouterr()
    assert out == "" and len(err.strip().splitlines()) == 1 and "no annotated set" in err


def test_set_whose_annotation_has_no_url_row_is_exit_2(tmp_path, capsys):
    folder = _invented_set(tmp_path / "set", annotation_id="x2", row_id="x1")
    assert bench.main(["--set", str(folder), "--texts", str(tmp_path)]) == 2
    out, err = capsys.readouterr()
    assert out == "" and len(err.strip().splitlines()) == 1 and "does not match urls.tsv" in err


@pytest.mark.parametrize("unit, head", [
    ("units of blood", "units"), ("blood units", "units"), ("Tet gifts", "gifts"),
    ("provinces and cities", "cities"), ("suất quà", "suat"), ("hộ gia đình", "ho"), ("suất", "suat"),
])
def test_head_noun(unit, head):
    assert bench.head_noun(unit) == head


@pytest.mark.parametrize("a, b", [("gift packages", "relief kits"), ("suất quà", "phần quà"), ("households", "house")])
def test_different_heads_stay_apart(a, b):
    assert bench.head_noun(a) != bench.head_noun(b)
