"""Counted results: people helped, gifts, blood units, sites, organisations; not years, dates,
ages, ranks, measures, money, names, nor the headline's counts."""

import pytest

from ctd_crawler.extract.figures import extract_counts, extract_money

# (phrase, [(value, unit), ...]); [] = no count in it.
COUNTS = [
    ("với 401.489 đối tượng được trợ giúp", [(401_489, "đối tượng")]),
    ("tiếp nhận 1.300 đơn vị máu", [(1_300, "đơn vị máu")]),
    ("hơn 1,3 triệu đơn vị máu", [(1_300_000, "đơn vị máu")]),
    ("trao 320 suất quà", [(320, "suất quà")]),
    # a verb of holding or carrying ends a container's or a vehicle's name
    ("trao 900 bồn nhựa đựng nước", [(900, "bồn nhựa")]),
    ("huy động 11 xe chở hàng cứu trợ", [(11, "xe")]),
    ("tặng 50 túi đựng quà cho học sinh", [(50, "túi")]),
    ("xây 1 bể chứa dung tích 20 m3", [(1, "bể chứa")]),  # a capacity describes the tank
    ("đã sơ cứu cho 2.340 trường hợp bị tai nạn", [(2_340, "trường hợp")]),
    ("tổ chức 415 lớp huấn luyện kỹ năng sơ cứu", [(415, "lớp huấn luyện")]),
    ("trong trường hợp khẩn cấp, Hội chuyển 10 tấn hàng", []),
    ("lớp học thứ 2 của chương trình", []),
    ("mỗi xe chở 10 tấn gạo", []),  # what is carried, by weight: a measure
    ("bồn chứa 2.000 lít nước", []),
    ("túi đựng 5 kg gạo", []),
    # classifier + a longer lexicon unit: the longest reading ("bò giống"); the programme a
    # house is built under describes it
    ("xây 2 căn nhà nhân đạo", [(2, "căn nhà")]),
    ("bàn giao 5 nhà đại đoàn kết", [(5, "nhà")]),
    ("khởi công 12 ngôi nhà tình thương", [(12, "ngôi nhà")]),
    ("1.000 lượt người hiến máu", [(1_000, "lượt người hiến máu")]),
    ("tặng 50 xe lăn", [(50, "xe lăn")]),
    ("trao 100 suất học bổng", [(100, "suất học bổng")]),
    ("trao 100 học bổng", [(100, "học bổng")]),
    ("120 hộ nghèo", [(120, "hộ nghèo")]),
    ("hỗ trợ 35 hộ", [(35, "hộ")]),
    ("khám bệnh cho 500 người", [(500, "người")]),
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
    ("500 bình nước sạch.", [(500, "bình nước")]),  # "sạch" describes (modifiers.txt), as real texts are read
    ("helped 5,000 people", [(5_000, "people")]),
    ("1.2 million households", [(1_200_000, "households")]),
    # "y tế" describes what a thing is for, but names health posts and staff (units.txt)
    ("phát 800 đôi găng tay y tế", [(800, "đôi găng tay")]),
    ("sửa 4 trạm y tế xã", [(4, "trạm y tế")]),
    ("tập huấn 35 cán bộ y tế thôn bản", [(35, "cán bộ y tế")]),
    ("xây 9 công trình dân sinh", [(9, "công trình dân sinh")]),
    ("khánh thành 2 công trình nước sạch", [(2, "công trình nước sạch")]),
    ("lắp 6 bể nước sạch cho điểm trường", [(6, "bể nước")]),
    # English measures are no counts
    ("sent 40 kilos of rice to 12 households", [(12, "households")]),
    ("200 grams of salt for 9 households", [(9, "households")]),
    # the counted noun stops before verbs, prepositions and relative markers (data)
    ("trao 500 bình lọc nước gửi tới các hộ", [(500, "bình lọc nước")]),
    ("trao 800 thùng nước uống do Hội vận động", [(800, "thùng nước uống")]),
    ("500 thùng nước uống lên vùng lũ", [(500, "thùng nước uống")]),
    ("300 thùng mì tôm của nhà tài trợ", [(300, "thùng mì tôm")]),
    ("45 chiếc chăn ấm cho trẻ em", [(45, "chiếc chăn")]),
    # a range counts its low end, as money does
    ("từ 200 đến 300 người", [(200, "người")]),
    ("200-300 người", [(200, "người")]),
    ("hỗ trợ 2-3 triệu người", [(2_000_000, "người")]),
    ("tặng 30 áo trắng cho học sinh", [(30, "áo")]),
    ("trao 400 bình nước ngọt", [(400, "bình nước")]),
    ("hỗ trợ 6 tỉnh miền núi phía Bắc", [(6, "tỉnh")]),
    ("trao 90 thiết bị lọc nước cho hộ nghèo", [(90, "thiết bị lọc nước")]),
    ("trao 300 túi hàng viện trợ của Nhật Bản", [(300, "túi hàng")]),
    ("6 người bị thương", [(6, "người")]),  # "bị" the passive still ends the unit
    ("tặng 12 xã biên giới", [(12, "xã")]),
    # a classifier that is a unit alone names its thing when one follows
    ("trao 150 suất thuốc cho người cao tuổi", [(150, "suất thuốc")]),
    ("trao 40 suất cho các em", [(40, "suất")]),
    ("trao 2 suất vay vốn", [(2, "suất vay vốn")]),
    ("có 3 xanh", []),  # a colour is no unit
    ("200 bộ quần áo được trao", [(200, "bộ quần áo")]),
    ("3 ngôi nhà nhân đạo", [(3, "ngôi nhà")]),
    # participants, reach and sessions
    ("Đại hội có 150 đại biểu tham dự", [(150, "đại biểu")]),
    ("khen thưởng 12 tập thể và 20 cá nhân", [(12, "tập thể"), (20, "cá nhân")]),
    ("tập huấn cho 60 học viên", [(60, "học viên")]),
    ("40 y bác sĩ tham gia khám", [(40, "y bác sĩ")]),
    ("tổ chức 210 đợt hiến máu", [(210, "đợt hiến máu")]),
    ("12 buổi tuyên truyền", [(12, "buổi tuyên truyền")]),
    ("tặng 2 con trâu", [(2, "con trâu")]),
    ("kết nối 63 điểm cầu", [(63, "điểm cầu")]),
    ("lập 4 điểm tiếp nhận hàng cứu trợ", [(4, "điểm tiếp nhận")]),
    # a name after the noun is no part of it
    ("xây 3 nhà Chữ thập đỏ cho hộ nghèo", [(3, "nhà")]),
    # lexicon units of one kind listed with commas or "và" are one unit; one broken by
    # another number, or by a unit of another kind, is not
    ("có 120 cán bộ, công chức và người lao động tham gia", [(120, "cán bộ, công chức và người lao động")]),
    ("gồm 45 học sinh và giáo viên", [(45, "học sinh và giáo viên")]),
    ("trao 70 suất quà, học sinh được nhận", [(70, "suất quà")]),  # another kind: another clause
    ("có 500 hội viên, tình nguyện viên tham gia", [(500, "hội viên, tình nguyện viên")]),  # one kind
    ("trao 12 xe lăn, xe lắc", [(12, "xe lăn, xe lắc")]),
    ("30 hội viên, 20 tình nguyện viên", [(30, "hội viên"), (20, "tình nguyện viên")]),
    # ... people of every kind: young people, orphans, collaborators, leaders
    ("có 300 đoàn viên, thanh niên ra quân", [(300, "đoàn viên, thanh niên")]),
    ("thăm 80 trẻ mồ côi và người khuyết tật", [(80, "trẻ mồ côi và người khuyết tật")]),
    ("với 150 hội viên, cộng tác viên", [(150, "hội viên, cộng tác viên")]),
    ("lễ ra quân có 120 lãnh đạo, chiến sĩ.", [(120, "lãnh đạo, chiến sĩ")]),
    ("thành lập 12 đội thanh niên tình nguyện", [(12, "đội thanh niên tình nguyện")]),
    ("thanh niên và trẻ mồ côi được tặng quà", []),
    # "dành cho", "phải": what the things are for, what must be done with them
    ("trao 40 suất dành cho học sinh nghèo", [(40, "suất")]),
    ("có 12 hộ phải di dời khẩn cấp", [(12, "hộ")]),
    # damage and quality after the noun describe it
    ("bão làm 230 nhà hư hỏng, 14 nhà sập đổ", [(230, "nhà"), (14, "nhà")]),
    ("tặng 60 hộp sữa dinh dưỡng", [(60, "hộp sữa")]),
    ("nấu 90 suất cơm đầy đủ dinh dưỡng cho học sinh", [(90, "suất cơm")]),
    ("đủ 90 suất cơm cho học sinh", [(90, "suất cơm")]),  # "đủ" before the number says nothing of the thing
    ("cứu 5 ngư dân may mắn sống sót", [(5, "ngư dân")]),
    ("nhà hư hỏng phải di dời", []),
    # lexicalised terms keep their words; a describing word after them does not
    ("trao 120 bộ sách giáo khoa cho học sinh", [(120, "bộ sách giáo khoa")]),
    ("thăm 45 đối tượng chính sách", [(45, "đối tượng chính sách")]),
    ("dự án có 900 người hưởng lợi trực tiếp", [(900, "người hưởng lợi")]),
    ("tặng 3.000 quyển tập học sinh", [(3000, "quyển tập")]),
    ("gia đình có 4 người con nhỏ", [(4, "người con")]),
    ("người con thứ 2 của ông", []),
    # an exact age and a verb after the noun end it
    ("tặng quà 300 cụ tròn 80 tuổi", [(300, "cụ")]),
    ("hỗ trợ 6 nhà xây mới", [(6, "nhà")]),
    ("bệnh viện thực hiện 40 ca phẫu thuật miễn phí", [(40, "ca phẫu thuật")]),
    ("các cụ tròn 90 tuổi nhận quà", []),
    # administrative units listed in any order are one unit; a capitalised one and its number name a unit
    ("chương trình có 30 quận, huyện, thị xã tham gia", [(30, "quận, huyện, thị xã")]),
    ("đã đến 12 phường, xã", [(12, "phường, xã")]),
    ("ở 9 huyện, quận của thành phố", [(9, "huyện, quận")]),
    ("các em trường Tiểu học 5 Phường 3 nhận quà", []),
    ("hỗ trợ 3 Phường của quận", [(3, "phường")]),  # capitalised, but no number after it
    ("trẻ mồ côi thứ 2 của xã", []),
    ("cán bộ, công chức và người lao động cùng tham gia", []),
    ("nhà Chữ thập đỏ số 5 được bàn giao", []),
    ("tại 100 điểm hiến máu", [(100, "điểm hiến máu")]),
    ("hiến máu tại 34 tỉnh, thành phố", [(34, "tỉnh, thành phố")]),
    ("ở 99 xã, phường", [(99, "xã, phường")]),
    ("26 mô hình sinh kế", [(26, "mô hình sinh kế")]),  # a livelihood model, lexicalised
    ("12 mô hình kinh tế hộ", [(12, "mô hình")]),  # ... other models end at the lexicon unit
    # any lowercase noun is counted: categories, places, organisations, cases
    ("Tổng giá trị 6 lĩnh vực hoạt động", [(6, "lĩnh vực hoạt động")]),
    ("20 đơn vị tham gia", [(20, "đơn vị")]),
    ("7 thành viên", [(7, "thành viên")]),
    ("3 tỉnh", [(3, "tỉnh")]),
    ("hỗ trợ 5 xã: Hòa An, Hòa Bình", [(5, "xã")]),
    ("tại 3 xã Ea Tu và Ea Kao", [(3, "xã")]),
    ("chợ phiên có 12 gian hàng của các huyện", [(12, "gian hàng")]),
    ("hỗ trợ đột xuất 06 trường hợp khó khăn", [(6, "trường hợp")]),
    ("toàn huyện có 40 chi hội và 12 Hội cơ sở", [(40, "chi hội"), (12, "hội cơ sở")]),
    ("gồm 18 Hội Chữ thập đỏ xã", [(18, "hội chữ thập đỏ")]),
    ("tổ chức 8 Chương trình “Xuân yêu thương”", [(8, "chương trình")]),
    ("xảy ra 18 vụ tai nạn giao thông", [(18, "vụ tai nạn giao thông")]),
    ("chữa cháy 3 vụ", []),  # a classifier alone is no unit
    ("có 31 dân tộc anh em cùng sinh sống", [(31, "dân tộc")]),
    ("trao 2 hệ thống lọc nước để cấp nước", [(2, "hệ thống lọc nước")]),
    ("tặng 60 máy đo huyết áp cho hội viên", [(60, "máy đo huyết áp")]),
    ("xây 4 cầu bê tông; sửa 2 căn", [(4, "cầu bê tông"), (2, "căn")]),
    ("trao 12 xuồng cứu hộ, 300 áo phao", [(12, "xuồng cứu hộ"), (300, "áo phao")]),
    # how far the unit runs: lexicalised units end it, describing words and names end it
    ("120 hộ dân bị ngập", [(120, "hộ dân")]),
    ("950 hộ gia đình nghèo", [(950, "hộ gia đình")]),
    ("40 công trình nhân đạo", [(40, "công trình nhân đạo")]),
    ("88 địa chỉ nhân đạo", [(88, "địa chỉ nhân đạo")]),
    ("2.000 người nghèo", [(2_000, "người nghèo")]),
    ("5.100 lượt người nghèo", [(5_100, "lượt người")]),
    ("12 tổ chức trực thuộc", [(12, "tổ chức trực thuộc")]),
    ("35 tổ chức hội cấp huyện và đơn vị", [(35, "tổ chức hội")]),
    ("50 nghìn thiếu niên chữ thập đỏ", [(50_000, "thiếu niên")]),
    ("60 con bò sinh sản", [(60, "con bò")]),
    ("400 áo phao cứu sinh đa năng", [(400, "áo phao cứu sinh")]),
    ("600 gói bột lọc nước P&G", [(600, "gói bột lọc nước")]),
    ("200 suất quà Tết", [(200, "suất quà")]),
    ("220 bộ dụng cụ học tập mới", [(220, "bộ dụng cụ học tập")]),
    ("15 đợt hiến máu tình nguyện", [(15, "đợt hiến máu")]),
    ("900 cây keo giống", [(900, "cây keo giống")]),
    ("ra mắt 30 đội thanh niên xung kích", [(30, "đội thanh niên xung kích")]),
    ("có 8 nhóm tình nguyện và 2 đội", [(8, "nhóm tình nguyện"), (2, "đội")]),
    ("duy trì 6 câu lạc bộ hiến máu", [(6, "câu lạc bộ")]),
    ("cấp 250 thẻ bảo hiểm y tế", [(250, "thẻ bảo hiểm y tế")]),
    ("Hội có 14 cơ sở Hội cấp xã", [(14, "cơ sở")]),
    # --- not counts -----------------------------------------------------------------
    # a quantity inside the description of each gift is a part of it, not a result
    ("Mỗi suất quà gồm 1 triệu đồng tiền mặt, 10 kg gạo và nhu yếu phẩm.", []),
    ("mỗi suất gồm 500.000 đồng tiền mặt, 10 kg gạo", []),
    ("mỗi hộ 20 kg gạo", []),
    ("chia làm 3 đợt", []),
    ("2 buổi", []),
    ("Trong 2 ngày 20 và 21/6/2024", []),
    ("cụm thi đua số 4", []),
    ("6 tháng đầu năm 2024", []),
    ("cụ bà 85 tuổi", []),
    ("Đại hội lần thứ XI", []),
    ("lần thứ 3 người", []),
    ("Điện thoại 0912345678", []),
    ("Nghị định số 93/2021/NĐ-CP", []),
    ("trị giá 200 triệu đồng", []),
    ("500.000 đồng/người", []),
    ("kéo dài 3-4 ngày", []),  # a range of a time or an age is no count either
    ("trẻ từ 6-15 tuổi", []),
    ("một người dân cho biết", []),
    ("ba hộ", []),
    ("năm người", []),
    ("2 năm", []),
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
    # measures, time and shares are no counts
    ("trao 10 tấn gạo", []),
    ("12.000 tấn hàng", []),
    ("mỗi hộ nhận 500 kg", []),
    ("450 ml máu", []),
    ("5 tạ bí xanh", []),
    ("8 ha lúa", []),
    ("15 phần trăm số hộ", []),
    ("trong 3 tháng", []),
    ("hiến máu 40 lần", []),
    ("57/57 ấp ra quân dọn vệ sinh", [(57, "ấp")]),  # the whole of N/N, N no month: all of them
    ("Hội có mặt ở 15/15 xã", [(15, "xã")]),
    ("4/4 thôn tham gia", []),  # N/N of 12 or less is a day and month's shape
    ("12/15 xã đạt chuẩn", []),  # a part of a whole: no reading settles which figure is counted
    ("năm đầu vận hành chính quyền địa phương 2 cấp", []),  # levels: the shape of a body
    ("sự vào cuộc của Hội Chữ thập đỏ 4 cấp", []),
    ("trường có 3 cấp học", [(3, "cấp học")]),  # a school level is a counted thing
    ("sau khi vận hành chính quyền 2 cấp, xã có 20 hộ nghèo", [(20, "hộ nghèo")]),
    ("trải qua 2 nhiệm kỳ", []),
    # numbers inside names, numbered places, classes, years before another noun
    ("dịch Covid-19 bệnh nhân", []),
    ("đại dịch COVID - 19 tỉnh Hà Nam", []),
    ("thôn 2 xã Tân Lập", []),
    ("tổ 5 phường Đông Hòa", []),
    ("phường 3 quận 5", []),
    ("Chi hội Phụ nữ TDP 7 phường Tân Mai", []),  # abbreviated unit words name their number too
    ("bà con KP 4 thị trấn Đông Anh", []),
    ("các hộ KP.2 thị trấn Đông Anh", []),
    ("người dân khối 6 phường Bến Thủy", []),
    ("Hội đến thôn.2 hộ nghèo nhận quà", [(2, "hộ nghèo")]),  # a lowercase word's glued full stop is no abbreviation
    ("hỗ trợ 3 tổ dân phố và 2 khu phố", [(3, "tổ dân phố"), (2, "khu phố")]),  # before its noun: a count
    ("học sinh lớp 4 trường Kim Đồng", []),
    ("nhà ở ngõ 5 phố Hàng Bông", []),
    ("theo khoản 2 điều 3 của Điều lệ", []),
    ("trao quà cho các xã, gồm: 40 hộ nghèo, 12 hộ cận nghèo", [(40, "hộ nghèo"), (12, "hộ cận nghèo")]),  # no "mỗi"
    ("Mỗi suất 300.000 đồng. Kết quả: 25 hộ được nhận", [(25, "hộ")]),  # a colon of another sentence
    ("Xuân yêu thương 2025 diễn ra", []),
    ("Tết Nhân ái 2024 lan tỏa", []),
    ("đoàn Hành trình Đỏ 2023 tình nguyện viên đến thăm", []),  # a name's year, though a unit follows
    ("Có 2000 người tham gia", [(2000, "người")]),  # a sentence's first word is no name
    ("chương trình thu hút 2000 tình nguyện viên", [(2000, "tình nguyện viên")]),
    # a capitalised word after the number starts a name, not a unit
    ("mùng 9 Tết", []),
    ("Quận 1 Thành phố", []),
    ("đường 30 Tháng Tư", []),
    # a part of each gift is no result (a share of each recipient is: test below)
    ("mỗi suất gồm 2 thùng mì và 1 chai dầu", []),
    ("Mỗi phần quà bao gồm: 5 kg đường, 2 hộp sữa và dầu ăn.", []),  # the parts after a colon too
    ("mỗi phần quà 3 hộp sữa", []),
    ("mỗi hộ gồm 5 người", []),
    # a prize is named by its rank
    ("trao 4 giải nhì và 7 giải khuyến khích", [(4, "giải nhì"), (7, "giải khuyến khích")]),
    ("đội đạt 2 giải thưởng lớn", [(2, "giải thưởng")]),
    ("tivi 43 inch được trao", []),  # a measure
    # the verbs of giving and taking end the noun ("góp", "đóng góp", "quyên góp", "lấy")
    ("Hội trao 12 thùng sữa góp thêm cho các em", [(12, "thùng sữa")]),
    ("có 40 doanh nghiệp đóng góp", [(40, "doanh nghiệp")]),
    ("bà có 3 con trai lấy vợ xa", [(3, "con trai")]),
    # a function word, verb or describing word right after the number is no unit
    ("hơn 100 tham gia", []),
    ("có 12 mới", []),
    ("được 3 và", []),
    ("hơn 20 quyên góp", []),
    ("có 5 lấy", []),
]


