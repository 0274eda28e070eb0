"""Counted results: people helped, gifts, blood units; not years, dates, ages, ranks, money."""

import pytest

from ctd_crawler.extract.figures import extract_counts

# (phrase, [(value, unit), ...]); [] = no count in it.
COUNTS = [
    ("với 401.489 đối tượng được trợ giúp", [(401_489, "đối tượng")]),
    ("tiếp nhận 1.300 đơn vị máu", [(1_300, "đơn vị máu")]),
    ("hơn 1,3 triệu đơn vị máu", [(1_300_000, "đơn vị máu")]),
    ("trao 320 suất quà", [(320, "suất quà")]),
    # classifier + a longer lexicon unit: the longest reading ("nhà nhân đạo", "bò giống")
    ("xây 2 căn nhà nhân đạo", [(2, "căn nhà nhân đạo")]),
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
    ("200 em học sinh", [(200, "em học sinh")]),
    ("120 em được nhận quà", [(120, "em")]),
    ("hơn 30 đoàn viên thanh niên tham gia", [(30, "đoàn viên")]),
    ("1,300 người", [(1_300, "người")]),
    ("gần 2.000 tình nguyện viên", [(2_000, "tình nguyện viên")]),
    ("5 con bò giống", [(5, "con bò giống")]),
    ("trao 320 suất quà và 20 xe đạp", [(320, "suất quà"), (20, "xe đạp")]),
    ("TRAO 320 SUẤT QUÀ", [(320, "suất quà")]),
    ("tặng 45 chiếc chăn cho các hộ", [(45, "chiếc chăn")]),
    ("trao 3.200 túi cho người dân", [(3_200, "túi")]),
    ("500 bình nước sạch.", [(500, "bình nước sạch")]),
    ("helped 5,000 people", [(5_000, "people")]),
    ("1.2 million households", [(1_200_000, "households")]),
    # the counted noun stops before verbs, prepositions and relative markers (data)
    ("trao 500 bình lọc nước gửi tới các hộ", [(500, "bình lọc nước")]),
    ("trao 800 thùng nước uống do Hội vận động", [(800, "thùng nước uống")]),
    ("500 thùng nước uống lên vùng lũ", [(500, "thùng nước uống")]),
    ("300 thùng mì tôm của nhà tài trợ", [(300, "thùng mì tôm")]),
    ("45 chiếc chăn ấm cho trẻ em", [(45, "chiếc chăn")]),
    ("200 bộ quần áo được trao", [(200, "bộ quần áo")]),
    ("3 ngôi nhà nhân đạo", [(3, "ngôi nhà nhân đạo")]),
    # participants, reach and sessions
    ("Đại hội có 150 đại biểu tham dự", [(150, "đại biểu")]),
    ("khen thưởng 12 tập thể và 20 cá nhân", [(12, "tập thể"), (20, "cá nhân")]),
    ("tập huấn cho 60 học viên", [(60, "học viên")]),
    ("40 y bác sĩ tham gia khám", [(40, "y bác sĩ")]),
    ("tổ chức 210 đợt hiến máu", [(210, "đợt hiến máu")]),
    ("12 buổi tuyên truyền", [(12, "buổi tuyên truyền")]),
    ("tặng 2 con trâu", [(2, "con trâu")]),
    ("kết nối 63 điểm cầu", [(63, "điểm cầu")]),
    ("tại 100 điểm hiến máu", [(100, "điểm hiến máu")]),
    ("hiến máu tại 34 tỉnh, thành phố", [(34, "tỉnh, thành phố")]),
    ("ở 99 xã, phường", [(99, "xã, phường")]),
    ("26 mô hình sinh kế", [(26, "mô hình")]),
    # --- not counts -----------------------------------------------------------------
    # a quantity inside the description of each gift is a part of it, not a result
    ("Mỗi suất quà gồm 1 triệu đồng tiền mặt, 10 kg gạo và nhu yếu phẩm.", []),
    ("mỗi suất gồm 500.000 đồng tiền mặt, 10 kg gạo", []),
    ("mỗi hộ 20 kg gạo", []),
    ("chia làm 3 đợt", []),
    ("2 buổi", []),
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


# English pages: the noun phrase up to its plural head, describing words left out.
COUNTS_EN = [
    ("distributed 800 relief kits to families", [(800, "relief kits")]),
    ("honoured 30 outstanding blood donors", [(30, "blood donors")]),
    ("150,000 bags of rice were delivered", [(150_000, "bags of rice")]),
    ("reaches 2,000 flood-affected households", [(2_000, "households")]),
    ("donated 2,000 oxygen concentrators", [(2_000, "oxygen concentrators")]),
    ("blood drives in 40 provinces and cities", [(40, "provinces and cities")]),
    ("VND 10 million per household to 42 families", [(42, "families")]),
    ("1,100 households received cash grants", [(1_100, "households")]),
    # not counts
    ("over 2 days of training", []),
    ("in 3 provinces of the north", []),
    ("for 10 years the Society", []),
    ("donated 5 times", []),
    ("Typhoon No. 10 hit the coast", []),
    ("the 2024 campaign was launched", []),
    ("aged 45 years", []),
    ("in 2022 the Society", []),
    ("reached 5,000 in total", []),
]


@pytest.mark.parametrize("phrase,expected", COUNTS_EN)
def test_counts_english(phrase, expected):
    assert [(c.value, c.unit) for c in extract_counts(phrase, lang="en")] == expected


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
