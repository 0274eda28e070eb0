"""Table tests for ctd_crawler.page.bylines (bylines at the end of the body, CMS accounts)."""

from __future__ import annotations

import pytest

from ctd_crawler.extract.people import extract_people
from ctd_crawler.page.bylines import is_cms_account, split_byline


@pytest.mark.parametrize("body,expected_body,author", [
    ("Đoạn một.\n\nĐoạn hai kết thúc.\n\nMinh Anh", "Đoạn một.\n\nĐoạn hai kết thúc.", "Minh Anh"),
    ("Nội dung bài.\n\nTheo Báo Bắc Kạn", "Nội dung bài.", "Theo Báo Bắc Kạn"),
    ("Nội dung bài.\n\nNguyễn Văn A - Hội CTĐ huyện Ba Bể", "Nội dung bài.", "Nguyễn Văn A - Hội CTĐ huyện Ba Bể"),
    ("Nội dung bài.\n\nThu Hà (tổng hợp)", "Nội dung bài.", "Thu Hà"),
    ("Nội dung bài.\n\nTin, ảnh: Hoàng Lan", "Nội dung bài.", "Hoàng Lan"),
    ("Nội dung bài.\n\nPV", "Nội dung bài.", "PV"),
    ("Nội dung bài.\n\nHữu Nghĩa (Hội CTĐ huyện U Minh)", "Nội dung bài.", "Hữu Nghĩa (Hội CTĐ huyện U Minh)"),
    # not a byline: a parenthesis after words that are not a name
    ("Nội dung bài.\n\nXem thêm (bài liên quan)", None, None),
    # not bylines: a sentence, a long paragraph, a single paragraph, a number
    ("Nội dung bài.\n\nHội đã trao 50 suất quà cho các hộ nghèo.", None, None),
    ("Nội dung bài.\n\nTổng giá trị đạt 200 triệu đồng", None, None),
    ("Minh Anh", None, None),
    ("Nội dung bài.\n\nCác hoạt động đạt giá trị cao như phong trào Tết Nhân ái và vận động xây dựng nhà nhân đạo cho hộ nghèo", None, None),
    ("Nội dung bài.\n\n2024", None, None),
])
def test_split_byline(body, expected_body, author):
    got_body, got_author = split_byline(body)
    assert got_author == author
    assert got_body == (expected_body if expected_body is not None else body)


def test_byline_not_a_person_after_split():
    body, author = split_byline("Ông Lê Văn Hải trao quà.\n\nHoàng Minh Đức")
    assert author == "Hoàng Minh Đức"
    assert [p.name for p in extract_people(body)] == ["Lê Văn Hải"]


@pytest.mark.parametrize("author,numbered,expected", [
    ("Super User", False, True), ("admin", False, True), ("Quản trị viên", False, True),
    ("QUAN TRI", False, True), ("admin2", False, False), ("admin2", True, True),
    ("Webmaster", True, True), ("Minh Anh", False, False), ("Theo Báo Bắc Kạn", True, False),
])
def test_cms_account(author, numbered, expected):
    assert is_cms_account(author, numbered=numbered) is expected
