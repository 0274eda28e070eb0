"""Event dates in title + body: tables of cases, half of them text that holds no date."""

from __future__ import annotations

import re
from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ctd_crawler.extract.dates import EventDate, extract_event_dates
from ctd_crawler.extract.dates.lunar import can_chi, tet_date, year_of_can_chi

P = date(2024, 6, 24)  # the seed article's publication date

# (text, published, [(start, end, precision, text)])
EVENT_CASES = [
    # single days
    ("Sáng ngày 20/6/2024, tại hội trường", P, [("2024-06-20", "2024-06-20", "day", "20/6/2024")]),
    ("Hà Nội, 09-07-2024", P, [("2024-07-09", "2024-07-09", "day", "09-07-2024")]),
    ("Ngày 24.6.2024 Hội tổ chức", P, [("2024-06-24", "2024-06-24", "day", "24.6.2024")]),
    ("Sáng 19/10, tại Hà Nội", date(2017, 10, 20), [("2017-10-19", "2017-10-19", "day", "19/10")]),
    ("chiều 14/10 đoàn đến thăm", date(2023, 10, 15), [("2023-10-14", "2023-10-14", "day", "14/10")]),
    ("Ngày 23.5, Hội CTĐ tỉnh", P, [("2024-05-23", "2024-05-23", "day", "23.5")]),
    ("ngày 15 tháng 7 năm 2024", P, [("2024-07-15", "2024-07-15", "day", "15 tháng 7 năm 2024")]),
    ("Ngày 2 tháng 9, năm 2023", P, [("2023-09-02", "2023-09-02", "day", "2 tháng 9, năm 2023")]),
    ("ngày 3 tháng 2", P, [("2024-02-03", "2024-02-03", "day", "3 tháng 2")]),
    ("ngày 28/12 vừa qua", date(2024, 1, 3), [("2023-12-28", "2023-12-28", "day", "28/12")]),
    ("ngày 5/7 tới đây", P, [("2024-07-05", "2024-07-05", "day", "5/7")]),  # 11 days ahead: same year
    ("ngày 30/9", P, [("2023-09-30", "2023-09-30", "day", "30/9")]),  # 3 months ahead: last year
    ("Sáng thứ Hai (20/6), đoàn công tác", P, [("2024-06-20", "2024-06-20", "day", "20/6")]),
    ("Sáng nay (24/6) Hội tổ chức", P, [("2024-06-24", "2024-06-24", "day", "24/6")]),
    ("TỐI 21/6, CHƯƠNG TRÌNH", P, [("2024-06-21", "2024-06-21", "day", "21/6")]),
    ("Quyết định số 12/QĐ-UBND ngày 03/01/2024", P, [("2024-01-03", "2024-01-03", "day", "03/01/2024")]),
    ("ngày 29/2/2024", P, [("2024-02-29", "2024-02-29", "day", "29/2/2024")]),
    ("Kỷ niệm ngày 23/11/1946", P, [("1946-11-23", "1946-11-23", "day", "23/11/1946")]),
    # ranges and lists
    ("Trong 2 ngày 20 và 21/6/2024, tại tỉnh Bắc Kạn", P, [("2024-06-20", "2024-06-21", "day", "20 và 21/6/2024")]),
    ("từ ngày 1-4/11", date(2024, 11, 5), [("2024-11-01", "2024-11-04", "day", "1-4/11")]),
    ("từ ngày 1 - 4/11/2023", P, [("2023-11-01", "2023-11-04", "day", "1 - 4/11/2023")]),
    ("từ 20/6 đến 25/6/2024", P, [("2024-06-20", "2024-06-25", "day", "20/6 đến 25/6/2024")]),
    ("từ ngày 28/12/2023 đến ngày 3/1/2024", P, [("2023-12-28", "2024-01-03", "day", "28/12/2023 đến ngày 3/1/2024")]),
    ("từ 28/12 - 3/1/2024", P, [("2023-12-28", "2024-01-03", "day", "28/12 - 3/1/2024")]),
    ("từ ngày 10 đến ngày 12/5/2024", P, [("2024-05-10", "2024-05-12", "day", "10 đến ngày 12/5/2024")]),
    ("Trong các ngày 5, 6 và 7/6/2024", P, [("2024-06-05", "2024-06-07", "day", "5, 6 và 7/6/2024")]),
    ("vào ngày 5 và 12/6/2024", P, [("2024-06-05", "2024-06-05", "day", "5 và 12/6/2024"),
                                     ("2024-06-12", "2024-06-12", "day", "5 và 12/6/2024")]),
    ("ngày 20 và 21 tháng 6 năm 2024", P, [("2024-06-20", "2024-06-21", "day", "20 và 21 tháng 6 năm 2024")]),
    # an anniversary bracket is one range as written: it glosses the "78 năm" before it
    ("kỷ niệm 78 năm thành lập Hội (23/11/1946 - 23/11/2024)", P,
     [("1946-11-23", "2024-11-23", "day", "23/11/1946 - 23/11/2024")]),
    ("(12/3/1990 – 12/3/2020)", P, [("1990-03-12", "2020-03-12", "day", "12/3/1990 – 12/3/2020")]),
    # a night into the next morning is one range of two days
    ("Đêm 14 rạng sáng 15/8/2023, lũ quét", P, [("2023-08-14", "2023-08-15", "day", "14 rạng sáng 15/8/2023")]),
    ("đêm 30/9, rạng sáng 1/10", date(2024, 10, 2), [("2024-09-30", "2024-10-01", "day", "30/9, rạng sáng 1/10")]),
    ("đêm 2 rạng ngày 3/7/2022", P, [("2022-07-02", "2022-07-03", "day", "2 rạng ngày 3/7/2022")]),
    # a bracketed name after the first date of a range, and a named day glossed by its date
    ("từ ngày 8/5 (Ngày Chữ thập đỏ quốc tế) đến ngày 19/5/2023", P,
     [("2023-05-08", "2023-05-19", "day", "8/5 (Ngày Chữ thập đỏ quốc tế) đến ngày 19/5/2023")]),
    ("nhân Ngày Quốc tế Phụ nữ (8-3), Hội trao quà", P, [("2024-03-08", "2024-03-08", "day", "8-3")]),
    ("chào mừng ngày thành lập Hội (23/11)", date(2024, 11, 25), [("2024-11-23", "2024-11-23", "day", "23/11")]),
    # months, quarters, half-years
    ("trong tháng 5/2024", P, [("2024-05-01", "2024-05-31", "month", "tháng 5/2024")]),
    ("tháng 5 năm 2024", P, [("2024-05-01", "2024-05-31", "month", "tháng 5 năm 2024")]),
    ("Tháng 12-2023", P, [("2023-12-01", "2023-12-31", "month", "Tháng 12-2023")]),
    ("trong tháng 7 tới", P, [("2024-07-01", "2024-07-31", "month", "tháng 7")]),
    ("từ tháng 5 đến tháng 7/2024", P, [("2024-05-01", "2024-07-31", "month", "tháng 5 đến tháng 7/2024")]),
    ("quý I/2024", P, [("2024-01-01", "2024-03-31", "quarter", "quý I/2024")]),
    ("Quý IV năm 2023", P, [("2023-10-01", "2023-12-31", "quarter", "Quý IV năm 2023")]),
    ("trong quý 2", P, [("2024-04-01", "2024-06-30", "quarter", "quý 2")]),
    ("Trong Quý 3, Hội tổ chức", P, [("2024-07-01", "2024-09-30", "quarter", "Quý 3")]),
    ("sáu tháng đầu năm 2024", P, [("2024-01-01", "2024-06-30", "half-year", "sáu tháng đầu năm 2024")]),
    ("6 tháng đầu năm 2024", P, [("2024-01-01", "2024-06-30", "half-year", "6 tháng đầu năm 2024")]),
    ("6 tháng cuối năm 2023", P, [("2023-07-01", "2023-12-31", "half-year", "6 tháng cuối năm 2023")]),
    ("nhiệm vụ 6 tháng cuối năm", P, [("2024-07-01", "2024-12-31", "half-year", "6 tháng cuối năm")]),
    ("nửa đầu năm 2022", P, [("2022-01-01", "2022-06-30", "half-year", "nửa đầu năm 2022")]),
    ("9 tháng đầu năm 2024", P, [("2024-01-01", "2024-09-30", "month", "9 tháng đầu năm 2024")]),
    ("ba tháng đầu năm 2024", P, [("2024-01-01", "2024-03-31", "quarter", "ba tháng đầu năm 2024")]),
    ("9 tháng năm 2023", P, [("2023-01-01", "2023-09-30", "month", "9 tháng năm 2023")]),
    ("sơ kết sáu tháng năm 2022", P, [("2022-01-01", "2022-06-30", "half-year", "sáu tháng năm 2022")]),
    ("trong quý III, Hội", P, [("2024-07-01", "2024-09-30", "quarter", "quý III")]),
    # coordinated months: one range when they follow each other, else one entry each
    ("tháng 5 và tháng 6/2023", P, [("2023-05-01", "2023-06-30", "month", "tháng 5 và tháng 6/2023")]),
    ("trong tháng 3, 4 và 5 năm 2022", P, [("2022-03-01", "2022-05-31", "month", "tháng 3, 4 và 5 năm 2022")]),
    ("trong tháng 3 và tháng 4", P, [("2024-03-01", "2024-04-30", "month", "tháng 3 và tháng 4")]),
    ("tháng 3 và tháng 9/2023", P, [("2023-03-01", "2023-03-31", "month", "tháng 3 và tháng 9/2023"),
                                     ("2023-09-01", "2023-09-30", "month", "tháng 3 và tháng 9/2023")]),
    ("Tháng hành động (tháng 10) năm nay", date(2024, 9, 20), [("2024-10-01", "2024-10-31", "month", "tháng 10")]),
    ("trong tháng 5 và 6 hộ dân được giúp", P, [("2024-05-01", "2024-05-31", "month", "tháng 5")]),
    ("dịp Tết Nguyên đán Giáp Thìn 2024", P, [("2024-02-10", "2024-02-10", "day", "Tết Nguyên đán Giáp Thìn 2024")]),
    ("Tết Nguyên đán 2025", P, [("2025-01-29", "2025-01-29", "day", "Tết Nguyên đán 2025")]),
    ("vui Tết Giáp Thìn", P, [("2024-02-10", "2024-02-10", "day", "Tết Giáp Thìn")]),
    ("Tết Ất Tỵ", P, [("2025-01-29", "2025-01-29", "day", "Tết Ất Tỵ")]),
    ("TẾT NGUYÊN ĐÁN BÍNH NGỌ 2026", date(2026, 1, 5), [("2026-02-17", "2026-02-17", "day", "TẾT NGUYÊN ĐÁN BÍNH NGỌ 2026")]),
    ("dịp Tết cổ truyền Xuân Giáp Thìn 2024", P, [("2024-02-10", "2024-02-10", "day", "Tết cổ truyền Xuân Giáp Thìn 2024")]),
    # several in one text, in text order, de-duplicated
    ("6 tháng đầu năm 2024 và sáu tháng đầu năm 2024", P,
     [("2024-01-01", "2024-06-30", "half-year", "6 tháng đầu năm 2024")]),
    ("Ngày 20/6/2024 và ngày 20/6/2024", P, [("2024-06-20", "2024-06-20", "day", "20/6/2024")]),
    ("Ngày 1/6/2024 khai mạc, ngày 3/6/2024 bế mạc", P,
     [("2024-06-01", "2024-06-01", "day", "1/6/2024"), ("2024-06-03", "2024-06-03", "day", "3/6/2024")]),
    # ranges without a year: the end takes the start's year and never runs backwards
    ("Hành trình Đỏ năm 2018 diễn ra từ ngày 14/6 đến ngày 31/8", date(2018, 6, 14),
     [("2018-06-14", "2018-08-31", "day", "14/6 đến ngày 31/8")]),
    ("từ ngày 28/12 - 3/1", date(2024, 1, 5), [("2023-12-28", "2024-01-03", "day", "28/12 - 3/1")]),
    ("từ 28/12 đến 3/1", date(2023, 12, 20), [("2023-12-28", "2024-01-03", "day", "28/12 đến 3/1")]),
    ("từ ngày 25/7 đến ngày 5/8", date(2024, 7, 1), [("2024-07-25", "2024-08-05", "day", "25/7 đến ngày 5/8")]),
    ("Sáng 30 và 31/12", date(2025, 1, 2), [("2024-12-30", "2024-12-31", "day", "30 và 31/12")]),
    ("mùa mưa lũ từ tháng 7 đến tháng 9.", P, [("2024-07-01", "2024-09-30", "month", "tháng 7 đến tháng 9")]),
    ("từ tháng 11 đến tháng 2 năm sau", date(2024, 11, 3), [("2024-11-01", "2025-02-28", "month", "tháng 11 đến tháng 2")]),
    # a year is read inside a larger date only: the day here, not the bare "năm 2023"
    ("Năm 2023, ngày 5/7/2023 Hội khánh thành", P, [("2023-07-05", "2023-07-05", "day", "5/7/2023")]),
    # English pages (the language is told, or seen from the missing Vietnamese letters)
    ("From October 5 to 7, 2025, the Society delivered aid.", date(2025, 10, 8),
     [("2025-10-05", "2025-10-07", "day", "October 5 to 7, 2025")]),
    ("On June 24, 2024, volunteers met in Ha Noi.", P, [("2024-06-24", "2024-06-24", "day", "June 24, 2024")]),
    ("Heavy rains from August 31 to September 3 caused flooding.", date(2018, 9, 6),
     [("2018-08-31", "2018-09-03", "day", "August 31 to September 3")]),
    ("Running from December 28 to January 3, the drive collected blood.", date(2024, 1, 10),
     [("2023-12-28", "2024-01-03", "day", "December 28 to January 3")]),
    ("On September 18 and 19, 2024, a delegation visited.", date(2024, 9, 20),
     [("2024-09-18", "2024-09-19", "day", "September 18 and 19, 2024")]),
    ("By September 19, the Society had received donations.", date(2024, 9, 20),
     [("2024-09-19", "2024-09-19", "day", "September 19")]),
    ("The festival runs 5-7 October 2025 in the city.", date(2025, 9, 1),
     [("2025-10-05", "2025-10-07", "day", "5-7 October 2025")]),
    ("The appeal was launched on 24 June 2024 by the Society.", P, [("2024-06-24", "2024-06-24", "day", "24 June 2024")]),
    ("Floods struck in March 2024, the report said.", P, [("2024-03-01", "2024-03-31", "month", "March 2024")]),
    ("In the first six months of 2024, the Society helped families.", P,
     [("2024-01-01", "2024-06-30", "half-year", "first six months of 2024")]),
    ("results of the first half of 2023 were reviewed.", P, [("2023-01-01", "2023-06-30", "half-year", "first half of 2023")]),
    ("in the third quarter of 2023 the Society built houses.", P,
     [("2023-07-01", "2023-09-30", "quarter", "third quarter of 2023")]),
    ("Heavy rain over 12-14 October flooded the delta.", date(2024, 10, 20),
     [("2024-10-12", "2024-10-14", "day", "12-14 October")]),
    ("Between 3 and 9 May, teams visited forty villages.", date(2024, 6, 1),
     [("2024-05-03", "2024-05-09", "day", "3 and 9 May")]),
    ("Volunteers worked between June 2 and June 6, 2023 in the city.", P,
     [("2023-06-02", "2023-06-06", "day", "June 2 and June 6, 2023")]),
    ("On 3 and 9 May, teams visited two villages.", date(2024, 6, 1),
     [("2024-05-03", "2024-05-03", "day", "3 and 9 May"), ("2024-05-09", "2024-05-09", "day", "3 and 9 May")]),
    ("The drive ran from 8th May (World Red Cross Day) to 19th May 2023 nationwide.", P,
     [("2023-05-08", "2023-05-19", "day", "8th May (World Red Cross Day) to 19th May 2023")]),
    ("On 2nd June 2023, a team of volunteers arrived.", P, [("2023-06-02", "2023-06-02", "day", "2nd June 2023")]),
    ("Gifts were handed out for the Lunar New Year (Tet) 2024 in the province.", date(2024, 1, 20),
     [("2024-02-10", "2024-02-10", "day", "Lunar New Year (Tet) 2024")]),
    ("Families received rice before the Tet holiday 2025, the chapter said.", date(2025, 1, 10),
     [("2025-01-29", "2025-01-29", "day", "Tet holiday 2025")]),
    ("Buses take workers home for the 2024 Lunar New Year.", date(2024, 1, 20),
     [("2024-02-10", "2024-02-10", "day", "2024 Lunar New Year")]),
    # a named day counted as an anniversary is the day commemorated, not the event's
    ("Hội thăm 20 gia đình, chào mừng kỷ niệm 65 năm Ngày Thương binh - Liệt sĩ (27/7).", date(2025, 7, 25), []),
    ("Nhân Ngày Thế giới phòng chống lao (24/3), Hội khám bệnh cho 300 người.", date(2025, 3, 25),
     [("2025-03-24", "2025-03-24", "day", "24/3")]),
    # written in NFD (combining marks): same answer
    ("Sa\u0301ng 19/10", date(2017, 10, 20), [("2017-10-19", "2017-10-19", "day", "19/10")]),
]

