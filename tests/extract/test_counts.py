"""Counted results: people helped, gifts, blood units; not years, dates, ages, ranks, money."""

import pytest

from ctd_crawler.extract.money import extract_counts

# (phrase, [(value, unit), ...]); [] = no count in it.
COUNTS = [
    ("với 401.489 đối tượng được trợ giúp", [(401_489, "đối tượng")]),
    ("tiếp nhận 1.300 đơn vị máu", [(1_300, "đơn vị máu")]),
    ("hơn 1,3 triệu đơn vị máu", [(1_300_000, "đơn vị máu")]),
    ("trao 320 suất quà", [(320, "suất quà")]),
    ("xây 2 căn nhà nhân đạo", [(2, "căn nhà")]),
    ("1.000 lượt người hiến máu", [(1_000, "lượt người hiến máu")]),
    ("tặng 50 xe lăn", [(50, "xe lăn")]),
    ("trao 100 suất học bổng", [(100, "suất học bổng")]),
    ("trao 100 học bổng", [(100, "học bổng")]),
    ("5 tấn gạo", [(5, "tấn gạo")]),
    ("120 hộ nghèo", [(120, "hộ nghèo")]),
    ("hỗ trợ 35 hộ", [(35, "hộ")]),
    ("khám bệnh cho 500 người", [(500, "người")]),
    ("450 ml máu", [(450, "ml máu")]),
    ("sơ cứu 12 ca", [(12, "ca")]),
    ("trao 05 suất quà", [(5, "suất quà")]),
    ("hai trăm suất quà", [(200, "suất quà")]),
    ("mười lăm hộ", [(15, "hộ")]),
    ("200 em học sinh", [(200, "em")]),
    ("1,300 người", [(1_300, "người")]),
    ("gần 2.000 tình nguyện viên", [(2_000, "tình nguyện viên")]),
    ("5 con bò giống", [(5, "con bò")]),
    ("trao 320 suất quà và 20 xe đạp", [(320, "suất quà"), (20, "xe đạp")]),
    ("TRAO 320 SUẤT QUÀ", [(320, "suất quà")]),
    ("tặng 45 chiếc chăn cho các hộ", [(45, "chiếc chăn")]),
    ("trao 3.200 túi cho người dân", [(3_200, "túi")]),
    ("500 bình nước sạch.", [(500, "bình nước sạch")]),
    ("helped 5,000 people", [(5_000, "people")]),
    ("1.2 million households", [(1_200_000, "households")]),
    # --- not counts -----------------------------------------------------------------
    ("Trong 2 ngày 20 và 21/6/2024", []),
    ("cụm thi đua số 4", []),
    ("Tổng giá trị 7 lĩnh vực hoạt động", []),
    ("6 tháng đầu năm 2024", []),
    ("cụ bà 85 tuổi", []),
    ("Đại hội lần thứ XI", []),
    ("lần thứ 3 người", []),
    ("Điện thoại 0912345678", []),
    ("Nghị định số 93/2021/NĐ-CP", []),
    ("trị giá 200 triệu đồng", []),
    ("500.000 đồng/người", []),
    ("từ 200 đến 300 người", []),
    ("200-300 người", []),
    ("một người dân cho biết", []),
    ("ba hộ", []),
    ("năm người", []),
    ("20 đơn vị tham gia", []),
    ("7 thành viên", []),
    ("2 năm", []),
    ("3 tỉnh", []),
    ("tăng 15% số người", []),
    ("ngày 20 người", []),
    ("năm 2024 người dân", []),
    ("21/6 người", []),
    ("khoảng200 người", []),
    ("1,5 người", []),
    ("hàng trăm người", []),
    ("nhiều người", []),
    ("một số hộ", []),
    ("có 2 con nhỏ", []),
    ("3 chiếc", []),
    ("ngày 20 chiếc", []),
]


@pytest.mark.parametrize("phrase,expected", COUNTS)
def test_counts(phrase, expected):
    lang = "en" if phrase.isascii() and any(w in phrase for w in ("people", "households")) else "vi"
    assert [(c.value, c.unit) for c in extract_counts(phrase, lang=lang)] == expected


def test_table_sizes():
    negatives = [p for p, e in COUNTS if not e]
    assert len(negatives) * 3 >= len(COUNTS)


@pytest.mark.parametrize(
    "phrase,qualifier",
    [("hơn 1,3 triệu đơn vị máu", "over"), ("gần 500 người", "under"),
     ("khoảng 500 người", "about"), ("500 người", None)],
)
def test_count_qualifier(phrase, qualifier):
    [c] = extract_counts(phrase)
    assert c.qualifier == qualifier


def test_count_text_and_start():
    text = "Hội đã trao 320 suất quà cho người nghèo."
    [c] = extract_counts(text)
    assert c.text == "320 suất quà" and text[c.start:].startswith(c.text)


def test_repeated_count_is_one_row():
    assert len(extract_counts("Trao 320 suất quà\n\nHội đã trao 320 suất quà.")) == 1
