"""Table tests for the title rules of ctd_crawler.extract.people (issue 14): abbreviated
heads, dotted abbreviations, openers ("nguyên", "Phó", "Standing"), ranks, English titles,
appositions that run on, roles given by a verb, the first mention's title.

Sentences are invented, in the shapes real reporters write."""

from __future__ import annotations

import pytest

from ctd_crawler.extract.people import extract_people

# (sentence, [(name, title), ...]): what must be found, with its title as written.
FOUND = [
    # --- heads written short, matched as written
    ("Ông Lò Văn Khánh, PCT UBND xã Nậm Ty, trao quà.", [("Lò Văn Khánh", "PCT UBND xã Nậm Ty")]),
    ("Đồng chí Hà Thị Vân - UVBTV Huyện ủy, Chủ tịch UBND huyện phát biểu.",
     [("Hà Thị Vân", "UVBTV Huyện ủy, Chủ tịch UBND huyện")]),
    ("Đồng chí Tạ Quang Minh- UV BTV, Phó Chủ tịch UBND phường dự.",
     [("Tạ Quang Minh", "UV BTV, Phó Chủ tịch UBND phường")]),
    ("Ông Vũ Đình Sơn, TGĐ Công ty CP Hòa Phát Miền Bắc, trao 100 suất quà.",
     [("Vũ Đình Sơn", "TGĐ Công ty CP Hòa Phát Miền Bắc")]),
    ("Bà Đặng Thu Trang, PGĐ Sở Y tế, cho biết.", [("Đặng Thu Trang", "PGĐ Sở Y tế")]),
    ("Đồng chí Mã Văn Lực, TUV, Bí thư Huyện ủy dự lễ.", [("Mã Văn Lực", "TUV, Bí thư Huyện ủy")]),
    ("Ông Hoàng Văn Tư PBT Đảng ủy xã phát biểu.", [("Hoàng Văn Tư", "PBT Đảng ủy xã")]),
    ("Bà Trịnh Thu Trang – UVBCHTW Hội CTĐ Việt Nam, Chủ tịch Hội CTĐ tỉnh phát biểu.",
     [("Trịnh Thu Trang", "UVBCHTW Hội CTĐ Việt Nam, Chủ tịch Hội CTĐ tỉnh")]),
    # --- dotted abbreviations do not end a title
    ("Bà Trịnh Thu Hương, Phó Chủ tịch T.Ư Hội CTĐ Việt Nam, phát biểu.",
     [("Trịnh Thu Hương", "Phó Chủ tịch T.Ư Hội CTĐ Việt Nam")]),
    ("Ông Lâm Quốc Bảo, Chủ tịch Hội Chữ thập đỏ TP.HCM, cho biết.",
     [("Lâm Quốc Bảo", "Chủ tịch Hội Chữ thập đỏ TP.HCM")]),
    ("Bà Phan Thị Ngọc, Chủ tịch Ủy ban MTTQ Việt Nam TP. Đà Lạt phát biểu.",
     [("Phan Thị Ngọc", "Chủ tịch Ủy ban MTTQ Việt Nam TP. Đà Lạt")]),
    ("Ông Dương Văn Hậu, Giám đốc Trung tâm Y tế TP.Vinh cho biết.",
     [("Dương Văn Hậu", "Giám đốc Trung tâm Y tế TP.Vinh")]),
    # --- a hyphen glued between the name and the title is a dash
    ("Đoàn do ông Lê Văn Sỹ-Chủ tịch Hội CTĐ tỉnh làm trưởng đoàn.", [("Lê Văn Sỹ", "Chủ tịch Hội CTĐ tỉnh")]),
    ("Bà Nguyễn Thị Oanh-PCT Hội CTĐ huyện trao quà.", [("Nguyễn Thị Oanh", "PCT Hội CTĐ huyện")]),
    ("Ông Lê Minh Vũ-Chủ nhiệm CLB Tình Nguyện Kon Tum-cho biết thêm.",
     [("Lê Minh Vũ", "Chủ nhiệm CLB Tình Nguyện Kon Tum")]),  # a verb glued after a dashed title ends it
    ("Hội ủy quyền cho chị Tạ Thị Mỹ Duyên-giáo viên Trường THCS Kim Đồng nhận quà.",
     [("Tạ Thị Mỹ Duyên", "giáo viên Trường THCS Kim Đồng")]),  # a head that may be lower case
    ("Đồng chí Lò Văn Páo – UVBTVHU, Chủ tịch Hội Nông dân huyện dự họp.",
     [("Lò Văn Páo", "UVBTVHU, Chủ tịch Hội Nông dân huyện")]),  # the party committee in the last letters
    # --- openers stay in the title: former, acting, deputy of any head
    ("Ông Bạch Văn Tùng, nguyên Chủ tịch Hội CTĐ tỉnh, tham dự.", [("Bạch Văn Tùng", "nguyên Chủ tịch Hội CTĐ tỉnh")]),
    ("Nguyên Phó Chủ tịch nước Trương Mỹ Hoa dự lễ kỷ niệm.", [("Trương Mỹ Hoa", "Nguyên Phó Chủ tịch nước")]),
    ("Ông Đỗ Hữu Ca, quyền Giám đốc Sở Lao động - Thương binh và Xã hội phát biểu.",
     [("Đỗ Hữu Ca", "quyền Giám đốc Sở Lao động - Thương binh và Xã hội")]),
    ("Thượng tá Lưu Văn Định, Phó Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh cho biết.",
     [("Lưu Văn Định", "Phó Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh")]),
    ("Bà Ninh Thị Hải, Chủ tịch Hội CTĐ tỉnh, nguyên Phó Chủ tịch UBND huyện Yên Sơn, phát biểu.",
     [("Ninh Thị Hải", "Chủ tịch Hội CTĐ tỉnh, nguyên Phó Chủ tịch UBND huyện Yên Sơn")]),
    # --- a rank or degree before a name is its prefix, and the title stands around it
    ("Giám đốc Công an tỉnh, Đại tá Hồ Văn Mười cho biết.", [("Hồ Văn Mười", "Giám đốc Công an tỉnh")]),
    ("Chính ủy Bộ Chỉ huy Quân sự tỉnh Thượng tá Phùng Văn Tám trao quà.",
     [("Phùng Văn Tám", "Chính ủy Bộ Chỉ huy Quân sự tỉnh")]),
    ("BS. Kiều Văn Thắng, Thầy thuốc ưu tú, Giám đốc Bệnh viện Đa khoa tỉnh khám cho bà con.",
     [("Kiều Văn Thắng", "Thầy thuốc ưu tú, Giám đốc Bệnh viện Đa khoa tỉnh")]),
    # --- English titles keep their words and their organisation in front
    ("VNRC Deputy Secretary General Tran Thi Ngan said the society would help.",
     [("Tran Thi Ngan", "VNRC Deputy Secretary General")]),
    ("Mr. Pham Van Duc, Lao Cai Red Cross Vice President, attended the event.",
     [("Pham Van Duc", "Lao Cai Red Cross Vice President")]),
    ("Chinese Ambassador to Vietnam Xiong Bo presented the gifts.",
     [("Xiong Bo", "Chinese Ambassador to Vietnam")]),
    ("Korean Ambassador Park Noh-wan visited the flooded commune.",
     [("Park Noh-wan", "Korean Ambassador")]),
    ("Chinese Consul General Wang Lin handed over the donation.", [("Wang Lin", "Chinese Consul General")]),
    ("At the meeting, Le Thi Kim, Standing Vice President of the Vietnam Red Cross Society, spoke.",
     [("Le Thi Kim", "Standing Vice President of the Vietnam Red Cross Society")]),
    ("Associate Professor Tran Van Long, director of the National Institute of Hematology, said.",
     [("Tran Van Long", "director of the National Institute of Hematology")]),
    ("Ms. Do Thu Ha, Deputy Head of the Communication Department of Ha Noi Party Committee, spoke.",
     [("Do Thu Ha", "Deputy Head of the Communication Department of Ha Noi Party Committee")]),
    ("Mr. Lo Van Tinh, Vice-Chairman of Lai Chau Provincial People's Committee, spoke.",
     [("Lo Van Tinh", "Vice-Chairman of Lai Chau Provincial People's Committee")]),  # a hyphenated head is one word
    ("Ms. Dang Thi Thu, Chairwoman of the Quang Tri Association of Victims of AO/dioxin, spoke.",
     [("Dang Thi Thu", "Chairwoman of the Quang Tri Association of Victims of AO/dioxin")]),  # a glued slash
    ("Mr. Vu Van Hoa, Secretary of the Quang Binh provincial Youth Union, spoke.",
     [("Vu Van Hoa", "Secretary of the Quang Binh provincial Youth Union")]),  # a province that reads like a name
    ("Bà Đinh Thị Vân, Phó Trưởng ban Chỉ đạo phòng, chống thiên tai huyện, kiểm tra đê.",
     [("Đinh Thị Vân", "Phó Trưởng ban Chỉ đạo phòng, chống thiên tai huyện")]),  # a comma inside the name
    ("Mrs. Lam Thi Thu, Deputy Director of BIDV’s Retail Office, Ha Nam Branch said the gifts were ready.",
     [("Lam Thi Thu", "Deputy Director of BIDV’s Retail Office, Ha Nam Branch")]),  # a branch after a comma goes on
    # --- an apposition runs to its end
    ("Ông Trần Hữu Phước, Giám đốc Dự án tại Thành phố Hồ Chí Minh của tổ chức Plan, cho biết.",
     [("Trần Hữu Phước", "Giám đốc Dự án tại Thành phố Hồ Chí Minh")]),
    ("Ông Vi Đức Thọ, Trưởng ban Chỉ đạo vận động hiến máu tình nguyện tỉnh phát biểu.",
     [("Vi Đức Thọ", "Trưởng ban Chỉ đạo vận động hiến máu tình nguyện tỉnh")]),
    ("Bà Mạc Thị Lý, Phó Chủ tịch UBND huyện, Trưởng Ban chỉ đạo vận động hiến máu tình nguyện huyện, phát biểu.",
     [("Mạc Thị Lý", "Phó Chủ tịch UBND huyện, Trưởng Ban chỉ đạo vận động hiến máu tình nguyện huyện")]),
    ("Ông Lạc Văn Thành, Phó Chủ tịch (phụ trách) Hội CTĐ tỉnh Hòa Bình, trao quà.",
     [("Lạc Văn Thành", "Phó Chủ tịch (phụ trách) Hội CTĐ tỉnh Hòa Bình")]),
    ("Ông Khổng Minh Đạt - Đại biểu Quốc hội; Phó Giám đốc Sở Nội vụ tỉnh Bắc Ninh. Hội nghị bắt đầu.",
     [("Khổng Minh Đạt", "Đại biểu Quốc hội; Phó Giám đốc Sở Nội vụ tỉnh Bắc Ninh")]),
    ("Ông Lê Thanh Bình, Chủ tịch Hội Chữ thập đỏ (CTĐ) tỉnh Phú Thọ, phát biểu.",
     [("Lê Thanh Bình", "Chủ tịch Hội Chữ thập đỏ (CTĐ) tỉnh Phú Thọ")]),
    ("Thiếu tướng Hà Văn Tới, Phó Tư lệnh Quân khu 2 tới dự.", [("Hà Văn Tới", "Phó Tư lệnh Quân khu 2")]),
    # --- a role given by a verb is the title when no mention states one
    ("Bà Vương Thị Mai được bầu làm Chủ tịch Hội CTĐ huyện.", [("Vương Thị Mai", "Chủ tịch Hội CTĐ huyện")]),
    # a title in lower case after a dash, with or without a space before it
    ("Đến dự có ông Lương Văn Tám - phó chủ tịch UBND huyện.", [("Lương Văn Tám", "phó chủ tịch UBND huyện")]),
    ("Dự có ông Hà Văn Sơn- phó chủ tịch Hội chữ thập đỏ tỉnh, ông Đào Văn Hưng- chủ tịch UBND xã.",
     [("Hà Văn Sơn", "phó chủ tịch Hội chữ thập đỏ tỉnh"), ("Đào Văn Hưng", "chủ tịch UBND xã")]),
    # the head of an agency or an office ("Cơ quan đại diện", "Văn phòng")
    ("Dự có ông Đặng Văn Khôi – Phó Trưởng Cơ quan đại diện phía Nam của Hội cho biết.",
     [("Đặng Văn Khôi", "Phó Trưởng Cơ quan đại diện phía Nam của Hội")]),
    ("Ông Lê Văn Hùng, Trưởng Văn phòng đại diện tại TP Hồ Chí Minh, cho biết.",
     [("Lê Văn Hùng", "Trưởng Văn phòng đại diện tại TP Hồ Chí Minh")]),
    # two offices of one person joined by "; "
    ("Ông Phan Văn Lộc, Đại biểu Quốc hội; Phó Giám đốc Sở Y tế tỉnh phát biểu.",
     [("Phan Văn Lộc", "Đại biểu Quốc hội; Phó Giám đốc Sở Y tế tỉnh")]),
    # --- a caption's title, a dash, the name
    ("Bí thư xã Phú Mỹ - Tạ Minh Quân cho biết.", [("Tạ Minh Quân", "Bí thư xã Phú Mỹ")]),
    ("Bí thư xã Phú Mỹ Hưng- Tạ Minh Quân cho biết.", [("Tạ Minh Quân", "Bí thư xã Phú Mỹ Hưng")]),
    ("Phó Chủ tịch UBND tỉnh - ông Nguyễn Văn An trao quà.", [("Nguyễn Văn An", "Phó Chủ tịch UBND tỉnh")]),
    # --- a lower-case English level in front of the organisation before the head
    ("Gifts came from municipal Party Committee Secretary Pham Quang Huy.",
     [("Pham Quang Huy", "municipal Party Committee Secretary")]),
    ("Gifts came from provincial People's Committee Chairman Tran Van Nam.",
     [("Tran Van Nam", "provincial People's Committee Chairman")]),
    # --- a title, a comma, a bare name closed by another comma: the name's title
    ("Party Secretary and Chairman of the People's Council of Tan Phu Commune, Vo Minh Tam, said it.",
     [("Vo Minh Tam", "Party Secretary and Chairman of the People's Council of Tan Phu Commune")]),
    ("Phó Chủ tịch UBND tỉnh, Nguyễn Văn An, cho biết.", [("Nguyễn Văn An", "Phó Chủ tịch UBND tỉnh")]),
    # --- the Youth Union of a unit is one word with its level
    ("Ông Hồ Minh Trí, Bí thư Tỉnh Đoàn Bến Tre trao quà.", [("Hồ Minh Trí", "Bí thư Tỉnh Đoàn Bến Tre")]),
    ("Bí thư Huyện đoàn Nguyễn Văn An phát biểu.", [("Nguyễn Văn An", "Bí thư Huyện đoàn")]),
    # --- the heads of emulation clusters and blocks
    ("Ông Lý Hoàng Phúc, Trưởng Cụm thi đua số 7 phát biểu.", [("Lý Hoàng Phúc", "Trưởng Cụm thi đua số 7")]),
    ("Bà Lê Thu Hà, Phó Trưởng Khối thi đua, trao cờ.", [("Lê Thu Hà", "Phó Trưởng Khối thi đua")]),
    # --- a title stated after the name wins over "Đại diện ..." before it
    ("Đại diện Ủy ban xã, Thiếu tá Trần Thu Hằng – Phó Trưởng Công an xã Phú Lộc phát biểu.",
     [("Trần Thu Hằng", "Phó Trưởng Công an xã Phú Lộc")]),
    # --- after a dash, a level word and a place say where the office is
    ("Bác sĩ Lưu Văn Tài, Giám đốc trạm y tế nhân đạo Ấp 3 – huyện Cần Giuộc và các y sĩ dự.",
     [("Lưu Văn Tài", "Giám đốc trạm y tế nhân đạo Ấp 3 – huyện Cần Giuộc")]),
    # --- the press before its name; a number inside a name that goes on; a resident office
    ("Ông Hà Văn Sơn, Phó Tổng Biên tập báo Lao Động, trao quà.", [("Hà Văn Sơn", "Phó Tổng Biên tập báo Lao Động")]),
    ("Bà Mai Thị Lan, Thư ký tòa soạn tạp chí Nhân đạo, cho biết.", [("Mai Thị Lan", "Thư ký tòa soạn tạp chí Nhân đạo")]),
    ("Ông Phan Văn Đức, Giám đốc Trung tâm cứu hộ 114 Thành phố, phát biểu.",
     [("Phan Văn Đức", "Giám đốc Trung tâm cứu hộ 114 Thành phố")]),
    ("Ông Vũ Đình Hòa, Trưởng Cơ quan thường trú khu vực miền Trung, dự lễ.",
     [("Vũ Đình Hòa", "Trưởng Cơ quan thường trú khu vực miền Trung")]),
    # --- an English organisation before its head may hold "of" and "and", and a country's name
    ("Viet Nam Red Cross Society Vice President Tran Van Minh attended.",
     [("Tran Van Minh", "Viet Nam Red Cross Society Vice President")]),
    ("Institute of Nutrition and Food Safety Director Le Thi Huong spoke.",
     [("Le Thi Huong", "Institute of Nutrition and Food Safety Director")]),
    # --- a long department name written partly in lower case
    ("Ông Vũ Văn Hạnh, Phó Giám đốc Sở Lao động thương binh và xã hội tỉnh, trao quà.",
     [("Vũ Văn Hạnh", "Phó Giám đốc Sở Lao động thương binh và xã hội tỉnh")]),
    # --- a commune named like a person, after its level word, is the place
    ("Ông Lê Văn An, Chủ tịch UBND xã Hoàng Văn Thụ, cho biết.", [("Lê Văn An", "Chủ tịch UBND xã Hoàng Văn Thụ")]),
    ("Chủ tịch UBND xã Nguyễn Văn Bình phát biểu.", [("Nguyễn Văn Bình", "Chủ tịch UBND xã")]),  # no such commune: the person
    # --- a club's name in quotes; "trẻ em" is a noun, no honorific
    ("Ông Đỗ Văn Hải, Chủ nhiệm CLB “Mái ấm nghĩa tình” trao quà.", [("Đỗ Văn Hải", "Chủ nhiệm CLB “Mái ấm nghĩa tình”")]),
    ("Bà Lê Thị Nga, Giám đốc Quỹ Bảo trợ trẻ em Việt Nam, dự lễ.", [("Lê Thị Nga", "Giám đốc Quỹ Bảo trợ trẻ em Việt Nam")]),
    # --- a duty stays in the title: before an organisation, or in brackets after it
    ("Ông Kiều Văn Lộc, Phó Giám đốc phụ trách Trung tâm Y tế huyện, trao quà.",
     [("Kiều Văn Lộc", "Phó Giám đốc phụ trách Trung tâm Y tế huyện")]),
    ("Bà Tô Thị Hạnh, Phó Chủ tịch Hội CTĐ huyện Yên Lập (phụ trách chung), phát biểu.",
     [("Tô Thị Hạnh", "Phó Chủ tịch Hội CTĐ huyện Yên Lập (phụ trách chung)")]),
    # --- lowercase words follow a later head as they follow the first
    ("Nhà báo Lưu Văn Tiến, Ủy viên Ban Biên tập, Thư ký tòa soạn Báo Đại Đoàn Kết, dự lễ.",
     [("Lưu Văn Tiến", "Ủy viên Ban Biên tập, Thư ký tòa soạn Báo Đại Đoàn Kết")]),
    ("Bà Vi Thị Mến, Chủ tịch Liên chi hội nhà báo - Đài Phát thanh tỉnh, phát biểu.",
     [("Vi Thị Mến", "Chủ tịch Liên chi hội nhà báo - Đài Phát thanh tỉnh")]),
    # --- a second office written in lower case after a comma
    ("Đồng chí Lục Văn Pình, Đảng ủy viên, phó chủ tịch UBND thị trấn dự lễ.",
     [("Lục Văn Pình", "Đảng ủy viên, phó chủ tịch UBND thị trấn")]),
    ("Thượng tọa Thích Quảng Tâm, Phó Trưởng ban Trị sự tỉnh, trụ trì chùa Long Khánh, trao quà.",
     [("Thích Quảng Tâm", "Phó Trưởng ban Trị sự tỉnh, trụ trì chùa Long Khánh")]),
    # --- a title after a colon, on a list line
    ("Đồng chí: Nông Văn Khởi: Chủ tịch Hội chữ thập đỏ xã.", [("Nông Văn Khởi", "Chủ tịch Hội chữ thập đỏ xã")]),
    # --- an organisation named by a list of lower-case words, up to its place
    ("Ông Mai Văn Chiến, Phó Chủ tịch Hội Bảo trợ người tàn tật, trẻ mồ côi và bệnh nhân nghèo tỉnh Trà Vinh cho biết.",
     [("Mai Văn Chiến", "Phó Chủ tịch Hội Bảo trợ người tàn tật, trẻ mồ côi và bệnh nhân nghèo tỉnh Trà Vinh")]),
    ("Bà Kha Thị Lụa, Chủ tịch Hội Bảo trợ người khuyết tật và trẻ mồ côi TP Cần Thơ, phát biểu.",
     [("Kha Thị Lụa", "Chủ tịch Hội Bảo trợ người khuyết tật và trẻ mồ côi TP Cần Thơ")]),
    # --- heads of a section, a pagoda, a political commission
    ("Anh Phí Văn Quyết, Trưởng bộ phận nhân sự Công ty TNHH Sao Mai, trao quà.",
     [("Phí Văn Quyết", "Trưởng bộ phận nhân sự Công ty TNHH Sao Mai")]),
    ("Deputy Political Commissar of the Military Region 9 Major General Lam Van Tho attended.",
     [("Lam Van Tho", "Deputy Political Commissar of the Military Region 9")]),
]