# Text that holds no date at all: the extractor must return [].
NO_DATE_CASES = [
    "2 ngày", "Trong 2 ngày", "6 tháng", "sau 6 tháng triển khai", "78 năm", "kỷ niệm 78 năm thành lập",
    "hơn 10 năm qua", "3 tháng 5 ngày", "trong 12 tháng", "mỗi tháng 2 lần",
    "401.489 đối tượng", "1.300 đơn vị máu", "208,500 tỷ đồng", "200 triệu đồng", "10.000.000 đồng",
    "2.500 suất quà", "1,5 tỷ", "12.5%", "3.000.000đ/suất", "1.200 hộ",
    "ĐT: 0912.345.678", "Điện thoại: 024.3822.4030", "Hotline 1900 1234", "0209 3870 123", "Fax: (0209) 3.870.123",
    "Nghị định 93/2021/NĐ-CP", "Quyết định số 12/QĐ-UBND", "Thông tư số 01/2024/TT-BYT",
    "Công văn số 20/6/2024/CV-HCTĐ", "Kế hoạch số 45/KH-HCTĐ", "Nghị quyết 15/NQ-TW", "số 123/2023/QĐ-TTg",
    "tỷ số 2-1", "thắng 3/5 trận", "đạt 3/5 chỉ tiêu", "1/3 số hộ", "tỷ lệ 4/5", "xếp thứ 2/10",
    "lúc 08:30", "08h30", "từ 7h30 đến 11h", "14:05",
    "năm học", "Tết Nhân ái", "Phong trào “Tết Nhân ái”", "Tết vì người nghèo", "Tết Nguyên đán", "Tháng Nhân đạo",
    "Quý khách", "ông Quý 2 lần", "Hội họp mỗi quý 2 lần", "Hội Chữ thập đỏ Việt Nam", "Cụm thi đua số 4",
    "số nhà 12/5 đường Lê Lợi", "ngõ 45/12", "phòng 3.2", "phiên bản 2.1", "",
    "Hội nghị 20 và 21", "2-1",
    # terms of office and editions of named events are labels, not dates
    "nhiệm kỳ 2022-2027", "Đại hội đại biểu lần thứ VIII, nhiệm kỳ 2022 - 2027",
    "Nhiệm kỳ 2017-2022, các cấp Hội đã vận động", "Lễ phát động Hành trình Đỏ năm 2018",
    "phát động “Tháng Nhân đạo” năm 2017", "Ngày hội hiến máu đợt I năm 2021 tại thị trấn",
    "“Hành trình Đỏ” lần thứ XI năm 2023", "tổ chức Lễ hội Xuân hồng năm 2025.",
    "“Chủ nhật Đỏ” lần thứ XVIII năm 2026", "Tổng Công ty May 10 tặng quà",
    # a bare year or span of years is no event date
    "năm 2023", "trong năm 2024", "Năm 2019, Hội Chữ thập đỏ huyện đặt chỉ tiêu", "tổng kết công tác Hội năm 2023",
    "giai đoạn 2021 – 2025", "Giai đoạn 2015 - 2022, Quỹ đã dành", "từ năm 2010 đến nay", "năm 2023 - 2024",
    "năm học 2023 - 2024", "ông Nguyễn Văn A, sinh năm 1958, ở thôn 3", "từ năm 1999-2022", "NĂM 2025",
    "nửa năm 2024", "sau 9 tháng, năm 2023 Hội",
    # measures, scores and frequencies shaped like days or months
    "nhiều nơi ngập sâu 2-3 m", "sóng cao từ 2-3 m", "ngập sâu 2/3 diện tích", "trồng từ 1-2 ha",
    "Ngày hội có 3 đội tham gia (2-1)", "Ngày hội thể thao, đội A thắng đội B (2-1)", "mỗi tháng 2 và 3 lần",
]