@pytest.mark.parametrize("phrase,expected", COUNTS)
def test_counts(phrase, expected):
    lang = "en" if phrase.isascii() and any(w in phrase for w in ("people", "households")) else "vi"
    assert [(c.value, c.unit) for c in extract_counts(phrase, lang=lang)] == expected


# English pages: the noun phrase up to its plural head, describing words left out.
COUNTS_EN = [
    ("distributed 800 relief kits to families", [(800, "relief kits")]),
    ("honoured 30 outstanding blood donors", [(30, "blood donors")]),
    ("150,000 bags of rice were delivered", [(150_000, "bags")]),  # what is in them is no part of it
    ("reaches 2,000 flood-affected households", [(2_000, "households")]),
    ("donated 2,000 oxygen concentrators", [(2_000, "oxygen concentrators")]),
    ("blood drives in 40 provinces and cities", [(40, "provinces and cities")]),
    ("VND 10 million per household to 42 families", [(42, "families")]),
    ("1,100 households received cash grants", [(1_100, "households")]),
    ("assisted over 24,000 households with", [(24_000, "households")]),
    ("handed over 1 million gifts to the poor", [(1_000_000, "gifts")]),
    ("in 3 provinces of the north", [(3, "provinces")]),
    ("storms hit two million people", [(2_000_000, "people")]),  # a number word before a scale
    ("ten thousand units of blood were collected", [(10_000, "units")]),
    ("On 10 January 200 households got rice", [(200, "households")]),  # 200 is no day of January
    # the season or place a thing is for is no part of its name
    ("presented 200 Tet gifts to the poor", [(200, "gifts")]),
    ("handed 1,000 Tet gift packages to families", [(1_000, "gift packages")]),
    ("the project covers 257 border communes", [(257, "communes")]),
    # a partitive counts its head; a list of plurals is one unit; capitalised words before
    # the head are a name's, not the thing's
    ("reach 2,300 of the most vulnerable affected households", [(2_300, "households")]),
    ("the city has 310 Red Cross communes, wards and towns; 90 school branches",
     [(310, "communes, wards and towns"), (90, "school branches")]),
    ("1,300 transport and fishing boats were damaged", [(1_300, "transport and fishing boats")]),
    ("over 500 students, teachers, and parents joined", [(500, "students, teachers, and parents")]),
    ("1,100 households, 300 schools", [(1_100, "households"), (300, "schools")]),
    ("over 20,000 houses and thousands of roads were built", [(20_000, "houses")]),  # no second head
    ("600 blankets, hundreds of mats", [(600, "blankets")]),
    ("600 blankets and mats of the province", [(600, "blankets and mats")]),
    # an "of" noun after the plural is no part of it
    ("5,000 boxes of noodles", [(5_000, "boxes")]),
    # the head and at most one noun before it; adjectives (by their ending) and names describe it
    ("built 40 Great Unity houses", [(40, "houses")]),
    ("handed 600 plastic rain boots to pupils", [(600, "rain boots")]),
    ("ran 12 free eye examinations", [(12, "eye examinations")]),
    ("offered 300 general dental checkups", [(300, "checkups")]),
    ("supported 55 cultural projects", [(55, "projects")]),
    ("trained 90 experienced rescuers", [(90, "rescuers")]),
    ("received 70 new sewing machines", [(70, "sewing machines")]),
    ("cleared 4 major mudslides", [(4, "mudslides")]),
    ("handed out 90 warm blankets", [(90, "blankets")]),
    ("visited 35 elderly residents", [(35, "residents")]),
    # a lexicon unit after describing words; a list whose first head is no "-s" plural
    ("aiding 9,000 needy people", [(9_000, "people")]),
    ("reached 700 vulnerable children", [(700, "children")]),
    ("trained 300 children and teachers", [(300, "children and teachers")]),
    ("hit by 2 successive typhoons Noru and Kai", [(2, "typhoons")]),
    ("repaired 250 school and clinic roofs", [(250, "school and clinic roofs")]),  # two coordinated nouns
    ("gave 80 red envelopes to children", [(80, "red envelopes")]),  # a short word is no -ed adjective
    ("to support 412.000 turns of disadvantaged people", [(412_000, "turns")]),
    # not counts
    ("over 2 days of training", []),
    ("for 10 years the Society", []),
    ("donated 5 times", []),
    ("Typhoon No. 10 hit the coast", []),
    ("the 2024 campaign was launched", []),
    ("aged 45 years", []),
    ("in 2022 the Society", []),
    ("reached 5,000 in total", []),
    ("patients with COVID-19 and flu", []),
    ("the 12th Red Journey programme", []),
    ("over 70 percent of households", []),
    ("damaging 9,000 hectares of crops", []),
    ("01 Hanoi People's School for the Deaf", []),
    ("8 died in the floods", []),
    ("lasted 3 long months", []),
    ("over 3 difficult years", []),  # a time plural after a describing word is still time
    ("around 6 cubic metres of water", []),
    ("the 40 Famous Humanitarian Stories book", []),
    ("aged 60 and older", []),
    ("donated 20 tonnes of medical supplies", []),
    ("a 500-strong team", []),
    ("opened 3 hours early", []),
    ("Route 14 was blocked", []),
    ("delivered 40 tonnes of rice", []),
    ("Bac Khe 1 Hydropower Dam", []),
    ("one house was built", []),  # a number word alone is no figure in English
    ("two volunteers arrived", []),
    ("the Tet holiday lasted 5 days", []),
    ("the minister on March 14 toured and handed out gifts", []),  # a day after its month
    ("on May 19 families gathered", []),
    ("the Spring Volunteer 2023 students cleaned the beach", []),  # the campaign's year
    ("another 25 ones worth 5 million VND", []),  # a pronoun names no thing
    ("while 900 others got blankets", []),
    ("handed over 300 savings books", [(300, "savings books")]),  # a compound, not the plural "savings"
    ("gifts for 40 fishermen and 25 women", [(40, "fishermen"), (25, "women")]),  # plurals without -s
    ("helped 1,500 low-income freshmen", [(1_500, "freshmen")]),
    ("2023 students joined the walk", [(2023, "students")]),  # no name before it: a number
    # a list's later heads may be described; the victims of Agent Orange are a unit of their own
    ("gifts for 150 pupils and elderly persons", [(150, "pupils and elderly persons")]),
    ("12 clinics and charitable shelters joined", [(12, "clinics and charitable shelters")]),
    ("support for 3,000 AO victims in the province", [(3_000, "ao victims")]),
    ("visited 80 Agent Orange victims", [(80, "agent orange victims")]),
    ("500 victims of the floods got rice", [(500, "victims")]),
    ("40 pupils and a teacher came", [(40, "pupils")]),
    ("gifts for 64 ethnic minority households", [(64, "households")]),
    ("35 minority students got bicycles", [(35, "students")]),
    ("gifts to 40 Hmong ethnic minority families", [(40, "families")]),
    ("130 needy Cham households received rice", [(130, "households")]),
    # up to two nouns name the thing before its head; a material or a describing word does not
    ("installed 4 water treatment units", [(4, "water treatment units")]),
    ("trained 60 youth union officials", [(60, "youth union officials")]),
    ("handed 25 blood donation kits", [(25, "blood donation kits")]),
    ("gave 30 plastic water tanks", [(30, "water tanks")]),
    ("built 6 wooden bridges", [(6, "bridges")]),
    ("for 70 poor farm households", [(70, "farm households")]),
    ("sent 12 kilos of noodles", []),
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


def test_english_table_sizes():
    negatives = [p for p, e in COUNTS_EN if not e]
    assert len(negatives) * 3 >= len(COUNTS_EN)


def test_repeated_count_is_one_row():
    assert len(extract_counts("Hội đã trao 320 suất quà. Sau đó Hội đã trao 320 suất quà.")) == 1


def test_a_share_of_each_recipient_is_a_count():
    assert [(c.value, c.unit) for c in extract_counts("trao 3 xã, mỗi xã 1.000 khẩu trang")] == [
        (3, "xã"), (1_000, "khẩu trang")]


# The headline (the first line, a blank line after it, no full stop at its end) gives no
# count: one the body states again is the body's; one only it states is not listed.
HEADLINES = [
    ("Trao 320 suất quà\n\nNgày 2/3, Hội đã trao 320 suất quà.", [(320, "suất quà")]),
    ("Trao 1.000 áo phao\n\nHội trao 1.000 áo phao cứu sinh.", [(1_000, "áo phao cứu sinh")]),
    ("Tiếp nhận hơn 2.500 đơn vị máu\n\nNgày hội thu 2.514 đơn vị máu.", [(2_514, "đơn vị máu")]),
    ("TRAO 500 PHẦN QUÀ\n\nĐoàn trao 500 phần quà.", [(500, "phần quà")]),
    ("Trao 500 suất quà cho 3 xã\n\nHội đã trao quà cho người dân.", []),
    ("Tiếp nhận 900 đơn vị máu\n\nNgày hội thành công.\n\nHội cảm ơn.", []),
    # not a headline: the first paragraph ends a sentence, or no blank line follows it
    ("Hội trao 320 suất quà.\n\nĐó là hoạt động thường niên.", [(320, "suất quà")]),
    ("Hội trao 320 suất quà\nĐó là hoạt động thường niên.", [(320, "suất quà")]),
    ("Trao 320 suất quà", [(320, "suất quà")]),
    ("Trao 320 suất quà\n\n", [(320, "suất quà")]),
]


@pytest.mark.parametrize("text,expected", HEADLINES)
def test_headline_counts(text, expected):
    assert [(c.value, c.unit) for c in extract_counts(text)] == expected


def test_headline_money_is_kept():
    assert [m.amount_vnd for m in extract_money("Trao 50 triệu đồng\n\nHội trao quà.")] == [50_000_000]


def test_the_data_files_are_the_one_source(monkeypatch):
    """A measure added to not_units.txt ends a count, a describing word added to
    modifiers.txt ends a unit: no other list to edit."""
    import ctd_crawler.extract.figures.vocabulary as vocabulary_module

    phrase = "trao 40 thúng ngô xay"  # "thúng" (a basket measure) and "xay" (ground) are in no list
    assert [(c.value, c.unit) for c in extract_counts(phrase)] == [(40, "thúng ngô xay")]
    read = vocabulary_module.data_lines
    extra = {"counts/not_units.txt": ["thúng"], "counts/modifiers.txt": ["xay"]}

    def with_extra(name):
        return read(name) + extra.get(name, [])

    monkeypatch.setattr(vocabulary_module, "data_lines", with_extra)
    vocabulary_module.vocabulary.cache_clear()
    try:
        assert extract_counts(phrase) == []
        assert [(c.value, c.unit) for c in extract_counts("trao 40 bao ngô xay")] == [(40, "bao ngô")]
    finally:
        vocabulary_module.vocabulary.cache_clear()  # the next test reads the real data
