"""Property tests (Hypothesis), over arbitrary text and arbitrary command lines:

- the whole chain of extractors, as the pipelines run it on a page's title and text
  (NFD, control characters, look-alike letters, very long lines, escaped lone surrogates,
  HTML fragments, Vietnamese figures and dates): it never fails on an extractor (a failure
  would be recorded as an `extract_error` problem), every string it stores is NFC without
  control characters, and every span a fact reports occurs in the text it was read from;
- every query command with arbitrary strings for its options: a result, or one line and
  exit status 1 or 2, never a traceback, and the archive file byte for byte as it was.

The number of cases is Hypothesis's `max_examples` below (the closing note of issue 16
reports them)."""

from __future__ import annotations

import hashlib
import unicodedata

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ctd_crawler.cli import main
from ctd_crawler.pipelines import run_chain
from tests.conftest import make_item

pytestmark = pytest.mark.slow

# Pieces real pages are made of, and what breaks naive code.
PIECES = [
    "Hội Chữ thập đỏ tỉnh", "Hoi Chu thap do", unicodedata.normalize("NFD", "Hội Chữ thập đỏ huyện Mù Cang Chải"),
    "ông Nguyễn Văn A, Chủ tịch", "bà Trần Thị B - Phó Chủ tịch UBND xã", "xã Y Tý, huyện Bát Xát, tỉnh Lào Cai",
    "phường 5, quận 3, TP.HCM", "1.050 đơn vị máu", "200 suất quà, mỗi suất 500.000 đồng", "1,5 tỷ đồng",
    "ngày 26/01/2018", "từ 8/5 đến 19/5", "Tết Bính Ngọ 2026", "sáng 13/3", "Ð", "ð", "\u0110", "\x1b]0;x\x07",
    "\x00", "\x85", "\u200b", "\ufeff", "\\ud800", "\\udc80", "<b>", "</p>", "<script>alert(1)</script>", "&nbsp;",
    "\n\n", "\t", " - ", "“", "”", "(", ")", "...", "%", "$", "VND", "USD", "km", "x" * 300, "9" * 40,
]
TEXT = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=40)), max_size=40).map(" ".join)


def strings_of(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from strings_of(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from strings_of(v)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=TEXT, body=TEXT)
def test_the_chain_never_fails_and_reports_only_what_is_written(title, body):
    failed = []
    item = run_chain(make_item(title=title, body=body), lambda key, n=1: failed.append(key)
                     if key.startswith("extract_error/") else None)
    assert not failed, item.problems
    read = item.text_for_facts()
    for kind in ("people", "places", "money", "counts", "event_dates"):
        for fact in getattr(item, kind):
            assert fact["text"] in read, (kind, fact)
    for text in strings_of(item.extraction()):
        assert unicodedata.is_normalized("NFC", text)
        assert not any(unicodedata.category(c) == "Cc" and c not in "\n\t" for c in text), repr(text)


@pytest.fixture(scope="module")
def small_archive(tmp_path_factory):
    from ctd_crawler.store import open_archive

    path = tmp_path_factory.mktemp("props") / "ctd.sqlite"
    archive = open_archive(path)
    archive.db["sites"].insert({"id": "vnrc", "name": "TW Hội CTĐ", "base_url": "https://redcross.org.vn",
                                "family": "wordpress"})
    for n, body in enumerate(["Hội Chữ thập đỏ tỉnh Lào Cai trao 200 suất quà, mỗi suất 500.000 đồng.",
                              "Ông Nguyễn Văn An, Chủ tịch Hội Chữ thập đỏ huyện Bát Xát, tiếp nhận 50 đơn vị máu."]):
        archive.save(run_chain(make_item(url=f"https://redcross.org.vn/bai-{n}.html", body=body)))
    archive.close()
    return path


OPTION = st.one_of(st.sampled_from(["2024", "2024-13", "2024-02-30", "yesterday", "vnrc", "nosuch", "Lào Cai",
                                    "lao cai", "%", "_", "'; DROP TABLE articles; --", "\x1b[2J", "", " ", "-1",
                                    "99999999999999999999", "NEAR(a b)", '"']),
                   st.text(max_size=20))
COMMANDS = [
    ("search", ["--site", "--since", "--until", "--province"], True),
    ("people", ["--site", "--since", "--until", "--province", "--name"], False),
    ("places", ["--site", "--since", "--until", "--province", "--level"], False),
    ("money", ["--site", "--since", "--until", "--province", "--by"], False),
    ("changes", ["--site", "--since", "--until"], False),
    ("export", ["--site", "--since", "--until", "--province", "--table"], False),
    ("stats", [], False),
]


@pytest.mark.parametrize("command, options, needs_text", COMMANDS, ids=[c[0] for c in COMMANDS])
def test_query_commands_answer_or_say_one_line_and_never_write(small_archive, command, options, needs_text):
    digest = hashlib.sha256(small_archive.read_bytes()).hexdigest()

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                    HealthCheck.function_scoped_fixture])
    @given(values=st.lists(OPTION, min_size=len(options), max_size=len(options)), text=OPTION,
           chosen=st.lists(st.booleans(), min_size=len(options), max_size=len(options)))
    def check(values, text, chosen):
        args = [command, "--archive", str(small_archive)]
        for option, value, on in zip(options, values, chosen):
            if on:
                args += [option, value]
        if needs_text:
            args += ["--", text]
        result = CliRunner().invoke(main, args)
        assert result.exception is None or isinstance(result.exception, SystemExit), (args, result.exception)
        assert "Traceback" not in result.output
        if result.exit_code:
            assert result.exit_code in (1, 2) and len(result.output.strip().splitlines()) == 1, (args, result.output)
        assert "\x1b" not in result.output

    check()
    assert hashlib.sha256(small_archive.read_bytes()).hexdigest() == digest