# English text with no date: capitalised month names only, years only after a preposition.
NO_DATE_EN = [
    "Aid was distributed in 2000 households across the province.",
    "May we thank all donors for their support.",
    "Members may 5 times donate blood a year.",
    "The March 8 Club donated gifts to children.",
    "Typhoon No. 10 damaged 2,500 homes.",
    "Call 1900 1234 for help with the appeal.",
    "Decision 93/2021/ND-CP on charity funds.",
    "The new committee serves the 2022-2027 term of office.",
    "In 2022, the Red Journey collected blood from donors.",
    "The project ran from 2019 to 2021 in the province.",
    "The Society has taken part every year since it was launched in 2013.",
    "Rain fell over 3-5 metres of embankment.",
    "The Tet Fair 2024 raised funds for poor families.",
    "The 2026 Tet Festival opened in the park.",  # a year before a name
    "The 2025 “Warm Tet” programme gave 300 gifts.",
    "Lunar New Year 2000-2020 figures were compared by the chapter.",
    "Training lasted six months and two days.",
    "The Society will march with volunteers in the city.",
]

# Text that looks like a date but is not one: kept with its text, no start/end, flagged.
FLAGGED_CASES = [
    ("31/2/2024", P, "impossible"),
    ("32/13/2024", P, "impossible"),
    ("ngày 31/4/2023", P, "impossible"),
    ("ngày 31/4", P, "impossible"),
    ("ngày 20/6/24", P, "two-digit-year"),
    ("tháng 8/1945", P, "before-1946"),
    ("ngày 2/9/1945", P, "before-1946"),
    ("quý I/2090", P, "future"),
    ("(23/11/1945 - 23/11/1945)", P, "before-1946"),  # a span that ends before 1946 too
    ("từ 8/5 (Ngày Chữ thập đỏ quốc tế) đến 19/5", None, "no-year"),
    ("ngày 19/10", None, "no-year"),
    ("sáu tháng đầu năm", None, "no-year"),
]


