"""Table tests for who is a person in ctd_crawler.extract.people (issue 14): glued hyphens,
doubled honorifics, academic titles in English, Chinese and one-syllable names; streets,
companies, organisations and bylines glued to the text are not people.

Sentences are invented, in the shapes real reporters write."""

from __future__ import annotations

import pytest

from ctd_crawler.extract.people import extract_people

# (text, [(name, honorific), ...]): who must be found.
FOUND = [
    # a hyphen without spaces between name and title
    ("Bà Nguyễn Thị Lan-Phó Chủ tịch Hội CTĐ xã trao quà.", [("Nguyễn Thị Lan", "bà")]),
    ("Ông Phạm Văn Tú-Chủ tịch UBND xã cho biết.", [("Phạm Văn Tú", "ông")]),
    # hyphenated given names stay whole
    ("Ông Kim Sung-ho, đại diện KOICA, phát biểu.", [("Kim Sung-ho", "ông")]),
    # a doubled honorific (a typo) is read once
    ("Ông ông Trần Văn Hòa, Chủ tịch UBND xã trao quà.", [("Trần Văn Hòa", "ông")]),
    ("Chủ tịch UBND xã, bà bà Lò Thị Sen cho biết.", [("Lò Thị Sen", "bà")]),
    # academic titles in English
    ("Associate Professor Nguyen Anh Tri said the campaign would go on.", [("Nguyen Anh Tri", None)]),
    ("Professor Do Quang Vinh opened the seminar.", [("Do Quang Vinh", None)]),
    # Chinese names after a title
    ("Chinese Consul General Wang Lin handed over the donation.", [("Wang Lin", None)]),
    ("The gifts were presented by Ambassador Xiong Bo.", [("Xiong Bo", None)]),
    # a one-syllable name after an honorific
    ("Ngôi nhà mới của ông Khiêm rộng 40 m2.", [("Khiêm", "ông")]),
    ("Cụ Bình và bà Sáu được tặng quà.", [("Sáu", "bà")]),
    ("Mr. Hung said the families had received rice.", [("Hung", "Mr.")]),
    # ... which joins the full name it ends, or the one it is part of
    ("Ông Lường Văn Pọm dự lễ.\n\nÔng Pọm cho biết.", [("Lường Văn Pọm", "ông")]),
    ("Mr. Nguyen Van Son attended.\n\nMr. Nguyen said the aid arrived.", [("Nguyen Van Son", "Mr.")]),
    # ... and given names without a family name join the full name that ends in them
    ("Nhà báo Trần Xuân Tùng dự lễ.\n\nTheo nhà báo Xuân Tùng, chương trình còn tiếp.", [("Trần Xuân Tùng", None)]),
    ("Cô Thanh Hằng dạy lớp 5.\n\nCô Lê Thanh Mai dạy lớp 4.", [("Thanh Hằng", "cô"), ("Lê Thanh Mai", "cô")]),
    # "cô", "thầy" with a full name
    ("Quà do gia đình cô Thanh Hằng ủng hộ.", [("Thanh Hằng", "cô")]),
    ("Thầy Lê Văn Bình, Hiệu trưởng nhà trường cho biết.", [("Lê Văn Bình", "thầy")]),
    # a capitalised honorific mid-line before a full name (a caption joined to the text)
    ("Khám bệnh cho người dân Bà Vi Thị Hoa, Chủ tịch Hội CTĐ xã cho biết.", [("Vi Thị Hoa", "bà")]),
    # an organisation word that is also a surname, a middle name after it ("Ban" is a board)
    ("Bà Ban Thị Hoa nhận quà của Hội.", [("Ban Thị Hoa", "bà")]),
    ("Mr. Ban Van Toan said the rice arrived.", [("Ban Van Toan", "Mr.")]),
    # a given name spelt like a head with other diacritics is a name ("Viễn" is no "viên")
    ("Ông Đặng Sinh Viễn, Chủ tịch Hội Nông dân xã, dự lễ.", [("Đặng Sinh Viễn", "ông")]),
    ("Ông Lò Văn Tư Giám đốc Sở Y tế cho biết.", [("Lò Văn Tư", "ông")]),  # ... but a head with its own ends it
    ("Hội trao học bổng cho em Lê Văn Bình.", [("Lê Văn Bình", "em")]),  # the pupil is a person
    # another name in brackets after the name is the same person's
    ("Chi phí do chị Huỳnh Thị Bảo Vy (Vy Nguyen) tài trợ.\n\nChị Vy Nguyen xúc động.",
     [("Huỳnh Thị Bảo Vy", "chị")]),
    ("Ông Lò Văn Sáu (SN 1965) nhận quà.", [("Lò Văn Sáu", "ông")]),  # an aside, no name
    ("Most Venerable Thich Quang Tam, Vice President of the council, attended.", [("Thich Quang Tam", None)]),
    # a middle name typed in lower case between a surname and a given name
    ("Bà Lê thị Hoa nhận quà.", [("Lê thị Hoa", "bà")]),
    ("Chương trình Lê văn hóa dân gian được giới thiệu.", []),
    # Dao and Thái family names
    ("Chảo Láo Tả, người dân thôn Sín Chải, nhận bò giống.", [("Chảo Láo Tả", None)]),
    ("Ông Tẩn Dào Sếnh cho biết.", [("Tẩn Dào Sếnh", "ông")]),
    ("Bà Lù Thị Mai được hỗ trợ làm nhà.", [("Lù Thị Mai", "bà")]),
    # a byline glued to the first sentence: the name ends before the sentence, mid-text
    ("Hội đã trao quà.\n\nÔng Đào Văn Minh Trong năm qua đã hiến máu 20 lần.", [("Đào Văn Minh", "ông")]),
]

