"""Table tests for ctd_crawler.page.bylines (bylines at the end of the body, CMS accounts)
and the byline step of the text pipeline."""

from __future__ import annotations

import pytest

from ctd_crawler.extract.people import extract_people
from ctd_crawler.items import ArticleItem
from ctd_crawler.page.bylines import is_cms_account, split_byline
from ctd_crawler.pipelines.text import TextPipeline

# (body, body after the split or None when unchanged, author or None)
SPLIT_CASES = [
    ("Đoạn một.\n\nĐoạn hai kết thúc.\n\nMinh Anh", "Đoạn một.\n\nĐoạn hai kết thúc.", "Minh Anh"),
    ("Nội dung bài.\n\nTheo Báo Bắc Kạn", "Nội dung bài.", "Theo Báo Bắc Kạn"),
    ("Nội dung bài.\n\nThu Hà (tổng hợp)", "Nội dung bài.", "Thu Hà"),
    ("Nội dung bài.\n\nTin, ảnh: Hoàng Lan", "Nội dung bài.", "Hoàng Lan"),
    ("Nội dung bài.\n\nBài và ảnh: Lê Tùng", "Nội dung bài.", "Lê Tùng"),
    ("Nội dung bài.\n\nPV", "Nội dung bài.", "PV"),
    # the author as the byline writes it, with the chapter it names
    ("Nội dung bài.\n\nNguyễn Văn A - Hội CTĐ huyện Ba Bể", "Nội dung bài.", "Nguyễn Văn A - Hội CTĐ huyện Ba Bể"),
    ("Nội dung bài.\n\nHữu Nghĩa (Hội CTĐ huyện U Minh)", "Nội dung bài.", "Hữu Nghĩa (Hội CTĐ huyện U Minh)"),
    ("Nội dung bài.\n\nKim Ngân (Hội Chữ thập đỏ huyện Hương Khê, tỉnh Hà Tĩnh)", "Nội dung bài.",
     "Kim Ngân (Hội Chữ thập đỏ huyện Hương Khê, tỉnh Hà Tĩnh)"),
    ("Nội dung bài.\n\nThanh Tâm, Văn phòng Trung ương Hội", "Nội dung bài.", "Thanh Tâm, Văn phòng Trung ương Hội"),
    # a dotted abbreviation in the chapter is no sentence end
    ("Nội dung bài.\n\nBảo Ngọc (Hội CTĐ TP. Vinh)", "Nội dung bài.", "Bảo Ngọc (Hội CTĐ TP. Vinh)"),
    ("Nội dung bài.\n\nTin, ảnh: Hải Yến (Hội CTĐ T.Ư)", "Nội dung bài.", "Hải Yến (Hội CTĐ T.Ư)"),
    # two reporters
    ("Nội dung bài.\n\nMinh Châu - Quốc Việt", "Nội dung bài.", "Minh Châu - Quốc Việt"),
    # a CMS login is split off as a byline (the pipeline keeps it out of the author)
    ("Nội dung bài.\n\nADMIN", "Nội dung bài.", "ADMIN"),
    # not bylines: a photo credit stays with its caption
    ("Bà Lò Thị Mai trao quà cho các em.\n\nẢnh: Minh Anh", None, None),
    ("Bà Lò Thị Mai trao quà cho các em.\n\n(Ảnh: Minh Anh)", None, None),
    ("Nội dung bài.\n\nẢnh minh họa: Thu Hà", None, None),
    # not a byline: a parenthesis after words that are not a name
    ("Nội dung bài.\n\nXem thêm (bài liên quan)", None, None),
    # not bylines: a sentence, a long paragraph, a single paragraph, a number
    ("Nội dung bài.\n\nHội đã trao 50 suất quà cho các hộ nghèo.", None, None),
    ("Nội dung bài.\n\nTổng giá trị đạt 200 triệu đồng", None, None),
    ("Minh Anh", None, None),
    ("Nội dung bài.\n\nCác hoạt động đạt giá trị cao như phong trào Tết Nhân ái và vận động xây dựng nhà nhân đạo cho hộ nghèo", None, None),
    ("Nội dung bài.\n\n2024", None, None),
    # not bylines: a name followed by more text, not by an organisation
    ("Nội dung bài.\n\nMinh Anh (Hội CTĐ huyện Kỳ Anh). Hội sẽ tiếp tục vận động.", None, None),
    ("Nội dung bài.\n\nMinh Anh - các bạn trẻ đã tham gia tích cực", None, None),
    ("Nội dung bài.\n\nMinh Anh; Hội CTĐ huyện", None, None),
    ("Nội dung bài.\n\nTheo báo cáo. Hội đã hoàn thành chỉ tiêu", None, None),
    ("Nội dung bài.\n\nPV (Hội CTĐ huyện)", None, None),
    # not bylines: a person introduced by an honorific (a caption), though "Anh" opens names
    ("Nội dung bài.\n\nBà Lê Thị Hoa, Phó Giám đốc Quỹ Bảo trợ trẻ em tỉnh phát biểu", None, None),
    ("Nội dung bài.\n\nÔng Trần Văn Tư", None, None),
    ("Nội dung bài.\n\nAnh Thư", "Nội dung bài.", "Anh Thư"),
    ("Nội dung bài.\n\n, Hội CTĐ huyện", None, None),  # an affiliation with no name before it
]