def _tuples(found: list[EventDate]) -> list[tuple]:
    return [(e.start, e.end, e.precision, e.text) for e in found if e.flag is None]


@pytest.mark.parametrize("text,published,expected", EVENT_CASES)
def test_event_dates(text, published, expected):
    assert _tuples(extract_event_dates(text, published=published)) == expected


# A part of a month without its day names no date; the month itself, or a day in it, does.
MONTH_PARTS = [
    ("Đại hội dự kiến tổ chức vào cuối tháng 4-2023.", []),
    ("Từ đầu tháng 10, các đoàn đã đến 12 xã.", []),
    ("giữa tháng 7/2021 mưa lớn kéo dài", []),
    ("trung tuần tháng 11 năm 2022, Hội đã", []),
    ("Since early November 2021, the Society has sent teams.", []),
    ("Aid arrived by the end of September 2022 by boat.", []),
    ("Rains began in mid-August 2023 in the north.", []),
    ("Since the beginning of June, centres have run short.", []),
    ("Trong tháng 4/2023, Hội đã trao 50 suất quà.", [("2023-04-01", "2023-04-30", "month", "tháng 4/2023")]),
    ("Ngày 30 tháng 4 năm 2023, Hội trao quà", [("2023-04-30", "2023-04-30", "day", "30 tháng 4 năm 2023")]),
    ("The drive ran in September 2022 in ten provinces.", [("2022-09-01", "2022-09-30", "month", "September 2022")]),
    ("from mid-March until May 2023 the teams", [("2023-05-01", "2023-05-31", "month", "May 2023")]),
    ("đến hết tháng 6/2023, các hộ đã", [("2023-06-01", "2023-06-30", "month", "tháng 6/2023")]),
]


@pytest.mark.parametrize("text,expected", MONTH_PARTS)
def test_a_part_of_a_month_is_no_date(text, expected):
    assert _tuples(extract_event_dates(text, published=date(2023, 12, 1))) == expected


@pytest.mark.parametrize("text", NO_DATE_CASES)
def test_not_a_date(text):
    assert extract_event_dates(text, published=P) == []


@pytest.mark.parametrize("text", NO_DATE_EN)
def test_not_a_date_in_english(text):
    assert extract_event_dates(text, published=P, lang="en") == []
    assert extract_event_dates(text, published=P) == []  # the language seen from the text


def test_english_forms_only_on_english_pages():
    vi = "Ngày 5/7, đoàn làm việc với đối tác June 24, 2024 tại Hà Nội."
    assert [e.text for e in extract_event_dates(vi, published=P)] == ["5/7"]
    assert "June 24, 2024" in [e.text for e in extract_event_dates(vi, published=P, lang="en")]


@pytest.mark.parametrize("text,published,flag", FLAGGED_CASES)
def test_flagged_dates_keep_text_without_a_date(text, published, flag):
    found = extract_event_dates(text, published=published)
    assert len(found) == 1
    assert (found[0].start, found[0].end, found[0].flag) == (None, None, flag)
    assert found[0].text in text


def test_seed_article(seed_text):
    raw = seed_text.split("Các tin bài khác:")[0]
    lines = raw.splitlines()
    title = lines[0]
    body = "\n".join(line for line in lines[1:] if not line.startswith("Ngày đăng:"))
    found = extract_event_dates(title + "\n\n" + body, published=P)
    assert [(e.start, e.end, e.precision) for e in found] == [
        ("2024-01-01", "2024-06-30", "half-year"),  # title: "SÁU THÁNG ĐẦU NĂM 2024"
        ("2024-06-20", "2024-06-21", "day"),
    ]
    assert found[1].text == "20 và 21/6/2024"