# (sentence, [(name, title), ...]): what must NOT be taken into a title, nor as a person.
NOT_TAKEN = [
    # a short name defined in brackets is not part of the title
    ("Bà Trần Thị Lệ, Chủ tịch Hội Chữ thập đỏ Việt Nam (Hội) cho biết.",
     [("Trần Thị Lệ", "Chủ tịch Hội Chữ thập đỏ Việt Nam")]),
    ("Ông Lý Văn Bảy, Giám đốc Quỹ Bảo trợ trẻ em tỉnh (Quỹ) cho biết.",
     [("Lý Văn Bảy", "Giám đốc Quỹ Bảo trợ trẻ em tỉnh")]),
    # the place of the event after "tại" is not the organisation's seat
    ("Ông Đinh Văn Tâm, Chủ tịch UBND huyện tại xã Tân Lập đã trao quà.", [("Đinh Văn Tâm", "Chủ tịch UBND huyện")]),
    ("Bà Lục Thị Hằng, Chủ tịch Hội CTĐ tỉnh tại buổi lễ cho biết.", [("Lục Thị Hằng", "Chủ tịch Hội CTĐ tỉnh")]),
    ("Ông Lê Văn Bình, Giám đốc Sở Y tế tại Hà Nội cho biết.", [("Lê Văn Bình", "Giám đốc Sở Y tế")]),
    # "; " before the next person of a list ends the title
    ("Dự có ông Vũ Văn Khải - Chủ tịch Hội CTĐ tỉnh; bà Chu Thị Yến - Phó Chủ tịch UBND huyện.",
     [("Vũ Văn Khải", "Chủ tịch Hội CTĐ tỉnh"), ("Chu Thị Yến", "Phó Chủ tịch UBND huyện")]),
    ("Dự có ông Vũ Văn Khải - Chủ tịch Hội CTĐ tỉnh; Phó Chủ tịch UBND huyện Hà Thị Nga.",
     [("Vũ Văn Khải", "Chủ tịch Hội CTĐ tỉnh"), ("Hà Thị Nga", "Phó Chủ tịch UBND huyện")]),
    # "; " before a group ("Đại diện các ...": a head with no organisation) ends the title
    ("Bà Đỗ Thị Hạnh - Phó chủ tịch UBND phường; Đại diện các đoàn thể cũng có mặt.",
     [("Đỗ Thị Hạnh", "Phó chủ tịch UBND phường")]),
    ("Ông Tô Văn Lực - Chủ tịch Hội CTĐ xã; Đại diện những hộ dân nhận quà phát biểu.",
     [("Tô Văn Lực", "Chủ tịch Hội CTĐ xã")]),
    # an agency or office without a person is nobody's title
    ("Cơ quan đại diện phía Nam đã trao quà.", []),
    ("Các đồng chí Lãnh đạo huyện trao quà cho các em.", []),  # "Lãnh đạo" heads a role, no name "Lãnh"
    # after a comma, a group's head opens the next attendees, not another office
    ("Dự có đồng chí Lò Văn Pó, Phó Bí thư Tỉnh ủy, Lãnh đạo HĐND tỉnh và các sở.",
     [("Lò Văn Pó", "Phó Bí thư Tỉnh ủy")]),
    # "According" before an English title is no part of it
    ("According to VRCS President Tran Van Hoa, the drive went well.", [("Tran Van Hoa", "VRCS President")]),
    ("Đồng chí Hà Văn Tùng, Lãnh đạo Sở Y tế, phát biểu.", [("Hà Văn Tùng", "Lãnh đạo Sở Y tế")]),
    # a lowercase word after a dash that heads no title is none
    ("Ông Mai Văn Tùng - người dân thôn 3 cho biết.", [("Mai Văn Tùng", None)]),
    ("Bà Lò Thị Hoa - hộ nghèo thôn Bản Lướt nhận nhà nhân đạo.", [("Lò Thị Hoa", None)]),
    # a lowercase word after a comma is no second office
    ("Ông Hứa Văn Dũng, Chủ tịch UBND huyện, lãnh đạo các xã cùng dự.", [("Hứa Văn Dũng", "Chủ tịch UBND huyện")]),
    # a dash before an organisation, or before a lower-case description, is no name's title
    ("Giám đốc Sở Y tế - Sở Tài chính họp bàn.", []),
    ("Đại diện nhà tài trợ - Công ty Minh Long trao quà.", []),
    ("Ông Nguyễn Văn An, Chủ tịch UBND xã - xã nghèo nhất huyện, phát biểu.", [("Nguyễn Văn An", "Chủ tịch UBND xã")]),
    # a comma before a list of bare names opens no apposition
    ("Chủ tịch UBND tỉnh, Nguyễn Văn An và Trần Văn Bình cùng dự.", [("Nguyễn Văn An", None), ("Trần Văn Bình", None)]),
    ("The Chairman of the committee, Nguyen Van An and Tran Van Binh attended.",
     [("Nguyen Van An", None), ("Tran Van Binh", None)]),
    # a lower-case level before an organisation without a head is nobody's title
    ("The provincial Red Cross gave 200 gifts.", []),
    ("The national Red Cross Society President will attend.", []),
    # "Đại diện" stays the title when nothing is stated after the name
    ("Đại diện Ủy ban xã, Thiếu tá Trần Thu Hằng gửi lời cảm ơn.",
     [("Trần Thu Hằng", "Đại diện Ủy ban xã")]),
    ("Cụm thi đua số 4 tổng kết năm 2024.", []),
    # a title that runs right into the next name is that person's, not the one before
    ("Dự có Bí thư Huyện ủy – Lò Văn Sinh, Chủ tịch UBND huyện Vi Thị Mai cùng các đại biểu.",
     [("Lò Văn Sinh", "Bí thư Huyện ủy"), ("Vi Thị Mai", "Chủ tịch UBND huyện")]),
    # a rank before another person ends the title there
    ("Ông Ngô Văn Hải, Phó Chủ tịch UBND tỉnh, Đại tá Trần Văn Năm cùng dự.",
     [("Ngô Văn Hải", "Phó Chủ tịch UBND tỉnh"), ("Trần Văn Năm", None)]),
    # a quote not opened right after the organisation is no part of it; an English verb ends it
    ("Ông Trần Văn Lộc, Chủ tịch Hội, nói: “Hội sẽ giúp”.", [("Trần Văn Lộc", "Chủ tịch Hội")]),
    ("Mr. Ho Van Nam, Chairman of Da Nang Red Cross Society offers gifts to pupils.",
     [("Ho Van Nam", "Chairman of Da Nang Red Cross Society")]),
    ("Ms. Le Thi Mai, Vice Chairwoman of Ba Be district People's Committee, spoke.",
     [("Le Thi Mai", "Vice Chairwoman of Ba Be district People's Committee")]),  # a level word goes on
    # a slash with spaces is no part of a name
    ("Mr. Le Van Nam, Chairman of the club / and others came.", [("Le Van Nam", "Chairman of the club")]),
    # an English organisation in lower case ends at its noun; "the" before a verb is none
    ("Nguyen Van Nam, head of the IFRC delegation, said.", [("Nguyen Van Nam", "head of the IFRC delegation")]),
    ("In the words of Head of the VNRC’s youth affairs department Tran Van Hoan, aid went on.",
     [("Tran Van Hoan", "Head of the VNRC’s youth affairs department")]),
    ("Tran Thi Mai, director of the district health centre, said.",
     [("Tran Thi Mai", "director of the district health centre")]),
    ("Ms. Cao Thi Hien, Chairwoman of the association, said.", [("Cao Thi Hien", "Chairwoman of the association")]),
    ("Ms. Cao Thi Hien, Chairwoman of the provincial Red Cross, visited the poor families.",
     [("Cao Thi Hien", "Chairwoman of the provincial Red Cross")]),
    ("Mr. Do Van Long, Director of the VRC, handed over the relief goods.",
     [("Do Van Long", "Director of the VRC")]),
    # a caption: the title, a comma, the name and its verb
    ("Deputy Chairwoman of the Hanoi Women's Union, Le Thi Thu presents gifts to pupils.",
     [("Le Thi Thu", "Deputy Chairwoman of the Hanoi Women's Union")]),
    # a head right after an organisation word is the rest of that body's name ("Bộ Tư lệnh")
    ("Đoàn của Bộ Tư lệnh Biên phòng do thượng tá Hà Văn Quý dẫn đầu.", [("Hà Văn Quý", None)]),
    ("Ban Giám đốc Bệnh viện tặng quà cho bà Lò Thị Hiền.", [("Lò Thị Hiền", None)]),
    # an English list inside an organisation's name, with its comma before "and"
    ("Ha Van Tam, Director of the provincial Department of Culture, Sports, and Tourism, said.",
     [("Ha Van Tam", "Director of the provincial Department of Culture, Sports, and Tourism")]),
    ("Nguyen Van Hai, Director of the Department of Health, and Tran Thi Binh attended.",
     [("Nguyen Van Hai", "Director of the Department of Health"), ("Tran Thi Binh", None)]),
    ("Đoàn do Chủ nhiệm Hậu cần Quân khu, Phó Tham mưu trưởng dẫn đầu.", []),  # no name before the verb
    ("Đoàn do thượng tá Lê văn Hùng, Phó Tham mưu trưởng Bộ Chỉ huy Quân sự tỉnh, dẫn đầu.",
     [("Lê văn Hùng", "Phó Tham mưu trưởng Bộ Chỉ huy Quân sự tỉnh")]),
    ("Chairman of the provincial Red Cross, Nguyen Van Nam and Tran Thi Ha attended.",
     [("Nguyen Van Nam", None), ("Tran Thi Ha", None)]),
    # a party committee in lower case; "Deputy PM"; "Trưởng khối"
    ("Phó Bí thư tỉnh ủy, Chủ tịch HĐND tỉnh Lương Văn Tâm trao quà.",
     [("Lương Văn Tâm", "Phó Bí thư tỉnh ủy, Chủ tịch HĐND tỉnh")]),
    ("Deputy PM Tran Hong Ha visited the flooded area.", [("Tran Hong Ha", "Deputy PM")]),
    ("Nhà báo Vũ Thị Lan, Trưởng khối Bạn đọc, trao quà.", [("Vũ Thị Lan", "Trưởng khối Bạn đọc")]),
    # a role given by re-election is the title when no mention states one
    ("Bà Vi Thị Hà tái cử chức danh chủ tịch Hội nông dân xã.", [("Vi Thị Hà", "chủ tịch Hội nông dân xã")]),
    # a title in brackets after the name is no other name of the person
    ("Ông Lê Văn Hùng (Chủ tịch xã) phát biểu.", [("Lê Văn Hùng", "Chủ tịch xã")]),
    # the paper a section belongs to, after a comma
    ("Nhà báo Vũ Thị Lan, Trưởng ban Bạn đọc, báo Tiền Phong, trao quà.",
     [("Vũ Thị Lan", "Trưởng ban Bạn đọc, báo Tiền Phong")]),
    ("Ông Lê Văn Hòa, Chủ tịch Hội CTĐ xã, báo cáo kết quả.", [("Lê Văn Hòa", "Chủ tịch Hội CTĐ xã")]),  # a verb
    # a term of office ends a title, whatever follows "nhiệm kỳ"
    ("Bà Vi Thị Hà tái cử chức danh chủ tịch Hội nông dân xã nhiệm kỳ mới.",
     [("Vi Thị Hà", "chủ tịch Hội nông dân xã")]),
    ("Ông Hà Văn Tú, Chủ tịch Hội CTĐ huyện nhiệm kỳ VI, phát biểu.", [("Hà Văn Tú", "Chủ tịch Hội CTĐ huyện")]),
    # a unit's era in brackets after its name stays in the title (after the 2025 mergers)
    ("Ông Trần Văn Bình, Chủ tịch Hội CTĐ xã Hòa An (cũ) được bầu làm Chủ tịch.",
     [("Trần Văn Bình", "Chủ tịch Hội CTĐ xã Hòa An (cũ)")]),
    ("Ông Trần Văn Bình, Chủ tịch UBND phường Tân Định (mới), phát biểu.",
     [("Trần Văn Bình", "Chủ tịch UBND phường Tân Định (mới)")]),
    ("Ông Trần Văn Bình, Chủ tịch Hội CTĐ xã (cũ) phát biểu.", [("Trần Văn Bình", "Chủ tịch Hội CTĐ xã")]),  # no name
    ("Ông Trần Văn Bình (cũ), Chủ tịch Hội CTĐ xã Hòa An, phát biểu.",
     [("Trần Văn Bình", "Chủ tịch Hội CTĐ xã Hòa An")]),
    # a body of one place seated in another keeps "tại" + that place; any other ends at its own place
    ("Ông Phan Văn Tú, Chủ tịch Hội đồng hương tỉnh Bến Tre tại TP. Hồ Chí Minh trao quà.",
     [("Phan Văn Tú", "Chủ tịch Hội đồng hương tỉnh Bến Tre tại TP. Hồ Chí Minh")]),
    ("Ông Phan Văn Tú, Chủ tịch UBND tỉnh Bến Tre tại TP. Hồ Chí Minh trao quà.",
     [("Phan Văn Tú", "Chủ tịch UBND tỉnh Bến Tre")]),
    # a paper's editors are English heads; a place named like the monks' honorific is no person
    ("Speaking for the paper, VNP Deputy Editor-in-Chief Tran Thi Minh Hoa thanked the donors.",
     [("Tran Thi Minh Hoa", "VNP Deputy Editor-in-Chief")]),
    ("Editor-in-Chief of Dong Nai Newspaper Tang Van Phuc said.", [("Tang Van Phuc", "Editor-in-Chief of Dong Nai Newspaper")]),
    ("The editor praised the volunteers.", []),
    ("They delivered rice to the residents of Hoa Thuong Commune.", []),
    # "yêu nước" is a word of an organisation's name; "yêu cầu" is a verb
    ("Bà Lê Thị Hoa, Chủ tịch Hội Đoàn kết Sư sãi yêu nước tỉnh phát biểu.",
     [("Lê Thị Hoa", "Chủ tịch Hội Đoàn kết Sư sãi yêu nước tỉnh")]),
    ("Ông Phan Văn Tú, Chủ tịch Hội Nông dân tỉnh yêu cầu các cấp hội.", [("Phan Văn Tú", "Chủ tịch Hội Nông dân tỉnh")]),
    # a numbered village keeps its number in the title, abbreviated too; any other lowercase word's ends it
    ("Ông Lê Văn Nam, Trưởng thôn 2, xã Tân Lập, cho biết.", [("Lê Văn Nam", "Trưởng thôn 2, xã Tân Lập")]),
    ("Ông Lê Văn Nam, Trưởng ban Điều hành khu phố 7 phát biểu.", [("Lê Văn Nam", "Trưởng ban Điều hành khu phố 7")]),
    ("Ông Lê Văn Nam, Bí thư Chi bộ KP.3 phát biểu.", [("Lê Văn Nam", "Bí thư Chi bộ KP.3")]),
    ("Ông Lê Văn Nam, Trưởng thôn. 5 hộ được hỗ trợ.", [("Lê Văn Nam", "Trưởng thôn")]),
    ("Ông Lê Văn Nam, Giám đốc Trung tâm y tế huyện 3 năm liền đạt danh hiệu.",
     [("Lê Văn Nam", "Giám đốc Trung tâm y tế huyện")]),
    # an English appositive may open with "the", which is not the title's; what follows must be one
    ("Mr. Ha Van Nam, the Chairman of Lai Chau Red Cross, spoke.", [("Ha Van Nam", "Chairman of Lai Chau Red Cross")]),
    ("Ms. Lo Thi Mai, the director of the district health centre, said.",
     [("Lo Thi Mai", "director of the district health centre")]),
    ("Mr. Ha Van Nam, the man who built the school, spoke.", [("Ha Van Nam", None)]),
    ("Mr. Ha Van Nam, the Chairman's son, thanked the donors.", [("Ha Van Nam", None)]),
    ("Ông Hà Văn Nam, the Chủ tịch Hội, phát biểu.", [("Hà Văn Nam", None)]),  # English only
    # "General" and "Major" alone are no ranks
    ("The General Department of Logistics gave aid.", []),
    ("Major floods hit the province, said Mr. Lo Van Pao.", [("Lo Van Pao", None)]),
    # a capitalised run that ends in "Branch", "Mission" is an organisation, not a person
    ("Ha Tinh Branch of the bank donated 50 gifts, said Mr. Lo Van Pao.", [("Lo Van Pao", None)]),
    ("Mr. Lo Van Pao, Chairman of the Red Cross, Quang Binh said.",
     [("Lo Van Pao", "Chairman of the Red Cross, Quang Binh")]),  # a province, no second person
    ("Ông Hà Văn Tám, Chủ tịch Hội CTĐ xã, phòng chống dịch là việc chung.", [("Hà Văn Tám", "Chủ tịch Hội CTĐ xã")]),
    ("Mr. Le Minh Ha, Director of the Red Cross, Ha Noi Mission of the IFRC attended.",
     [("Le Minh Ha", "Director of the Red Cross, Ha Noi Mission of the IFRC")]),
    # "báo" the verb, a number after a lowercase word, ends the title
    ("Ông Lê Văn Dũng, Chủ tịch UBND tỉnh báo cáo kết quả.", [("Lê Văn Dũng", "Chủ tịch UBND tỉnh")]),
    ("Ông Trịnh Văn Tú, Giám đốc Trung tâm y tế huyện 3 năm liền đạt danh hiệu.",
     [("Trịnh Văn Tú", "Giám đốc Trung tâm y tế huyện")]),
    # "Nguyên" capitalised mid-sentence is a given name, "Phó" alone a surname: no opener
    ("Đồng chí Trần Văn Nguyên Chủ tịch UBND xã phát biểu.", [("Trần Văn Nguyên", "Chủ tịch UBND xã")]),
    ("Nhạc sĩ Phó Đức Phương được nhắc đến.", [("Phó Đức Phương", None)]),
    # "GD" (Giáo dục) is not "GĐ" (Giám đốc); "CTĐ" is not "CT"; "BCHTW" is no head without "UV"
    ("BCHTW Hội CTĐ Nguyễn Văn Bình họp phiên thường kỳ.", []),
    ("Sở GD&ĐT tỉnh Nguyễn Văn Bình tổ chức tập huấn.", []),
    ("Hội CTĐ Nguyễn Văn Bình phối hợp tổ chức.", []),
    # a head with no name after it is nobody's title
    ("Phó Chủ tịch T.Ư Hội cho biết kế hoạch năm tới.", []),
    ("VNRC Vice President said the campaign would continue.", []),
    ("The Vietnam Red Cross Society President will attend.", []),
    # a role given by a verb gives way to a title a mention states
    ("Ông Lê Quang Hòa được bầu làm Chủ tịch Hội CTĐ huyện.\n\nÔng Lê Quang Hòa, Phó Chủ tịch UBND huyện, phát biểu.",
     [("Lê Quang Hòa", "Phó Chủ tịch UBND huyện")]),
    # the first mention's title, not a later (longer or shorter) one
    ("Bà Lê Thị Thu, Chủ tịch Hội CTĐ tỉnh trao quà.\n\nBà Lê Thị Thu, Chủ tịch Hội CTĐ tỉnh Bắc Ninh, Ủy viên Ban Chấp hành Trung ương Hội cho biết.",
     [("Lê Thị Thu", "Chủ tịch Hội CTĐ tỉnh")]),
    ("Ông Vũ Văn Nam, Chủ tịch Hội CTĐ huyện Lục Nam cho biết.\n\nÔng Nam, Chủ tịch Hội, nói thêm.",
     [("Vũ Văn Nam", "Chủ tịch Hội CTĐ huyện Lục Nam")]),
    ("Ông Nam, Chủ tịch Hội, mở đầu.\n\nÔng Vũ Văn Nam, Chủ tịch Hội CTĐ huyện Lục Nam cho biết.",
     [("Vũ Văn Nam", "Chủ tịch Hội")]),
    # a glued lower-case word that is no head stays in the name; a place before a glued head is no person
    ("Bà Lê Thị Hồng-hoa cho biết.", [("Lê Thị Hồng-hoa", None)]),
    ("Bà Kim Sung-ra cho biết.", [("Kim Sung-ra", None)]),  # a short syllable after the hyphen is the name's
    ("Đội Lào Cai-giáo viên thắng đội học sinh.", []),
    # lowercase words in brackets that are no duty end the title; "phụ trách" before a name is not an office
    ("Ông Đàm Văn Khuê, Chủ tịch Hội CTĐ tỉnh (bên trái) trao quà.", [("Đàm Văn Khuê", "Chủ tịch Hội CTĐ tỉnh")]),
    ("Bà Hứa Thị Nhàn, Giám đốc Sở Y tế (đứng giữa) tặng hoa.", [("Hứa Thị Nhàn", "Giám đốc Sở Y tế")]),
    ("Ông Mông Văn Sử, Phó Chủ tịch UBND xã phụ trách Nông Văn Dìn cho biết.",
     [("Mông Văn Sử", "Phó Chủ tịch UBND xã"), ("Nông Văn Dìn", None)]),
    ("Bà Cù Thị Loan, Chủ tịch Hội CTĐ xã, phụ trách địa bàn thôn Nà Hẩu, cho biết.",
     [("Cù Thị Loan", "Chủ tịch Hội CTĐ xã")]),
    # after a comma: whom the person stands for, an ordinary person's role, the next person's office
    ("Ông Bế Văn Hào, Chủ tịch Hội CTĐ xã, đại diện nhà tài trợ, trao quà.", [("Bế Văn Hào", "Chủ tịch Hội CTĐ xã")]),
    ("Bà Ninh Thị Duyên, Chủ tịch Hội CTĐ huyện, giáo viên trường bạn cùng dự.",
     [("Ninh Thị Duyên", "Chủ tịch Hội CTĐ huyện")]),
    ("Ông Hầu Văn Chá, Chủ tịch Hội CTĐ huyện, phó chủ tịch UBND xã Giàng A Dơ cùng trao quà.",
     [("Hầu Văn Chá", "Chủ tịch Hội CTĐ huyện"), ("Giàng A Dơ", "phó chủ tịch UBND xã")]),
    # a quote after a colon; "và" that does not run on to the organisation's place
    ("Bà Ma Thị Hằng: “Chủ tịch xã đã đến thăm gia đình tôi.”", [("Ma Thị Hằng", None)]),
    ("Ông Quách Văn Lợi, Giám đốc Trung tâm bảo trợ xã hội và trẻ em trong xã cùng dự.",
     [("Quách Văn Lợi", "Giám đốc Trung tâm bảo trợ xã hội")]),
    ("Bà Đinh Thị Yến, Chủ tịch Hội Người cao tuổi và các hội viên xã Đông Sơn dự lễ.",
     [("Đinh Thị Yến", "Chủ tịch Hội Người cao tuổi")]),
]
CASES = FOUND + NOT_TAKEN


