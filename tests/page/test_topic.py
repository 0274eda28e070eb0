"""Whether a paper's story is a Red Cross story (page/topic.py, cues in
extract/data/topics/red-cross.txt): a cue in the headline or the lead makes it one, a cue
anywhere else does not. Cases written for this table; half and more must say no."""

from __future__ import annotations

import unicodedata

import pytest

from ctd_crawler.extract.lexicon import data_lines
from ctd_crawler.page.topic import on_topic, slug_on_topic
from ctd_crawler.sites import TOPICS

TOPIC = "red-cross"
# A lead and paragraphs with no cue: what a paper writes about any kind of giving.
PLAIN_LEAD = "Sáng 12/3, đoàn công tác của huyện đã đến thăm, tặng quà cho các gia đình có hoàn cảnh khó khăn."
PLAIN = ("Mỗi suất quà gồm 10 kg gạo, dầu ăn và 500.000 đồng tiền mặt.",
         "Dịp này, lãnh đạo địa phương động viên các gia đình vươn lên trong cuộc sống.")


def body(lead: str = PLAIN_LEAD, *rest: str) -> str:
    return "\n\n".join((lead, *(rest or PLAIN)))


ON_TOPIC = [
    # (case, title, body, on topic)
    ("cue in the headline", "Hội Chữ thập đỏ huyện trao quà cho hộ khó khăn", body(), True),
    ("cue in the lead", "Trao 200 suất quà cho người dân vùng lũ",
     body("Ngày 5/10, Hội Chữ thập đỏ tỉnh phối hợp với xã trao quà cho người dân bị thiệt hại do lũ."), True),
    ("headline in capitals", "CHỮ THẬP ĐỎ TỈNH PHÁT ĐỘNG ỦNG HỘ ĐỒNG BÀO VÙNG LŨ", body(), True),
    ("the abbreviation CTĐ", "Hội CTĐ xã Tân Lập bàn giao nhà cho hộ nghèo", body(), True),
    ("ctđ written in lower case in the lead", "Bàn giao nhà cho hộ nghèo xã Tân Lập",
     body("Chiều 3/4, hội ctđ xã Tân Lập bàn giao ngôi nhà mới cho gia đình bà Lường Thị Mai."), True),
    ("CTD typed without its stroke", "Trao quà Tết tại xã Yên Hòa", body("Ngày 20/1, Hội CTD huyện trao 150 suất quà."),
     True),
    ("a typo the folding survives", "Hội Chư thập đỏ thành phố thăm hỏi người cao tuổi", body(), True),
    ("headline in decomposed Unicode", unicodedata.normalize("NFD", "Hội Chữ thập đỏ phường trao học bổng"), body(),
     True),
    ("English: Red Cross", "Viet Nam Red Cross supports families after the flood",
     body("The society delivered food and cash to 300 households.", "Volunteers helped clean the houses."), True),
    ("English: Red Crescent in the lead", "Relief goods arrive in the capital",
     body("The Red Crescent society sent 20 tonnes of relief goods on Monday.", "More aid is expected."), True),
    ("a blood drive", "Ngày hội hiến máu tình nguyện tiếp nhận 420 đơn vị máu", body(), True),
    ("a campaign by its name", "Tết Nhân ái năm 2026 đến với 500 hộ nghèo vùng cao", body(), True),
    ("first aid in the lead", "Học sinh được hướng dẫn kỹ năng cứu người đuối nước",
     body("Trong 2 ngày 5 và 6/6, 120 học sinh được tập huấn sơ cấp cứu ban đầu."), True),
    ("a humanitarian house", "Khánh thành nhà nhân đạo cho cựu chiến binh nghèo", body(), True),
    # no cue where a paper says what the story is about
    ("cue only deep in the body", "Trao 300 suất quà cho người dân vùng lũ",
     body(PLAIN_LEAD, PLAIN[0], "Chương trình có sự tham gia của Hội Chữ thập đỏ xã."), False),
    ("cue only in the tag line under the text", "Trao quà cho gia đình chính sách",
     body(PLAIN_LEAD, *PLAIN, "Từ khóa: Chữ thập đỏ, nhân đạo"), False),
    ("nhân đạo alone", "Lan tỏa tinh thần nhân đạo trong cộng đồng", body(), False),
    ("a charity group", "Nhóm từ thiện trao 100 chiếc xe đạp cho học sinh nghèo", body(), False),
    ("helping poor households without a cue", "Hỗ trợ hộ nghèo xây nhà trước mùa mưa bão",
     body("Huyện đã hỗ trợ 35 hộ nghèo xây mới, sửa chữa nhà ở từ nguồn ngân sách và xã hội hóa."), False),
    ("a bank, not a blood bank", "Ngân hàng chính sách xã hội giải ngân vốn vay cho hộ nghèo", body(), False),
    ("a red flag, a green Sunday", "Ngày Chủ nhật xanh: thanh niên treo cờ đỏ sao vàng", body(), False),
    ("CTĐT is another abbreviation", "Trường cao đẳng công bố CTĐT mới",
     body("Nhà trường vừa công bố chương trình đào tạo (CTĐT) ngành điều dưỡng năm 2025."), False),
    ("a company's Tết gifts", "Doanh nghiệp tặng quà Tết cho công nhân khó khăn", body(), False),
    ("a traffic report", "Tai nạn giao thông quý I giảm cả ba tiêu chí",
     body("Trong quý I, toàn tỉnh xảy ra 15 vụ tai nạn giao thông, giảm 4 vụ so với cùng kỳ."), False),
    ("no title, a plain text", None, body(), False),
    ("nothing at all", None, "", False),
]