# Tết: computed at UTC+7 (Vietnam); the Chinese calendar (UTC+8) differs in some years.
TET_CASES = [
    (2024, date(2024, 2, 10)), (2025, date(2025, 1, 29)), (2026, date(2026, 2, 17)),
    (2023, date(2023, 1, 22)), (2020, date(2020, 1, 25)), (2000, date(2000, 2, 5)),
    (1985, date(1985, 1, 21)),  # China: 20 February 1985
    (2007, date(2007, 2, 17)),  # China: 18 February 2007
    (2030, date(2030, 2, 2)),  # China: 3 February 2030
]


@pytest.mark.parametrize("year,expected", TET_CASES)
def test_tet_is_the_vietnamese_lunar_new_year(year, expected):
    assert tet_date(year) == expected


def test_tet_agrees_with_chinese_calendar_except_known_years():
    lunardate = pytest.importorskip("lunardate")
    differ = {y for y in range(1946, 2100)
              if tet_date(y) != lunardate.LunarDate(y, 1, 1).to_solar_date()}
    assert differ == {1965, 1968, 1969, 1985, 1991, 2007, 2030, 2053}


@pytest.mark.parametrize("year,name", [(2024, ("giap", "thin")), (2025, ("at", "ty")),
                                       (1946, ("binh", "tuat")), (2020, ("canh", "ty"))])
def test_can_chi(year, name):
    assert can_chi(year) == name
    assert year_of_can_chi(*name, near=year + 20) == year


@pytest.mark.parametrize("bad", [
    "\u0000" * 50, "ngày " * 20000, "1/" * 30000, "20 và " * 10000 + "21/6/2024",
    "ĐT: " + "0912.345.678 " * 5000, "tháng " * 20000, "Tết " * 20000,
    "tháng 1, " * 20000, "trong tháng 5 và " * 10000, "ngày X (" * 20000 + "2-1)", "đêm 1 rạng sáng " * 10000,
    "between " * 20000 + "3 and 9 May", "1st May (" * 20000,
])
@pytest.mark.slow  # inputs of hundreds of kilobytes
def test_bad_input_never_raises(bad):
    assert isinstance(extract_event_dates(bad, published=P), list)


def test_non_string_input_gives_nothing():
    assert extract_event_dates(None, published=P) == []  # type: ignore[arg-type]


# The URL's own date: a /yyyy/mm/dd/ path, or a slug's publication stamp (yyyymmdd + time).
URL_DATE_CASES = [
    ("https://redcross.org.vn/2018/01/26/trao-qua/", "2018-01-26"),
    ("https://example.vn/2019-05-08/bai-viet.html", "2019-05-08"),
    ("https://dantri.com.vn/xa-hoi/hoi-chu-thap-do-trao-qua-20240624083012345.htm", "2024-06-24"),
    ("https://ttvn.toquoc.vn/da-nang-trao-ao-phao-20220927200447988.htm", "2022-09-27"),
    ("https://example.vn/tin/trao-qua-20230115093000.html", "2023-01-15"),
    ("https://example.vn/tin/trao-qua-20230115093000/", "2023-01-15"),
    # no date: ids, a month alone, impossible days, numbers that are not dates
    ("https://nhandaoonline.vn/trao-qua-tet-a15122.html", None),
    ("https://baolaocai.vn/them-hai-tre-post381269.html", None),
    ("https://baogialai.com.vn/channel/12380/202011/tham-tang-qua-5709230/", None),
    ("https://example.vn/bai-20240624.htm", None),
    ("https://example.vn/tin-20241399123456.htm", None),
    ("https://example.vn/so-0912345678901234.htm", None),
    ("https://example.vn/trao-qua-20240624083012345.htm?from=20190101120000", "2024-06-24"),
    ("https://example.vn/tin.htm?id=20240624083012345", None),
]


# A URL that files its page under a month, with no day: the publication month.
URL_MONTH_CASES = [
    ("https://baogialai.com.vn/channel/12380/202011/tham-tang-qua-5709230/", (2020, 11)),
    ("https://www.baodaklak.vn/van-hoa-xa-hoi/y-te/202603/thu-nhan-240-don-vi-mau", (2026, 3)),
    ("https://example.vn/2024/06/trao-qua.html", (2024, 6)),
    ("https://example.vn/2024/06/15/trao-qua.html", None),  # a day: url_date's
    ("https://example.vn/tin/202413/trao-qua", None),  # no 13th month
    ("https://baolaocai.vn/them-hai-tre-post381269.html", None),
    ("https://example.vn/so/123456/trao-qua", None),
]


@pytest.mark.parametrize("url, expected", URL_MONTH_CASES)
def test_url_month(url, expected):
    from ctd_crawler.extract.dates import url_month

    assert url_month(url) == expected


def test_the_publication_month_decides_a_year_less_date_on_an_undated_page():
    text = "Năm 2019, Hội xây nhà. Ngày 28/12, Hội trao quà; ngày 3/1, Hội tổng kết."
    found = extract_event_dates(text, published=None, published_month=(2020, 1))
    assert [(e.start, e.end) for e in found if e.flag is None] == [("2019-12-28", "2019-12-28"),
                                                                   ("2020-01-03", "2020-01-03")]


@pytest.mark.parametrize("url, expected", URL_DATE_CASES)
def test_url_date(url, expected):
    from ctd_crawler.extract.dates import url_date

    found = url_date(url, datetime(2026, 12, 1))
    assert (found.value[:10] if found else None) == expected