@pytest.mark.parametrize("sentence,expected", CASES, ids=[c[0][:60] for c in CASES])
def test_title(sentence, expected):
    assert [(p.name, p.title) for p in extract_people(sentence)] == expected


def test_table_has_enough_negatives():
    assert len(NOT_TAKEN) >= len(CASES) / 3


@pytest.mark.parametrize("sentence,name,prefix", [
    ("Giám đốc Công an tỉnh, Đại tá Hồ Văn Mười cho biết.", "Hồ Văn Mười", "Đại tá"),
    ("Chính ủy Bộ Chỉ huy Quân sự tỉnh Thượng tá Phùng Văn Tám trao quà.", "Phùng Văn Tám", "Thượng tá"),
    ("Associate Professor Tran Van Long, director of the National Institute of Hematology, said.",
     "Tran Van Long", "Associate Professor"),
    ("Senior Colonel, Associate Professor, and People's Physician Le Van Tam, director of the hospital, said.",
     "Le Van Tam", "Senior Colonel, Associate Professor, and People's Physician"),
    ("Colonel, Doctor Ha Van Minh attended.", "Ha Van Minh", "Colonel, Doctor"),
    ("Prof. Dr. Le Van Hung said.", "Le Van Hung", "Prof. Dr."),
    ("Colonel Ha Van Tuan presented the gifts.", "Ha Van Tuan", "Colonel"),  # English ranks
    ("Gifts from Lieutenant General Vo Minh Luong arrived.", "Vo Minh Luong", "Lieutenant General"),
])
def test_rank_is_the_prefix(sentence, name, prefix):
    p = extract_people(sentence)[0]
    assert (p.name, p.prefix) == (name, prefix)