def test_a_third_of_the_cases_are_off_topic():
    assert sum(not want for *_, want in ON_TOPIC) * 3 >= len(ON_TOPIC)


@pytest.mark.parametrize("title,text,want", [pytest.param(t, b, w, id=case) for case, t, b, w in ON_TOPIC])
def test_on_topic(title, text, want):
    assert on_topic(TOPIC, title, text) is want


def test_the_lead_is_the_first_paragraph_only():
    lead = "Sáng 12/3, huyện trao quà cho hộ khó khăn."
    assert on_topic(TOPIC, "Trao quà", f"{lead} Hội Chữ thập đỏ xã cùng tham gia.\n\nĐoạn sau.")
    assert not on_topic(TOPIC, "Trao quà", f"{lead}\n\nHội Chữ thập đỏ xã cùng tham gia.")


SLUGS = [
    ("https://baolaocai.vn/hoi-chu-thap-do-tinh-trao-qua-cho-ho-ngheo-post12345.html", True),
    ("https://baotinh.example.vn/ngay-hoi-hien-mau-tinh-nguyen-tiep-nhan-500-don-vi-post9876.html", True),
    ("https://baotinh.example.vn/tet-nhan-ai-2026-den-voi-ho-ngheo-vung-cao-post5555.html", True),
    ("https://baotinh.example.vn/xa-hoi/hoi-ctd-xa-trao-qua-cho-nguoi-gia-a1234.html", True),
    ("https://baotinh.example.vn/red-cross-supports-flood-victims-post777.html", True),
    ("https://baotinh.example.vn/tin_tuc/hien_mau_tinh_nguyen_dot_2.html", True),
    ("https://baotinh.example.vn/2024/06/24/chu-nhat-do-nam-2024/", True),
    ("https://baotinh.example.vn/h%E1%BB%99i-ch%E1%BB%AF-th%E1%BA%ADp-%C4%91%E1%BB%8F-trao-qu%C3%A0", True),
    ("https://baotinh.example.vn/chu-thap-do-tag2646.html", True),
    # no cue in the path
    ("https://baotinh.example.vn/nhom-tu-thien-trao-xe-dap-cho-hoc-sinh-post3333.html", False),
    ("https://baotinh.example.vn/ho-tro-ho-ngheo-xay-nha-truoc-mua-bao-post7777.html", False),
    ("https://baotinh.example.vn/lan-toa-tinh-than-nhan-dao-post8888.html", False),
    ("https://baotinh.example.vn/giao-thong/tai-nan-giam-manh-trong-quy-i-post4444.html", False),
    ("https://baotinh.example.vn/giao-duc/cong-bo-ctdt-nganh-dieu-duong-post2222.html", False),
    ("https://baotinh.example.vn/ngan-hang-chinh-sach-giai-ngan-von-vay-post1111.html", False),
    ("https://baotinh.example.vn/post123456.html", False),
    # the host and the query are not the story's words
    ("https://chuthapdo.example.vn/tin-tuc/trao-qua-tet-cho-cong-nhan-post1.html", False),
    ("https://baotinh.example.vn/tim-kiem?q=chu-thap-do", False),
]


def test_a_third_of_the_slugs_are_off_topic():
    assert sum(not want for _, want in SLUGS) * 3 >= len(SLUGS)


@pytest.mark.parametrize("url,want", SLUGS)
def test_slug_on_topic(url, want):
    assert slug_on_topic(TOPIC, url) is want


@pytest.mark.parametrize("topic", TOPICS)
def test_every_topic_the_registry_allows_has_its_cues(topic):
    assert data_lines(f"topics/{topic}.txt")
    assert not on_topic(topic, "", "")