# Without a publication date, a year-less date takes the year the text names nearest before
# it, else first after it; a birth year, a term or a span of years names no such year.
TEXT_YEAR_CASES = [
    # "for <year>": the year a plan or a campaign is for
    ("A drive for 2022 is planned. It opens on March 3 in Hue.", [("2022-03-03", "2022-03-03")]),
    ("Thanks for 2020s support, the team met on March 3.", []),  # a decade's "s": no year named
    ("Tháng Nhân đạo năm 2025\n\nTừ ngày 1/3 đến 31/5, Hội vận động.", [("2025-03-01", "2025-05-31")]),
    ("Ngày 15/3/2024, Hội họp. Sáng 16/3, Hội trao quà.", [("2024-03-15", "2024-03-15"), ("2024-03-16", "2024-03-16")]),
    ("Sáng 5/3, Hội trao quà. Chương trình năm 2023 đã kết thúc.", [("2023-03-05", "2023-03-05")]),
    ("Năm 2019, Hội xây nhà. Năm 2020, Hội trao quà. Ngày 8/5, Hội mít tinh.", [("2020-05-08", "2020-05-08")]),
    ("In 2019 the Society began. On 18 January, volunteers gave gifts.", [("2019-01-18", "2019-01-18")]),
    ("Kế hoạch năm 2024\n\nTừ 28/12 đến 3/1, Hội trao quà.", [("2024-12-28", "2025-01-03")]),
    ("Ông A sinh năm 1961. Ngày 5/3, ông nhận quà.", []),
    ("Nhiệm kỳ 2022 - 2027. Ngày 5/3, Hội họp.", []),
    ("Giai đoạn 2021-2025, Hội đã làm nhiều việc. Ngày 5/3, Hội họp.", []),
    ("Born in 1961, he volunteered. On 5 March, volunteers gave gifts.", []),
    ("Hội trao 2024 suất quà. Ngày 5/3, Hội họp.", []),
    # a Tết the text names is a season around its first day, like a publication date
    ("Chương trình Tết Nhân ái 2021\n\nTừ ngày 15/11 đến 8/2, Hội vận động.", [("2020-11-15", "2021-02-08")]),
    ("Chợ Tết Xuân Bính Ngọ 2026\n\nNgày 30/1, Hội tổ chức chợ.", [("2026-02-17", "2026-02-17"), ("2026-01-30", "2026-01-30")]),
    ("Gifts for the needy. The appeal ran from November 20 to February 5 (Tet 2021).", [("2020-11-20", "2021-02-05"), ("2021-02-12", "2021-02-12")]),
    ("Ông Nguyễn Văn Xuân, ngày 5/3, nhận quà.", []),  # a given name is no Tết
    # any year of the headline names the story's time, but a span's; "since" starts a period
    ("Gần 5 tỷ đồng trong Tháng Nhân đạo 2019\n\nTháng Nhân đạo diễn ra từ ngày 1/5 đến 31/5.",
     [("2019-05-01", "2019-05-31")]),
    ("Kỷ niệm 60 năm (1965 - 2025)\n\nNgày 5/3, Hội họp mặt.", []),
    ("Festival\n\nThe event has been held since 2008. It opened on February 28.", []),
    ("Ngày hội Xuân hồng năm 2026\n\nNgày 20/3, Hội tiếp nhận máu.", [("2026-03-20", "2026-03-20")]),  # "năm": a year
    # a Tết named by its stem and branch takes the year of that name nearest a Tết the text names
    ("Chương trình Xuân Bính Ngọ 2026\n\nNhóm tặng bà con 80 phần quà trước Tết Nguyên đán Bính Ngọ.", [("2026-02-17", "2026-02-17")]),
    ("Nhóm tặng bà con 80 phần quà trước Tết Nguyên đán Bính Ngọ.", []),  # no year anywhere: flagged, not guessed
    # English "year" before a year names it as "năm" does; not a span, not a count
    ("The movement of the Piggy Year 2019. Gifts were given on 10th and 11th January.", [("2019-01-10", "2019-01-11")]),
    ("The fiscal year 2019-2020 ended. Gifts were given on 10 January.", []),
    ("Over 2019 years of history. Gifts were given on 10 January.", []),
    # "the 2025 Red Journey" names its year; a founding year does not name the story's
    ("The drive runs August 4 - 12. The 2025 Summer Drive is held in 20 provinces. In 2024 alone, more came.",
     [("2025-08-04", "2025-08-12")]),
    ("The fair ran from April 5th-7th. Initiated in 2010, the fair grew.", []),
    ("Hội được thành lập năm 1946. Ngày 5/3, Hội trao quà.", []),
    ("The Society, founded in 1946, gave gifts on 5 March.", []),
]

# A span written in full is a range as the text writes it, whenever it starts: an
# anniversary ("80 năm Quốc khánh (2/9/1945 - 2/9/2025)"); a lone date
# or a span without its years before 1946 is flagged (FLAGGED_CASES).
FULL_SPANS = [
    ("Hội mít tinh mừng 80 năm Quốc khánh (2/9/1945 - 2/9/2025).", [("1945-09-02", "2025-09-02")]),
    ("kỷ niệm 80 năm (23/11/1946 - 23/11/2026)", [("1946-11-23", "2026-11-23")]),
    ("Cách mạng tháng Tám thành công ngày 19/8/1945.", []),
    ("từ 2/9/1945 đến nay", []),
]


@pytest.mark.parametrize("text, expected", FULL_SPANS)
def test_a_span_written_in_full_keeps_its_start(text, expected):
    found = extract_event_dates(text, published=date(2025, 5, 20))
    assert [(e.start, e.end) for e in found if e.flag is None] == expected


# "next year", "năm sau", "năm tới": the year after the publication's (or the text's)
NEXT_YEAR_CASES = [
    ("The drive goes on until January next year.", "en", date(2019, 11, 20), [("2020-01-01", "2020-01-31")]),
    ("Chương trình kéo dài đến tháng 1 năm sau.", "vi", date(2019, 11, 20), [("2020-01-01", "2020-01-31")]),
    ("Kế hoạch thực hiện trong tháng 3 năm tới.", "vi", date(2024, 10, 1), [("2025-03-01", "2025-03-31")]),
    ("The “Blue Week” drive goes on until January next year. In 2019, 400,000 units came.", "en", None,
     [("2020-01-01", "2020-01-31")]),
    ("Chương trình kéo dài đến tháng 1 năm sau.", "vi", None, []),  # no year anywhere: flagged
    ("In March 2024 the drive began.", "en", date(2024, 5, 1), [("2024-03-01", "2024-03-31")]),
]


@pytest.mark.parametrize("text, lang, published, expected", NEXT_YEAR_CASES)
def test_a_month_of_next_year(text, lang, published, expected):
    found = extract_event_dates(text, published=published, lang=lang)
    assert [(e.start, e.end) for e in found if e.flag is None] == expected

# The end of a period ("until", "đến ngày") takes the nearest year, ahead or behind; other
# year-less dates the latest one not far ahead (published 30 May 2025).
UNTIL_CASES = [
    ("The campaign runs from now until July 30.", "en", [("2025-07-30", "2025-07-30")]),
    ("Chiến dịch kéo dài từ nay đến ngày 30/7.", "vi", [("2025-07-30", "2025-07-30")]),
    ("The drive continues till August 15 in the city.", "en", [("2025-08-15", "2025-08-15")]),
    ("On July 30, the team visited the commune.", "en", [("2024-07-30", "2024-07-30")]),
    ("Ngày 30/7, đoàn thăm xã.", "vi", [("2024-07-30", "2024-07-30")]),
    ("The campaign ran until December 20.", "en", [("2024-12-20", "2024-12-20")]),
]


@pytest.mark.parametrize("text, lang, expected", UNTIL_CASES)
def test_the_end_of_a_period_takes_the_nearest_year(text, lang, expected):
    found = extract_event_dates(text, published=date(2025, 5, 30), lang=lang)
    assert [(e.start, e.end) for e in found if e.flag is None] == expected