# (text, [(name, honorific), ...]): what must NOT be taken for a person.
NOT_PEOPLE = [
    # streets after a house number
    ("Trụ sở Hội đặt tại 215 Trần Phú, phường Lê Lợi.", []),
    ("The shop at 12/34 Nguyen Van Cu street gives free clothes.", []),
    ("Trao quà tại số 18 Lê Văn Hưu, thành phố Thanh Hóa.", []),
    # an English slogan in curly quotes: the quotes are no diacritics, "Forget" no Vietnamese syllable
    ("The walk carried the message “Do Not Forget Them” across the city.", []),
    # a name the article also writes after a level word is that place (one sense per article)
    ("Đoàn đến xã Giàng Chu Phìn.\nGiàng Chu Phìn là xã nghèo của huyện.", []),
    ("Hội trao quà ở phường Lê Lợi.\nLê Văn Lợi cho biết các hộ rất vui.", [("Lê Văn Lợi", None)]),
    # a title that ends the line at a level word
    ("Ông Tạ Văn Khoa, Chủ tịch Hội Chữ thập đỏ huyện", [("Tạ Văn Khoa", "ông")]),
    # groups named after a person, their kind written between
    ("Hội phối hợp với Quỹ khuyến học cộng đồng Phạm Văn Đồng trao học bổng.", []),
    ("Đội Sơ cấp cứu tình nguyện Lý Văn Mạnh trực tại bến xe.", []),
    ("CLB Bóng đá thiếu niên Hoàng Văn Thụ nhận quà.", []),
    ("Quỹ khuyến học và CLB “Lê Quý Đôn tương lai” trao quà.", []),  # the name in quotes
    # a church is no poet: "nhà thờ" is not the prefix "nhà thơ"
    ("Hội phối hợp với nhà thờ Tân Định trao quà.", []),
    ("Nhà thơ Lưu Quang Vũ được nhắc đến.", [("Lưu Quang Vũ", None)]),
    # ... but a person after "do", "của", "với" is a person
    ("Nhóm thiện nguyện do Đặng Văn Toàn, Trưởng thôn, lập ra.", [("Đặng Văn Toàn", None)]),
    ("Quỹ được lập nhờ ông Vương Đình Huệ.", [("Vương Đình Huệ", "ông")]),
    # universities and colleges named like people ("Y" also opens Ê Đê men's names)
    ("Sinh viên Đại học Y Dược Thái Nguyên tham gia hiến máu.", []),
    ("Học viện Lê Văn Hưu cử 20 học viên dự thi.", []),
    # companies and shops
    ("Công ty Đồng Văn Phát trao 50 suất quà.", []),
    ("Doanh nghiệp Lê Gia ủng hộ 20 triệu đồng.", []),
    ("Tàu Hoàng Phúc 09 cập cảng an toàn.", []),
    # English organisations and places
    ("Representatives of the Quang Tri Party Committee attended.", []),
    ("The Can Tho Red Cross delivered rice.", []),
    ("Families in Cam Le district received the gifts.", []),
    ("The dam in Lang Son's Van An commune was repaired.", []),
    ("Hundreds of families in Ho Chi Min city were evacuated.", []),
    ("People in Quang Nam's Tam Ky received water filters.", []),
    # a byline glued to the first sentence of a paragraph
    ("Lê Minh Thư Trong tháng 5, Hội đã trao 200 suất quà.", []),
    ("Hoàng Thu Trang Thực hiện kế hoạch của Trung ương Hội, tỉnh đã triển khai.", []),
    ("Vũ Ngọc Ánh Ngày 10/5, Hội tổ chức lễ phát động.", []),
    # a place or a figure of belief named with an honorific
    ("Bà Rịa đón đoàn công tác.", []),
    ("Tết ông Táo, các em được tặng quà.", []),
    ("Các em nhỏ được ông Già Noel tặng quà.", []),
    ("Hội thăm bà Mẹ và các cháu.", []),
    # a word with diacritics is a surname only with its own ("Trưởng" is not "Trương")
    ("Trưởng Ban Tổ chức đã thông báo kết quả.", []),
    ("TỔ CHỨC TRAO QUÀ TẠI XÃ VÂN HỒ", []),
    # scholarships and prizes named after a person; a word cut short is no name
    ("Hội trao học bổng Trần Văn Ơn cho 50 em.", []),
    ("Hội trao 20 suất học bổng Lê Thị Hồng Gấm.", []),
    ("Giải thưởng Võ Văn Tần được trao cho 3 tập thể.", []),
    ("Phát biểu tại lễ, nhà báo Ph", []),
    # a board's name goes on in lower case after "Văn" / "Thi"
    ("Ban Văn hóa - Xã hội HĐND tỉnh khảo sát.", []),
    ("Ban Thị trường tỉnh họp.", []),
    ("Ban Thi đua - Khen thưởng huyện trao cờ thi đua.", []),
    # an English sentence opener is no Chinese name
    ("He said the aid would arrive soon.", []),
    ("He Also visited Ha Giang.", []),
]
CASES = FOUND + NOT_PEOPLE


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:60] for c in CASES])
def test_person(text, expected):
    assert [(p.name, p.honorific) for p in extract_people(text)] == expected


def test_table_has_enough_negatives():
    assert len(NOT_PEOPLE) >= len(CASES) / 3


def test_glued_byline_is_not_a_person_but_the_sentence_keeps_its_people():
    text = "Tiêu đề bài\n\nMai Thu Hà Trong tháng 6, bà Đỗ Thị Mai, Chủ tịch Hội CTĐ huyện trao quà."
    assert [(p.name, p.title) for p in extract_people(text)] == [("Đỗ Thị Mai", "Chủ tịch Hội CTĐ huyện")]


def test_bare_name_opening_a_line_with_a_verb_is_still_a_person():
    # "Phát" is a given name: only a phrase of a sentence opener ("Phát huy") ends a name
    assert [p.name for p in extract_people("Nguyễn Tấn Phát cho biết năm nay Hội vận động được 2 tỷ đồng.")] == [
        "Nguyễn Tấn Phát"]


def test_date_before_a_bare_name_is_no_house_number():
    text = "Ngày 5/3 Nguyễn Văn Hùng - Chủ tịch Hội CTĐ huyện trao quà."
    assert [p.name for p in extract_people(text)] == ["Nguyễn Văn Hùng"]
