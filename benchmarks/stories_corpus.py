"""A synthetic archive for the stories benchmark: invented Red Cross news in the style of
the real sites, with planted copies and planted near misses, and the truth of which
articles tell one story.

Each base story is an event of one kind (blood drive, Tết gifts, humanitarian houses,
flood relief, first-aid training, scholarships, livelihood support) in one province,
district and commune of the gazetteer (63-province era: dates 2016 to June 2025), told
in 5 to 7 paragraphs drawn from the kind's templates, with its own people and figures.
Planted around them (rates below):

  verbatim   the same text on the national site or the magazine, 0-5 days later, a
             source line added
  edited     the lead rewritten (same figures), the caption replaced, one paragraph
             dropped, a new title, the magazine's "(NĐ&ĐS) -", 0-10 days later
  rewritten  heavier: the lead rewritten, two paragraphs dropped, the others in another
             order, the totals paragraph left out (fewer figures), 0-10 days later
  english    an English version on the national site, same figures, 0-6 days later
  twin       a near miss: the same kind on the same day in another province, the same
             templates (another story)
  sibling    a near miss: the same kind in the same province on the same site, 1-14
             days later, another district and commune, other people and figures, the same
             templates; half of them without the totals paragraph (fewer figures to
             disagree on, so the text must tell them apart)
  follow-up  a near miss: the same campaign 7-40 days later with new totals, most
             paragraphs repeated (another story, to be linked)

Deterministic for a seed. Text only: tests/stories/families.py has the hand-written
families; nothing here is copied from a real article.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from ctd_crawler.extract.places.gazetteer import LEGACY, load_gazetteer
from ctd_crawler.extract.text import fold

RATES = {"verbatim": 0.10, "edited": 0.10, "rewritten": 0.04, "english": 0.05, "twin": 0.06, "sibling": 0.08,
         "follow-up": 0.05}
START, DAYS = date(2016, 1, 1), 3400  # to mid-2025, before the 2025 reform


@dataclass
class Article:
    id: int
    story: int  # the truth: articles of one story share it
    kind: str  # base | verbatim | edited | english | twin | follow-up
    base: int  # the article it was planted from (itself for a base)
    site: str
    site_province: str | None
    lang: str
    published: date
    title: str
    body: str


SURNAMES = "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Lò Hà Lương".split()
MIDDLES = "Văn Thị Minh Đức Thanh Hồng Quốc Ngọc Xuân Thu Hải Kim".split()
GIVENS = ("Anh Bình Châu Dũng Giang Hà Hải Hạnh Hiền Hòa Hùng Hương Khánh Lan Linh Long Mai Minh Nam Nga Nhung "
          "Phúc Quang Sơn Tâm Thảo Thắng Thủy Trang Trung Tuấn Vân Yến").split()
LEADER_TITLES = ["Chủ tịch Hội Chữ thập đỏ tỉnh", "Phó Chủ tịch Thường trực Hội Chữ thập đỏ tỉnh",
                 "Phó Chủ tịch Hội Chữ thập đỏ tỉnh"]
GUEST_TITLES = ["Phó Chủ tịch Ủy ban nhân dân tỉnh", "Phó Bí thư Tỉnh ủy", "Phó Chủ tịch Trung ương Hội Chữ thập đỏ Việt Nam",
                "Chủ tịch Ủy ban nhân dân huyện", "Giám đốc Sở Y tế"]
DONORS = ["Công ty Cổ phần Sữa Việt Nam", "Ngân hàng Nông nghiệp và Phát triển nông thôn", "Tập đoàn Điện lực",
          "Quỹ Bảo trợ trẻ em", "các nhà hảo tâm trong và ngoài tỉnh", "Hội Chữ thập đỏ Hàn Quốc",
          "Tổng công ty Viễn thông", "Công ty TNHH Điện tử Quang Minh"]


def vi_int(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def en_int(n: int) -> str:
    return f"{n:,}"


def vi_money(vnd: int) -> str:
    if vnd >= 1_000_000_000:
        return f"{vnd / 1e9:g}".replace(".", ",") + " tỷ đồng"
    return f"{vnd // 1_000_000} triệu đồng"


def en_money(vnd: int) -> str:
    return f"VND {vnd / 1e9:g} billion" if vnd >= 1_000_000_000 else f"VND {vnd // 1_000_000} million"


def ascii_name(name: str) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in fold(name).split())


# Per kind: title, leads (two phrasings of the same facts), paragraphs (a pool), a
# totals paragraph (what a follow-up updates), captions, and the English version.
KINDS: dict[str, dict] = {
    "blood": {
        "titles": ["Ngày hội hiến máu tại huyện {district} tiếp nhận {units} đơn vị máu",
                   "{province}: {units} đơn vị máu từ Ngày hội hiến máu tình nguyện"],
        "leads": ["Ngày {d}/{m}/{y}, Hội Chữ thập đỏ tỉnh {province} phối hợp với Ban Chỉ đạo vận động hiến máu "
                  "tình nguyện huyện {district} tổ chức Ngày hội hiến máu tình nguyện tại xã {commune}.",
                  "Hơn {donors} người dân, đoàn viên thanh niên huyện {district} (tỉnh {province}) đã đăng ký tham gia "
                  "Ngày hội hiến máu do Hội Chữ thập đỏ tỉnh tổ chức ngày {d}/{m}."],
        "totals": "Kết thúc ngày hội, Ban tổ chức đã tiếp nhận {units} đơn vị máu an toàn, vượt chỉ tiêu đề ra.",
        "paras": ["Ngày hội thu hút hơn {donors} người đăng ký, trong đó nhiều người tham gia hiến máu lần thứ hai, "
                  "lần thứ ba; nhiều gia đình có cả vợ chồng, con cái cùng đến hiến máu.",
                  "Phát biểu tại ngày hội, {leader_title} {leader} cảm ơn tinh thần tương thân tương ái của người dân "
                  "và mong muốn phong trào hiến máu tiếp tục được nhân rộng trong cộng đồng.",
                  "Lượng máu tiếp nhận được chuyển về Bệnh viện Đa khoa tỉnh {province}, phục vụ cấp cứu và điều trị "
                  "cho người bệnh trong dịp cao điểm.",
                  "Anh {person}, một tình nguyện viên ở xã {commune}, chia sẻ đây là lần thứ {times} anh tham gia hiến "
                  "máu và sẽ tiếp tục vận động bạn bè cùng tham gia.",
                  "Từ đầu năm {y} đến nay, toàn tỉnh đã tổ chức {events} đợt hiến máu, tiếp nhận {year_units} đơn vị "
                  "máu, đạt {pct}% kế hoạch năm.",
                  "Dịp này, Ban tổ chức tặng {gifts} suất quà cho người hiến máu tiêu biểu và các gia đình có nhiều "
                  "thành viên tham gia hiến máu."],
        "captions": ["Tình nguyện viên đăng ký hiến máu tại ngày hội.", "Người dân xã {commune} tham gia hiến máu."],
        "en": ["{donors_en} people in {district_en} district, {province_en} province, registered for a blood "
               "donation festival organised by the provincial Red Cross on {month_en} {d}, {y}.",
               "The festival collected {units_en} units of blood, which will go to the {province_en} General Hospital.",
               "Since the beginning of {y}, the province has held {events} blood drives and collected {year_units_en} "
               "units of blood."],
        "en_title": "{province_en} blood festival collects {units_en} units",
    },
    "tet": {
        "titles": ["Trao {gifts} suất quà Tết cho hộ nghèo huyện {district}",
                   "Tết Nhân ái đến với người nghèo xã {commune}, huyện {district}"],
        "leads": ["Ngày {d}/{m}/{y}, Hội Chữ thập đỏ tỉnh {province} tổ chức chương trình Tết Nhân ái, trao {gifts} "
                  "suất quà cho hộ nghèo, người có hoàn cảnh khó khăn tại huyện {district}.",
                  "{gifts} hộ nghèo, gia đình chính sách ở huyện {district} (tỉnh {province}) vừa được nhận quà Tết từ "
                  "chương trình Tết Nhân ái của Hội Chữ thập đỏ tỉnh."],
        "totals": "Tổng giá trị chương trình là {amount}, do {donor} tài trợ.",
        "paras": ["Mỗi suất quà gồm tiền mặt, gạo, dầu ăn, bánh kẹo và chăn ấm, giúp các gia đình đón Tết đầm ấm.",
                  "Tham dự chương trình có {guest_title} {guest}; {leader_title} {leader} cùng đại diện chính quyền "
                  "các xã trên địa bàn.",
                  "Bà {person}, trú tại xã {commune}, năm nay đã {age} tuổi, sống một mình, xúc động cho biết món quà "
                  "giúp bà có một cái Tết ấm áp hơn.",
                  "Trong dịp Tết năm nay, Hội Chữ thập đỏ các cấp trong tỉnh phấn đấu vận động {year_gifts} suất quà "
                  "với tổng trị giá {year_amount}.",
                  "Chương trình là hoạt động thường niên nhằm chăm lo cho người nghèo, nạn nhân chất độc da cam và "
                  "người khuyết tật vào dịp Tết cổ truyền.",
                  "Cùng ngày, đoàn đến thăm, tặng quà {visits} gia đình có hoàn cảnh đặc biệt khó khăn tại xã {commune}."],
        "captions": ["Đại biểu trao quà Tết cho người dân xã {commune}.", "Niềm vui của người dân nhận quà Tết."],
        "en": ["The {province_en} Red Cross handed over {gifts_en} Tet gift packages to poor households in "
               "{district_en} district on {month_en} {d}, {y}.",
               "The programme, worth {amount_en} in total, was funded by donors.",
               "The Red Cross at all levels in the province aims to deliver {year_gifts_en} gift packages this Tet."],
        "en_title": "Tet gifts for {gifts_en} poor households in {district_en}",
    },
    "house": {
        "titles": ["Bàn giao {houses} nhà nhân đạo cho hộ nghèo huyện {district}",
                   "Hộ nghèo xã {commune} vui nhận nhà nhân đạo"],
        "leads": ["Ngày {d}/{m}/{y}, Hội Chữ thập đỏ tỉnh {province} phối hợp với Ủy ban nhân dân huyện {district} "
                  "tổ chức lễ bàn giao {houses} ngôi nhà nhân đạo cho các hộ nghèo tại xã {commune}.",
                  "{houses} hộ nghèo ở xã {commune}, huyện {district} (tỉnh {province}) vừa được Hội Chữ thập đỏ tỉnh "
                  "bàn giao nhà nhân đạo, sớm ổn định cuộc sống."],
        "totals": "Tổng kinh phí xây dựng là {amount}, trong đó Hội Chữ thập đỏ tỉnh hỗ trợ từ nguồn vận động của {donor}.",
        "paras": ["Mỗi ngôi nhà có diện tích từ 50 đến 70 mét vuông, được xây dựng kiên cố, có khu vệ sinh khép kín.",
                  "Phát biểu tại buổi lễ, {leader_title} {leader} đề nghị các gia đình giữ gìn, sử dụng hiệu quả ngôi "
                  "nhà, tiếp tục lao động sản xuất để sớm thoát nghèo.",
                  "Ông {person}, trú tại thôn {hamlet}, xã {commune}, cho biết gia đình ông đã ở trong căn nhà tạm "
                  "dột nát hơn {years} năm.",
                  "Từ đầu năm {y} đến nay, Hội Chữ thập đỏ các cấp trong tỉnh đã vận động xây mới và sửa chữa "
                  "{year_houses} ngôi nhà nhân đạo với tổng trị giá {year_amount}.",
                  "Được biết, trong thời gian tới Hội sẽ tiếp tục khởi công thêm {more_houses} ngôi nhà tại các huyện "
                  "miền núi của tỉnh.",
                  "Tham dự lễ bàn giao có {guest_title} {guest} cùng đại diện các nhà tài trợ."],
        "captions": ["Trao quyết định bàn giao nhà cho các hộ gia đình.", "Ngôi nhà nhân đạo mới ở xã {commune}."],
        "en": ["The {province_en} Red Cross handed over {houses} humanitarian houses to poor households in "
               "{commune_en} commune, {district_en} district, on {month_en} {d}, {y}.",
               "The houses cost {amount_en} in total.",
               "Since the beginning of {y}, the Red Cross in the province has built or repaired {year_houses} houses."],
        "en_title": "{houses} humanitarian houses for poor families in {district_en}",
    },
    "flood": {
        "titles": ["Hỗ trợ người dân vùng lũ huyện {district}", "Trao {gifts} suất quà cho người dân bị ảnh hưởng lũ lụt"],
        "leads": ["Ngày {d}/{m}/{y}, đoàn công tác của Hội Chữ thập đỏ tỉnh {province} đã đến thăm, trao hỗ trợ cho "
                  "người dân bị thiệt hại do mưa lũ tại huyện {district}.",
                  "Mưa lũ những ngày qua đã gây thiệt hại nặng cho nhiều hộ dân huyện {district} (tỉnh {province}); "
                  "ngày {d}/{m}, Hội Chữ thập đỏ tỉnh đã trao hỗ trợ khẩn cấp cho người dân."],
        "totals": "Đoàn đã trao {gifts} suất quà với tổng trị giá {amount} cho các hộ có nhà bị sập, bị ngập sâu.",
        "paras": ["Theo báo cáo của địa phương, mưa lũ đã làm {damaged} ngôi nhà bị hư hỏng, nhiều diện tích lúa và "
                  "hoa màu bị ngập úng, nhiều tuyến đường bị sạt lở.",
                  "Tại xã {commune}, đoàn đến thăm gia đình bà {person} có nhà bị lũ cuốn trôi toàn bộ tài sản.",
                  "{leader_title} {leader} động viên người dân sớm ổn định cuộc sống và đề nghị chính quyền tiếp tục "
                  "quan tâm hỗ trợ các hộ bị thiệt hại.",
                  "Dịp này, Hội Chữ thập đỏ tỉnh cũng cấp phát {kits} bộ dụng cụ gia đình và thùng lọc nước cho các "
                  "điểm dân cư bị ngập.",
                  "Hội Chữ thập đỏ tỉnh đã phát lời kêu gọi ủng hộ người dân vùng lũ, đến nay đã tiếp nhận {year_amount} "
                  "từ các tổ chức, cá nhân.",
                  "Nguồn hỗ trợ được trích từ Quỹ cứu trợ của Hội và sự đóng góp của {donor}."],
        "captions": ["Trao quà cho người dân vùng lũ xã {commune}.", "Cán bộ Hội Chữ thập đỏ vận chuyển hàng cứu trợ."],
        "en": ["A delegation of the {province_en} Red Cross visited flood-hit families in {district_en} district on "
               "{month_en} {d}, {y}.",
               "The delegation handed over {gifts_en} relief packages worth {amount_en} in total.",
               "The floods damaged {damaged_en} houses in the district."],
        "en_title": "Red Cross supports flood-hit families in {district_en}, {province_en}",
    },
    "training": {
        "titles": ["Tập huấn sơ cấp cứu cho {trainees} tình nguyện viên huyện {district}",
                   "Nâng cao kỹ năng sơ cấp cứu cho người dân xã {commune}"],
        "leads": ["Từ ngày {d} đến {d2}/{m}/{y}, Hội Chữ thập đỏ tỉnh {province} tổ chức lớp tập huấn sơ cấp cứu dựa "
                  "vào cộng đồng cho {trainees} tình nguyện viên tại huyện {district}.",
                  "{trainees} tình nguyện viên của huyện {district} (tỉnh {province}) vừa hoàn thành lớp tập huấn sơ "
                  "cấp cứu do Hội Chữ thập đỏ tỉnh tổ chức."],
        "totals": "Kinh phí tổ chức lớp tập huấn là {amount}, do {donor} hỗ trợ.",
        "paras": ["Các học viên được hướng dẫn kỹ năng cầm máu, băng bó vết thương, cố định xương gãy, hồi sinh tim "
                  "phổi và vận chuyển người bị nạn.",
                  "Giảng viên là các bác sĩ của Trung tâm Y tế huyện {district} và cán bộ Hội Chữ thập đỏ tỉnh.",
                  "{leader_title} {leader} cho biết lớp học giúp các đội sơ cấp cứu ở cơ sở sẵn sàng ứng phó khi có "
                  "tai nạn, thiên tai xảy ra.",
                  "Chị {person}, tình nguyện viên xã {commune}, chia sẻ sau khóa học chị tự tin hơn khi hỗ trợ người "
                  "bị nạn.",
                  "Năm {y}, Hội Chữ thập đỏ tỉnh đã tổ chức {events} lớp tập huấn cho {year_trainees} lượt người."],
        "captions": ["Học viên thực hành băng bó vết thương.", "Tình nguyện viên thực hành hồi sinh tim phổi."],
        "en": ["The {province_en} Red Cross trained {trainees} volunteers in community-based first aid in "
               "{district_en} district from {month_en} {d} to {d2}, {y}.",
               "The course cost {amount_en}.",
               "In {y}, the provincial Red Cross has held {events} courses for {year_trainees_en} people."],
        "en_title": "First aid training for {trainees} volunteers in {district_en}",
    },
    "scholarship": {
        "titles": ["Trao {gifts} suất học bổng cho học sinh nghèo huyện {district}",
                   "Tiếp sức đến trường cho học sinh xã {commune}"],
        "leads": ["Ngày {d}/{m}/{y}, Hội Chữ thập đỏ tỉnh {province} trao {gifts} suất học bổng cho học sinh nghèo "
                  "vượt khó học tốt tại huyện {district}.",
                  "{gifts} học sinh có hoàn cảnh khó khăn ở huyện {district} (tỉnh {province}) vừa nhận học bổng của "
                  "Hội Chữ thập đỏ tỉnh."],
        "totals": "Tổng giá trị các suất học bổng là {amount}, từ nguồn tài trợ của {donor}.",
        "paras": ["Mỗi suất học bổng gồm tiền mặt, cặp sách, sách vở và đồ dùng học tập.",
                  "Em {person}, học sinh lớp {grade} ở xã {commune}, mồ côi cha, cho biết học bổng giúp em có thêm "
                  "động lực đến trường.",
                  "{leader_title} {leader} mong các em tiếp tục cố gắng học tập, vươn lên trong cuộc sống.",
                  "Chương trình được tổ chức hằng năm vào dịp khai giảng năm học mới.",
                  "Năm {y}, Hội đã trao {year_gifts} suất học bổng với tổng trị giá {year_amount}."],
        "captions": ["Trao học bổng cho học sinh nghèo.", "Các em học sinh nhận học bổng tại xã {commune}."],
        "en": ["The {province_en} Red Cross granted {gifts_en} scholarships to poor students in {district_en} "
               "district on {month_en} {d}, {y}.",
               "The scholarships are worth {amount_en} in total.",
               "In {y}, the Red Cross has granted {year_gifts_en} scholarships."],
        "en_title": "{gifts_en} scholarships for poor students in {district_en}",
    },
    "livelihood": {
        "titles": ["Trao bò giống hỗ trợ sinh kế cho {households} hộ nghèo", "Hỗ trợ sinh kế cho hộ nghèo xã {commune}"],
        "leads": ["Ngày {d}/{m}/{y}, Hội Chữ thập đỏ tỉnh {province} phối hợp với Ủy ban nhân dân xã {commune}, huyện "
                  "{district} trao bò giống hỗ trợ sinh kế cho {households} hộ nghèo.",
                  "{households} hộ nghèo ở xã {commune}, huyện {district} (tỉnh {province}) vừa được Hội Chữ thập đỏ "
                  "tỉnh trao bò giống để phát triển kinh tế."],
        "totals": "Chương trình có tổng kinh phí {amount}, do {donor} tài trợ.",
        "paras": ["Các hộ được lựa chọn là hộ nghèo có lao động, có chuồng trại và cam kết chăm sóc bò đúng kỹ thuật.",
                  "Anh {person}, trú tại thôn {hamlet}, cho biết gia đình sẽ chăm sóc tốt để bò sinh sản, thoát nghèo.",
                  "{leader_title} {leader} đề nghị chính quyền xã theo dõi, hướng dẫn các hộ chăm sóc, phòng bệnh cho bò.",
                  "Sau khi bò sinh sản, các hộ sẽ chuyển giao bê con cho hộ nghèo khác trong thôn.",
                  "Từ năm {y0} đến nay, mô hình đã giúp {year_households} hộ thoát nghèo."],
        "captions": ["Bà con nhận bò giống hỗ trợ sinh kế.", "Trao bò giống cho hộ nghèo xã {commune}."],
        "en": ["The {province_en} Red Cross gave breeding cows to {households} poor households in {commune_en} "
               "commune, {district_en} district, on {month_en} {d}, {y}.",
               "The programme cost {amount_en}.",
               "Since {y0}, the model has helped {year_households_en} households out of poverty."],
        "en_title": "Breeding cows for {households} poor households in {district_en}",
    },
}
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]
SOURCE_LINES = ["Nguồn: Hội Chữ thập đỏ tỉnh {province}", "Theo chuthapdo {province}", "(Hội CTĐ tỉnh {province})"]


class Generator:
    def __init__(self, seed: int = 18):
        self.rng = random.Random(seed)
        gaz = load_gazetteer()
        communes: dict[tuple[str, str], list[str]] = {}
        for unit in gaz.units(LEGACY, "commune"):
            if unit.district and unit.kind == "Xã":
                communes.setdefault((unit.province, unit.district), []).append(unit.name)
        self.places = sorted((p, d, sorted(c)) for (p, d), c in communes.items() if len(c) >= 3)
        self.provinces = sorted({p for p, _, _ in self.places})
        self.articles: list[Article] = []

    def name(self) -> str:
        r = self.rng
        return f"{r.choice(SURNAMES)} {r.choice(MIDDLES)} {r.choice(GIVENS)}"

    def slots(self, province: str | None = None) -> dict:
        r = self.rng
        choices = [p for p in self.places if province is None or p[0] == province] or self.places
        prov, district, communes = r.choice(choices)
        amount = r.choice([r.randrange(50, 990, 10) * 1_000_000, r.randrange(11, 99) * 100_000_000])
        s = dict(province=prov, district=district, commune=r.choice(communes), hamlet=f"{r.randrange(1, 12)}",
                 leader=self.name(), leader_title=r.choice(LEADER_TITLES), guest=self.name(),
                 guest_title=r.choice(GUEST_TITLES), person=self.name(), donor=r.choice(DONORS),
                 units=r.randrange(120, 2400), donors=r.randrange(150, 3000), gifts=r.randrange(30, 1500),
                 houses=r.randrange(2, 15), trainees=r.randrange(20, 200), households=r.randrange(8, 60),
                 amount=amount, year_amount=amount * r.randrange(5, 40), year_units=r.randrange(3000, 60000),
                 year_gifts=r.randrange(2000, 90000), year_houses=r.randrange(20, 400), year_trainees=r.randrange(500, 9000),
                 year_households=r.randrange(60, 900), damaged=r.randrange(40, 4000), kits=r.randrange(50, 900),
                 events=r.randrange(5, 60), pct=r.randrange(40, 99), times=r.randrange(2, 20), age=r.randrange(70, 95),
                 visits=r.randrange(3, 20), years=r.randrange(5, 20), more_houses=r.randrange(3, 20),
                 grade=r.randrange(3, 12), y0=r.randrange(2010, 2016))
        return s

    def render(self, kind: str, s: dict, day: date, lead: int, paras: list[int], caption: int,
               totals: bool = True) -> tuple[str, str]:
        k = KINDS[kind]
        fmt = {**s, "d": day.day, "d2": min(day.day + 2, 28), "m": day.month, "y": day.year}
        for key in ("units", "donors", "gifts", "year_units", "year_gifts", "year_trainees", "year_households",
                    "damaged", "year_houses"):
            fmt[key] = vi_int(s[key])
        fmt["amount"], fmt["year_amount"] = vi_money(s["amount"]), vi_money(s["year_amount"])
        title = k["titles"][lead % len(k["titles"])].format(**fmt)
        body = [k["leads"][lead].format(**fmt)] + ([k["totals"].format(**fmt)] if totals else [])
        body += [k["paras"][i].format(**fmt) for i in paras]
        body.insert(len(body) // 2, k["captions"][caption].format(**fmt))
        return title, "\n\n".join(body)

    def render_en(self, kind: str, s: dict, day: date) -> tuple[str, str]:
        k = KINDS[kind]
        fmt = {**s, "d": day.day, "d2": min(day.day + 2, 28), "y": day.year, "month_en": MONTHS_EN[day.month - 1],
               "province_en": ascii_name(s["province"]), "district_en": ascii_name(s["district"]),
               "commune_en": ascii_name(s["commune"]), "amount_en": en_money(s["amount"])}
        for key in ("units", "donors", "gifts", "year_units", "year_gifts", "year_trainees", "year_households",
                    "damaged"):
            fmt[f"{key}_en"] = en_int(s[key])
        return k["en_title"].format(**fmt), "\n\n".join(p.format(**fmt) for p in k["en"])

    def add(self, **fields) -> Article:
        art = Article(id=len(self.articles) + 1, **fields)
        self.articles.append(art)
        return art

    def base(self, story: int) -> None:
        r = self.rng
        kind = r.choice(sorted(KINDS))
        day = START + timedelta(days=r.randrange(DAYS))
        s = self.slots()
        paras = r.sample(range(len(KINDS[kind]["paras"])), r.randrange(3, len(KINDS[kind]["paras"]) + 1))
        lead, caption = r.randrange(2), r.randrange(2)
        publisher = r.random()
        site, site_province = (("chapter-" + fold(s["province"]).replace(" ", "-"), s["province"]) if publisher < 0.6
                               else ("national", None) if publisher < 0.85 else ("magazine", None))
        title, body = self.render(kind, s, day, lead, paras, caption)
        b = self.add(story=story, kind="base", base=0, site=site, site_province=site_province, lang="vi",
                     published=day + timedelta(days=r.randrange(2)), title=title, body=body)
        b.base = b.id
        copy_site = "magazine" if site == "national" else "national"
        if r.random() < RATES["verbatim"]:
            line = r.choice(SOURCE_LINES).format(province=s["province"])
            self.add(story=story, kind="verbatim", base=b.id, site=copy_site, site_province=None, lang="vi",
                     published=b.published + timedelta(days=r.randrange(6)), title=title, body=f"{body}\n\n{line}")
        if r.random() < RATES["edited"]:
            dropped = paras[:]
            dropped.pop(r.randrange(len(dropped)))
            t2, b2 = self.render(kind, s, day, 1 - lead, dropped, 1 - caption)
            self.add(story=story, kind="edited", base=b.id, site="magazine" if site != "magazine" else "national",
                     site_province=None, lang="vi", published=b.published + timedelta(days=r.randrange(11)),
                     title=f"{s['province']}: {t2}", body="(NĐ&ĐS) - " + b2)
        if r.random() < RATES["rewritten"] and len(paras) >= 4:
            kept = r.sample(paras, len(paras) - 2)
            t4, b4 = self.render(kind, s, day, 1 - lead, kept, 1 - caption, totals=False)
            self.add(story=story, kind="rewritten", base=b.id, site="magazine" if site != "magazine" else "national",
                     site_province=None, lang="vi", published=b.published + timedelta(days=r.randrange(11)),
                     title=t4, body=b4)
        if r.random() < RATES["english"]:
            t3, b3 = self.render_en(kind, s, day)
            self.add(story=story, kind="english", base=b.id, site="national", site_province=None, lang="en",
                     published=b.published + timedelta(days=r.randrange(7)), title=t3, body=b3)
        return kind, s, day, paras, lead, caption, b

    def twin(self, story: int, kind: str, s: dict, day: date, paras, lead, caption, base: Article) -> None:
        other = self.slots(self.rng.choice([p for p in self.provinces if p != s["province"]]))
        title, body = self.render(kind, other, day, lead, paras, caption)
        self.add(story=story, kind="twin", base=base.id, site="national", site_province=None, lang="vi", published=day,
                 title=title, body=body)

    def sibling(self, story: int, kind: str, s: dict, day: date, paras, lead, caption, base: Article) -> None:
        other = self.slots(s["province"])
        when = day + timedelta(days=self.rng.randrange(1, 15))
        title, body = self.render(kind, other, when, lead, paras, caption, totals=self.rng.random() < 0.5)
        self.add(story=story, kind="sibling", base=base.id, site=base.site, site_province=base.site_province,
                 lang="vi", published=when, title=title, body=body)

    def follow_up(self, story: int, kind: str, s: dict, day: date, paras, lead, caption, base: Article) -> None:
        r = self.rng
        later = dict(s)
        for key in ("units", "gifts", "houses", "trainees", "households"):
            later[key] = s[key] + r.randrange(max(2, s[key] // 3), max(3, s[key]))
        later["amount"] = s["amount"] + r.randrange(2, 9) * 100_000_000
        when = day + timedelta(days=r.randrange(7, 41))
        title, body = self.render(kind, later, when, 1 - lead, paras, caption)
        self.add(story=story, kind="follow-up", base=base.id, site=base.site, site_province=base.site_province,
                 lang="vi", published=when, title=title, body=body)

    def run(self, n: int) -> list[Article]:
        story = 0
        while len(self.articles) < n:
            story += 1
            kind, s, day, paras, lead, caption, base = self.base(story)
            if self.rng.random() < RATES["twin"]:
                story += 1
                self.twin(story, kind, s, day, paras, lead, caption, base)
            if self.rng.random() < RATES["sibling"]:
                story += 1
                self.sibling(story, kind, s, day, paras, lead, caption, base)
            if self.rng.random() < RATES["follow-up"]:
                story += 1
                self.follow_up(story, kind, s, day, paras, lead, caption, base)
        return self.articles[:n]


def corpus(n: int, seed: int = 18) -> list[Article]:
    return Generator(seed).run(n)