# English months from one to another, or coordinated, are one range; year-less only after
# "from", "between" or a month trigger word (published 5 December 2021).
EN_MONTH_RANGES = [
    ("Building work went on from April to October 2021 in the village.", [("2021-04-01", "2021-10-31")]),
    ("The report covers May-November 2021.", [("2021-05-01", "2021-11-30")]),
    ("It ran from November 2020 to March 2021.", [("2020-11-01", "2021-03-31")]),
    ("Aid came in May and June 2021.", [("2021-05-01", "2021-06-30")]),
    ("From March to May the chapter trained volunteers.", [("2021-03-01", "2021-05-31")]),
    ("The Summer Drive started on July 2 and will run until September 9.", [("2021-07-02", "2021-09-09")]),
    ("The appeal runs from February 10, 2021 to the end of March 31, 2021.", [("2021-02-10", "2021-03-31")]),
    ("May to November saw storms.", []),
    ("March and April figures rose.", []),
    ("It ran from November 2022 to March 2021.", [("2022-11-01", "2022-11-30"), ("2021-03-01", "2021-03-31")]),  # no range runs backwards
]


@pytest.mark.parametrize("text, expected", EN_MONTH_RANGES)
def test_english_months_from_one_to_another_are_one_range(text, expected):
    found = extract_event_dates(text, published=date(2021, 12, 5), lang="en")
    assert [(e.start, e.end) for e in found if e.flag is None] == expected


# A range whose first date has its own year, or whose words run on between the dates.
RANGES_WITH_TWO_YEARS = [
    ("Chương trình được tổ chức từ ngày 22/1/2015 kéo dài đến hết ngày 3/2/2015.", "vi",
     [("2015-01-22", "2015-02-03")]),
    ("Donors may send messages from December 1, 2015 to January 20, 2016.", "en", [("2015-12-01", "2016-01-20")]),
    ("It ran from December 30, 2015 to January 2, 2016 in the city.", "en", [("2015-12-30", "2016-01-02")]),
    ("Ngày 22/1/2015 Hội họp; kéo dài thêm 3/2/2015 nữa.", "vi", [("2015-01-22", "2015-01-22"), ("2015-02-03", "2015-02-03")]),
    ("It was June 14, 2016 and 2 people came.", "en", [("2016-06-14", "2016-06-14")]),
    # a month to a day, each a date of its own, is one range too (the coarser precision)
    ("Gifts went out from December 2015 to January 20, 2016.", "en", [("2015-12-01", "2016-01-20")]),
    ("Hội trao quà từ tháng 12/2015 đến ngày 20/1/2016.", "vi", [("2015-12-01", "2016-01-20")]),
    ("Hội trao quà từ ngày 5/12/2015 đến tháng 1/2016.", "vi", [("2015-12-05", "2016-01-31")]),
    ("Gifts went out in December 2015 and on January 20, 2016.", "en",  # no "from ... to"
     [("2015-12-01", "2015-12-31"), ("2016-01-20", "2016-01-20")]),
    ("Quà trao tháng 12/2015, đến ngày 20/1/2016 thì xong.", "vi",  # no "từ" before the first
     [("2015-12-01", "2015-12-31"), ("2016-01-20", "2016-01-20")]),
    ("It ran from January 20, 2016 to December 2015, the notice said.", "en",  # a range never runs back
     [("2016-01-20", "2016-01-20"), ("2015-12-01", "2015-12-31")]),
]


@pytest.mark.parametrize("text, lang, expected", RANGES_WITH_TWO_YEARS)
def test_a_range_with_a_year_on_each_date(text, lang, expected):
    found = extract_event_dates(text, published=date(2016, 3, 1), lang=lang)
    assert [(e.start, e.end) for e in found if e.flag is None] == expected


# English: a month name with its day is a date without a trigger word; "May" with a day
# needs one, and a date followed by a capitalised word is part of a name.
EN_DAY_WITHOUT_TRIGGER = [
    ("The campaign has January 14-23 as its busiest days.", [("2021-01-14", "2021-01-23")]),
    ("Relief ran January 22-31.", [("2021-01-22", "2021-01-31")]),
    ("Aid arrived January 22 and was shared.", [("2021-01-22", "2021-01-22")]),
    ("Volunteers met 12 January to plan.", [("2021-01-12", "2021-01-12")]),
    ("He said May 5 families would move.", []),
    ("The March 8 Club donated gifts.", []),
    ("The September 2 Square was decorated.", []),
]


# A named yearly day glossed by its date in brackets recurs: no event; a weekday is a trigger.
EN_GLOSSED_DAYS = [
    ("Gifts were given on World Blood Donor Day (June 14).", []),
    ("It marked the founding anniversary of the Viet Nam Red Cross Society (23 November).", []),
    ("They met ahead of International Volunteer Day (5 December) in Hue.", []),
    ("The fair opened on Saturday (May 6) in Hue.", [("2021-05-06", "2021-05-06")]),
    ("On Tuesday, May 4, volunteers met.", [("2021-05-04", "2021-05-04")]),
    ("The victory (May 7, 1954) is remembered.", [("1954-05-07", "1954-05-07")]),
]


@pytest.mark.parametrize("text, expected", EN_GLOSSED_DAYS)
def test_an_english_named_day_glossed_by_its_date_recurs(text, expected):
    found = extract_event_dates(text, published=date(2021, 6, 1), lang="en")
    assert [(e.start, e.end) for e in found if e.flag is None] == expected


@pytest.mark.parametrize("text, expected", EN_DAY_WITHOUT_TRIGGER)
def test_an_english_month_and_day_needs_no_trigger(text, expected):
    found = extract_event_dates(text, published=date(2021, 2, 1), lang="en")
    assert [(e.start, e.end) for e in found if e.flag is None] == expected


@pytest.mark.parametrize("text, expected", TEXT_YEAR_CASES)
def test_a_year_less_date_on_an_undated_page_takes_the_year_the_text_names(text, expected):
    found = extract_event_dates(text, published=None)
    assert [(e.start, e.end) for e in found if e.flag is None] == expected