@pytest.mark.parametrize("sentence,organisation,expanded", [
    ("Ông Lò Văn Khánh, PCT UBND xã Nậm Ty, trao quà.", "UBND xã Nậm Ty", "Phó Chủ tịch Ủy ban nhân dân xã Nậm Ty"),
    ("Bà Trịnh Thu Hương, Phó Chủ tịch T.Ư Hội CTĐ Việt Nam, phát biểu.", "T.Ư Hội CTĐ Việt Nam",
     "Phó Chủ tịch Trung ương Hội Chữ thập đỏ Việt Nam"),
    ("Ông Dương Văn Hậu, Giám đốc Trung tâm Y tế TP.Vinh cho biết.", "Trung tâm Y tế TP.Vinh",
     "Giám đốc Trung tâm Y tế thành phố Vinh"),
    ("VNRC Deputy Secretary General Tran Thi Ngan said.", "VNRC",
     "Vietnam Red Cross Society Deputy Secretary General"),
    ("Ms. Tran Thi Lan, Deputy Secretary General of the VNRC, said.", "VNRC",
     "Deputy Secretary General of the Vietnam Red Cross Society"),
    ("Mr. Vo Van Tam, VNRC Vice President and Secretary General, said.", "VNRC",
     "Vietnam Red Cross Society Vice President and Secretary General"),
    ("Ông Lạc Văn Thành, Phó Chủ tịch (phụ trách) Hội CTĐ tỉnh Hòa Bình, trao quà.", "Hội CTĐ tỉnh Hòa Bình",
     "Phó Chủ tịch (phụ trách) Hội Chữ thập đỏ tỉnh Hòa Bình"),
])
def test_organisation_and_expansion(sentence, organisation, expanded):
    p = extract_people(sentence)[0]
    assert (p.organisation, p.title_expanded) == (organisation, expanded)