@pytest.mark.parametrize("body,expected_body,author", SPLIT_CASES, ids=[c[0][-30:] for c in SPLIT_CASES])
def test_split_byline(body, expected_body, author):
    got_body, got_author = split_byline(body)
    assert got_author == author
    assert got_body == (expected_body if expected_body is not None else body)


def test_split_table_has_enough_negatives():
    assert sum(1 for _, _, author in SPLIT_CASES if author is None) >= len(SPLIT_CASES) / 3


@pytest.mark.parametrize("bad", [None, 3, "", "\n\n", "Một đoạn."])
def test_split_bad_input_unchanged(bad):
    assert split_byline(bad) == (bad, None)


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


# --- the byline step of the text pipeline


def _item(body: str, author: str | None = None) -> ArticleItem:
    return ArticleItem(
        url="https://example.vn/a.html", title="Tiêu đề", date_text=None, author=author, body_text=body,
        lang="vi", layout="generic", site=None, fetched_at="2026-01-01T00:00:00+07:00", status=200,
        content_type="text/html", encoding="utf-8", raw=b"", html="")


def _text_step(body: str, author: str | None = None) -> ArticleItem:
    return TextPipeline().apply(_item(body, author), lambda *a, **k: None)


@pytest.mark.parametrize("body,layout_author,body_after,author", [
    # the last paragraph's byline becomes the author and leaves the body
    ("Nội dung bài.\n\nMinh Anh (Hội CTĐ huyện Kỳ Anh)", None, "Nội dung bài.", "Minh Anh (Hội CTĐ huyện Kỳ Anh)"),
    # a byline the layout already read stays the author; the paragraph still leaves the body
    ("Nội dung bài.\n\nMinh Anh", "Thu Hà", "Nội dung bài.", "Thu Hà"),
    # a CMS login as the last paragraph is neither body nor author
    ("Nội dung bài.\n\nADMIN", None, "Nội dung bài.", None),
    ("Nội dung bài.\n\nSuper User", None, "Nội dung bài.", None),
    # a CMS login from the layout gives way to the byline
    ("Nội dung bài.\n\nMinh Anh", "Super User", "Nội dung bài.", "Minh Anh"),
    ("Nội dung bài.", "admin", "Nội dung bài.", None),
    # a photo credit stays in the body and is no author
    ("Bà Lò Thị Mai trao quà.\n\nẢnh: Minh Anh", None, "Bà Lò Thị Mai trao quà.\n\nẢnh: Minh Anh", None),
])
def test_text_step_byline(body, layout_author, body_after, author):
    item = _text_step(body, layout_author)
    assert (item.body_text, item.author) == (body_after, author)


def test_text_step_lookalike_letters_become_vietnamese_before_people():
    # an eth typed for đ ("Ðỗ"): the text boundary puts the Vietnamese letter back
    item = _text_step("Ông Ðỗ Văn Ðức, Chủ tịch Hội CTĐ xã, trao quà.")
    people = extract_people(item.body_text)
    assert [(p.name, p.title) for p in people] == [("Đỗ Văn Đức", "Chủ tịch Hội CTĐ xã")]