# On an undated page a founding anniversary the text counts names its year (the body's founding
# year + the count: foundings.toml), and a school year names a season from August of its first year.
SEASON_AND_ANNIVERSARY_CASES = [
    ("Chào mừng kỷ niệm 75 năm thành lập Hội Chữ thập đỏ Việt Nam, chiều 21/11 các chi hội họp mặt.",
     [("2021-11-21", "2021-11-21")]),
    ("Marking the 70th founding anniversary of the Vietnam Red Cross, volunteers met on 20 November.",
     [("2016-11-20", "2016-11-20")]),
    ("Kỷ niệm 78 năm Ngày Thương binh - Liệt sĩ, chiều 25/7 huyện viếng nghĩa trang.", [("2025-07-25", "2025-07-25")]),
    ("Trao học bổng năm học 2023 - 2024. Sáng 5/9, Hội trao quà.", [("2023-09-05", "2023-09-05")]),
    ("Trao học bổng năm học 2023 - 2024. Sáng 15/3, Hội trao quà.", [("2024-03-15", "2024-03-15")]),
    ("Ahead of the 2022-2023 school year, on August 20 the union gave bicycles.", [("2022-08-20", "2022-08-20")]),
    # not a year: a body the list does not know, two years that are no school year, a founding year itself
    ("Kỷ niệm 20 năm thành lập công ty, sáng 20/11 công ty trao quà.", []),
    ("Giai đoạn 2021 - 2025 và năm học 2021 - 2025. Sáng 5/9, Hội trao quà.", []),
    ("Hội Chữ thập đỏ Việt Nam thành lập năm 1946. Sáng 20/11, Hội gặp mặt.", []),
    ("Mừng 30 năm thành lập, kỷ niệm 30 năm thành lập Hội Chữ thập đỏ huyện; chiều 9/12 hội họp.", []),  # a chapter's
    ("Kỷ niệm 25 năm thành lập Hội Nông dân Việt Nam tỉnh X, sáng 14/10 Hội gặp mặt.", []),
]


@pytest.mark.parametrize("text, expected", SEASON_AND_ANNIVERSARY_CASES)
def test_an_anniversary_or_a_school_year_names_the_year_of_an_undated_page(text, expected):
    found = extract_event_dates(text, published=None, lang="en" if text.isascii() else None)
    assert [(e.start, e.end) for e in found if e.flag is None] == expected


def test_a_dated_page_keeps_its_own_year_whatever_anniversary_it_counts():
    found = extract_event_dates("Chào mừng kỷ niệm 75 năm thành lập Hội Chữ thập đỏ Việt Nam, chiều 21/11 các chi hội họp mặt.",
                                published=date(2023, 12, 1))
    assert [(e.start, e.end) for e in found if e.flag is None] == [("2023-11-21", "2023-11-21")]


# A year that opens the sentence gives its year-less dates that year, whatever the page's date;
# one named in another sentence, or inside it after other words, does not.
SENTENCE_YEAR_CASES = [
    ("Năm 2021, từ ngày 1-3 đến ngày 30-9, Hội vận động 5.000 người.", [("2021-03-01", "2021-09-30")]),
    ("Trong năm 2020, ngày 5/3 Hội trao quà.", [("2020-03-05", "2020-03-05")]),
    ("In 2021, on March 5 the Society gave gifts.", [("2021-03-05", "2021-03-05")]),
    ("So với năm 2020, ngày 5/3 Hội trao quà.", [("2022-03-05", "2022-03-05")]),
    ("Năm 2020, Hội xây nhà. Ngày 5/3, Hội trao quà.", [("2022-03-05", "2022-03-05")]),
    ("Hội đã làm từ năm 2019 và sáng 5/3 trao quà.", [("2022-03-05", "2022-03-05")]),
]


@pytest.mark.parametrize("text, expected", SENTENCE_YEAR_CASES)
def test_a_year_that_opens_the_sentence_gives_its_dates_that_year(text, expected):
    found = extract_event_dates(text, published=date(2022, 12, 20))
    assert [(e.start, e.end) for e in found if e.flag is None] == expected


def test_the_publication_date_decides_over_a_year_the_text_names():
    found = extract_event_dates("Năm 2019, Hội xây nhà. Ngày 5/3, Hội trao quà.", published=date(2024, 4, 1))
    assert [(e.start, e.end) for e in found if e.flag is None] == [("2024-03-05", "2024-03-05")]


# -- a form is not scanned for in a text without its word (events.NEEDS) --

_DATE_BITS = ["tháng", "Tháng", "THÁNG", "thang", "quý", "QUÝ", "tết", "Tết", "năm", "NĂM", "nửa", "đầu", "cuối",
              "ngày", " ", " ", "5", "12", "2024", "/", "-", ",", "và", "đến", "IV", "Nguyên đán", "Giáp Thìn"]


def test_each_needed_word_is_written_in_its_form():
    from ctd_crawler.extract.dates.events import NEEDS
    from ctd_crawler.extract.dates.patterns import EVENT_PATTERNS

    forms = dict(EVENT_PATTERNS)
    assert NEEDS.keys() <= forms.keys()
    for name, word in NEEDS.items():  # look-behinds left out: "t(?<!\wt)háng" is "tháng" (patterns._FIRST)
        assert word in re.sub(r"\(\?<![^)]*\)", "", forms[name].pattern)
    # what matches a letter case-insensitively lowercases to it: every character up to
    # U+2FFFF searched at once, then each one found checked against each letter
    letters = {letter for word in NEEDS.values() for letter in word}
    every = "".join(map(chr, range(0x30000)))
    found = set(re.findall("[" + re.escape("".join(sorted(letters))) + "]", every, re.I))
    assert letters <= found
    for ch in found:
        for letter in letters:
            if re.fullmatch(re.escape(letter), ch, re.I):
                assert ch.lower() == letter, (ch, letter)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_DATE_BITS), max_size=16).map("".join) | st.text(max_size=40))
def test_a_form_finds_nothing_in_a_text_without_its_word(text):
    from ctd_crawler.extract.dates.events import NEEDS
    from ctd_crawler.extract.dates.patterns import EVENT_PATTERNS

    for name, pattern in EVENT_PATTERNS:
        if name in NEEDS and NEEDS[name] not in text.lower():
            assert pattern.search(text) is None, name


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_DATE_BITS), max_size=20).map("".join))
def test_skipping_forms_finds_the_dates_a_full_scan_finds(text):
    from unittest import mock

    from ctd_crawler.extract.dates import events

    fast = extract_event_dates(text, published=date(2024, 6, 1))
    with mock.patch.object(events, "NEEDS", {}):
        assert extract_event_dates(text, published=date(2024, 6, 1)) == fast


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789/.,:-– ntháng", max_size=30))
def test_a_look_behind_after_the_first_digit_or_letter_matches_as_before_it(text):
    from ctd_crawler.extract.dates import patterns as p

    for fast, plain in [(p._DM, p._NUM_BEFORE + p._DAY + p.DSEP + p._MON),
                        (r"(\d(?<!\d\d)\d?)\s+tháng", r"(?<![\d])(\d{1,2})\s+tháng"),
                        (r"t(?<!\wt)háng\s+(\d)", r"(?<!\w)tháng\s+(\d)")]:
        def found(expr):
            return [(m.span(), m.groups()) for m in re.finditer(expr, text, re.I)]
        assert found(fast) == found(plain)
