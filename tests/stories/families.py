"""Families of articles for the story tests: copies and near misses, each with what must
be one story, what must not, and what must be linked as related. The texts are invented,
in the style of Vietnamese Red Cross news (no real article's text)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Art:
    key: str
    site: str
    published_at: str
    title: str
    body: str
    lang: str = "vi"


@dataclass(frozen=True)
class Family:
    name: str
    articles: tuple[Art, ...]
    same: tuple[tuple[str, str], ...] = ()  # must be one story
    apart: tuple[tuple[str, str], ...] = ()  # must not
    related: tuple[tuple[str, str], ...] = ()  # two stories, linked
    canonical: dict[str, str] = field(default_factory=dict)  # article key -> key of its story's canonical copy


# Sites of the test archive: (id, province); None for national sites.
SITES = {"chapter-na": "Nghệ An", "chapter-ht": "Hà Tĩnh", "chapter-th": "Thanh Hóa", "national": None,
         "magazine": None, "paper-th": None}

_LU_TUONG_DUONG = """Sáng 9/9/2025, Hội Chữ thập đỏ tỉnh Nghệ An phối hợp với Ủy ban nhân dân huyện Tương Dương tổ chức trao 200 suất quà cho các hộ gia đình bị thiệt hại nặng do mưa lũ sau bão số 5 tại xã Tam Quang và xã Yên Na.

Mỗi suất quà gồm 1 triệu đồng tiền mặt, 20 kg gạo và một số nhu yếu phẩm thiết yếu. Tổng giá trị đợt hỗ trợ là 350 triệu đồng, từ nguồn vận động của Trung ương Hội Chữ thập đỏ Việt Nam và các nhà hảo tâm trong tỉnh.

Cán bộ Hội Chữ thập đỏ tỉnh trao quà cho người dân xã Tam Quang.

Theo báo cáo của Ủy ban nhân dân huyện Tương Dương, đợt mưa lũ vừa qua đã làm 36 ngôi nhà bị cuốn trôi hoàn toàn, hơn 400 ngôi nhà bị ngập sâu, nhiều tuyến đường giao thông bị sạt lở, chia cắt. Nhiều gia đình mất toàn bộ tài sản, lương thực dự trữ.

Bà Lô Thị Hiền, trú tại bản Xốp Cháo, xã Tam Quang, cho biết nhà bà bị nước cuốn trôi gần hết đồ đạc, số tiền và gạo được hỗ trợ giúp gia đình vượt qua những ngày khó khăn trước mắt.

Dịp này, Hội Chữ thập đỏ tỉnh cũng cấp phát 150 bộ dụng cụ gia đình và 100 thùng lọc nước cho các điểm trường bị ảnh hưởng trên địa bàn huyện."""

VERBATIM = Family(
    "verbatim republication",
    (Art("chapter", "chapter-na", "2025-09-10", "Trao 200 suất quà cho người dân vùng lũ huyện Tương Dương",
         _LU_TUONG_DUONG),
     Art("national", "national", "2025-09-12T09:15:00+07:00",
         "Trao 200 suất quà cho người dân vùng lũ huyện Tương Dương",
         _LU_TUONG_DUONG + "\n\nNguồn: Hội Chữ thập đỏ tỉnh Nghệ An")),
    same=(("chapter", "national"),),
    canonical={"national": "chapter"},
)

_NHA_HA_TINH_LEAD = """Ngày 14/11/2025, Hội Chữ thập đỏ tỉnh Hà Tĩnh phối hợp với chính quyền địa phương tổ chức lễ bàn giao 5 ngôi nhà nhân đạo cho các hộ nghèo tại xã Hương Khê và xã Phúc Trạch."""
_NHA_HA_TINH_BODY = """Mỗi ngôi nhà có diện tích khoảng 60 mét vuông, được xây dựng kiên cố với tổng kinh phí 400 triệu đồng, trong đó Hội Chữ thập đỏ tỉnh hỗ trợ 60 triệu đồng mỗi nhà, phần còn lại do gia đình, dòng họ và bà con lối xóm đóng góp công sức.

Đại diện lãnh đạo Hội Chữ thập đỏ tỉnh trao quyết định bàn giao nhà cho các hộ gia đình.

Phát biểu tại buổi lễ, bà Nguyễn Thị Minh Lý, Chủ tịch Hội Chữ thập đỏ tỉnh Hà Tĩnh, đề nghị các gia đình giữ gìn, sử dụng ngôi nhà hiệu quả, tiếp tục lao động sản xuất để sớm thoát nghèo bền vững.

Ông Trần Văn Lộc, trú tại thôn Tân Hương, xã Hương Khê, một trong năm hộ nhận nhà, xúc động cho biết gia đình ông đã ở trong căn nhà tạm dột nát hơn mười năm, mỗi mùa mưa bão lại phải đi nhờ nhà hàng xóm.

Từ đầu năm 2025 đến nay, Hội Chữ thập đỏ các cấp trong tỉnh đã vận động xây mới và sửa chữa 48 ngôi nhà nhân đạo với tổng trị giá hơn 3,2 tỷ đồng.

Được biết, trong tháng 12, Hội sẽ tiếp tục khởi công thêm 7 ngôi nhà nhân đạo tại các huyện miền núi của tỉnh, dự kiến hoàn thành trước Tết Nguyên đán."""

EDITED = Family(
    "edited republication (lead rewritten, captions differ, one paragraph dropped)",
    (Art("chapter", "chapter-ht", "2025-11-15", "Bàn giao 5 ngôi nhà nhân đạo cho hộ nghèo",
         _NHA_HA_TINH_LEAD + "\n\n" + _NHA_HA_TINH_BODY),
     Art("magazine", "magazine", "2025-11-19T18:11:00+07:00", "Hà Tĩnh: Hộ nghèo Hương Khê, Phúc Trạch vui nhận nhà mới",
         "(NĐ&ĐS) - Năm hộ nghèo ở hai xã Hương Khê và Phúc Trạch (Hà Tĩnh) vừa được Hội Chữ thập đỏ tỉnh bàn giao "
         "nhà nhân đạo, trong niềm vui đón mùa đông ấm áp.\n\n"
         + _NHA_HA_TINH_BODY
         .replace("Đại diện lãnh đạo Hội Chữ thập đỏ tỉnh trao quyết định bàn giao nhà cho các hộ gia đình.",
                  "Niềm vui của gia đình ông Trần Văn Lộc trong ngôi nhà mới. Ảnh: Hội CTĐ Hà Tĩnh")
         .replace("\n\nĐược biết, trong tháng 12, Hội sẽ tiếp tục khởi công thêm 7 ngôi nhà nhân đạo tại các huyện "
                  "miền núi của tỉnh, dự kiến hoàn thành trước Tết Nguyên đán.", ""))),
    same=(("chapter", "magazine"),),
    canonical={"magazine": "chapter"},
)

_THANG_NHAN_DAO = """Sáng 8/5/2025, tại thành phố Thanh Hóa, Trung ương Hội Chữ thập đỏ Việt Nam phối hợp với Ủy ban nhân dân tỉnh Thanh Hóa tổ chức Lễ phát động Tháng Nhân đạo năm 2025 với chủ đề "Hành trình nhân đạo - Lan tỏa yêu thương".

Dự buổi lễ có đồng chí Nguyễn Hải Anh, Phó Chủ tịch Trung ương Hội Chữ thập đỏ Việt Nam; đồng chí Đầu Thanh Tùng, Phó Chủ tịch Ủy ban nhân dân tỉnh Thanh Hóa cùng đại diện các sở, ban, ngành và hơn 800 tình nguyện viên, đoàn viên thanh niên.

Phát biểu phát động, đồng chí Nguyễn Hải Anh đề nghị các cấp chính quyền, các tổ chức, doanh nghiệp và người dân tích cực hưởng ứng, chung tay trợ giúp người nghèo, người khuyết tật, nạn nhân chất độc da cam và những người có hoàn cảnh khó khăn.

Tại lễ phát động, Ban tổ chức đã tiếp nhận ủng hộ của các doanh nghiệp với tổng trị giá 2,8 tỷ đồng; trao 300 suất quà, mỗi suất trị giá 1 triệu đồng, cho các hộ nghèo và trao 12 xe lăn cho người khuyết tật của thành phố Thanh Hóa.

Các đại biểu trao quà cho người dân có hoàn cảnh khó khăn tại lễ phát động.

Năm 2024, Tháng Nhân đạo trên địa bàn tỉnh Thanh Hóa đã vận động được hơn 42 tỷ đồng, trợ giúp cho 65.000 lượt người."""

PRESS_RELEASE = Family(
    "the same press release on three sites",
    (Art("national", "national", "2025-05-08T16:20:00+07:00",
         "Phát động Tháng Nhân đạo năm 2025 tại Thanh Hóa", _THANG_NHAN_DAO),
     Art("chapter", "chapter-th", "2025-05-09", "Lễ phát động Tháng Nhân đạo năm 2025",
         _THANG_NHAN_DAO.replace("Các đại biểu trao quà cho người dân có hoàn cảnh khó khăn tại lễ phát động.",
                                 "Đồng chí Nguyễn Hải Anh phát biểu tại lễ phát động.")
         + "\n\nBan Tuyên truyền Hội Chữ thập đỏ tỉnh Thanh Hóa"),
     Art("paper", "paper-th", "2025-05-08T20:05:00+07:00",
         "Thanh Hóa: Tiếp nhận 2,8 tỷ đồng ủng hộ tại Lễ phát động Tháng Nhân đạo",
         "Hưởng ứng Tháng Nhân đạo năm 2025, tỉnh Thanh Hóa đã tiếp nhận 2,8 tỷ đồng từ các doanh nghiệp ngay tại "
         "lễ phát động.\n\n" + _THANG_NHAN_DAO.split("\n\n", 1)[1])),
    same=(("national", "chapter"), ("chapter", "paper"), ("national", "paper")),
    canonical={"national": "chapter", "paper": "chapter"},
)

_HANH_TRINH_BACKGROUND = """Hành trình Đỏ là chiến dịch vận động hiến máu tình nguyện thường niên vào dịp hè do Trung ương Hội Chữ thập đỏ Việt Nam phát động, nhằm bổ sung nguồn máu dự trữ cho các bệnh viện khi lượng máu tiếp nhận từ học sinh, sinh viên giảm mạnh.

Tại Nghệ An, chương trình được tổ chức tại Trung tâm Văn hóa tỉnh và các huyện Diễn Châu, Quỳnh Lưu, Đô Lương với sự tham gia của đông đảo cán bộ, công chức, lực lượng vũ trang và người dân.

Bà Trần Thị Hồng Vân, Chủ tịch Hội Chữ thập đỏ tỉnh Nghệ An, cho biết lượng máu tiếp nhận sẽ được chuyển về Bệnh viện Hữu nghị Đa khoa tỉnh để phục vụ cấp cứu và điều trị cho người bệnh."""

FOLLOW_UP = Family(
    "a follow-up with new totals",
    (Art("first", "chapter-na", "2025-07-02", "Hành trình Đỏ 2025: Nghệ An tiếp nhận 1.250 đơn vị máu trong ngày đầu",
         "Ngày 1/7/2025, Hội Chữ thập đỏ tỉnh Nghệ An phối hợp với Ban Chỉ đạo vận động hiến máu tình nguyện tỉnh tổ "
         "chức Ngày hội hiến máu trong khuôn khổ Hành trình Đỏ năm 2025. Kết thúc ngày đầu, chương trình đã tiếp nhận "
         "1.250 đơn vị máu, đạt 25% kế hoạch.\n\n" + _HANH_TRINH_BACKGROUND
         + "\n\nNăm 2025, tỉnh Nghệ An phấn đấu tiếp nhận 5.000 đơn vị máu trong chiến dịch."),
     Art("later", "chapter-na", "2025-07-21", "Hành trình Đỏ 2025: Nghệ An tiếp nhận 3.480 đơn vị máu",
         "Sau ba tuần triển khai, Hành trình Đỏ năm 2025 tại Nghệ An đã tiếp nhận 3.480 đơn vị máu, đạt gần 70% kế "
         "hoạch. Ngày 20/7/2025, Hội Chữ thập đỏ tỉnh tiếp tục tổ chức điểm hiến máu tại huyện Quỳnh Lưu.\n\n"
         + _HANH_TRINH_BACKGROUND
         + "\n\nNăm 2025, tỉnh Nghệ An phấn đấu tiếp nhận 5.000 đơn vị máu trong chiến dịch.")),
    apart=(("first", "later"),),
    related=(("first", "later"),),
)


def _chu_nhat_do(province: str, place: str, donors: str, units: str, leader: str) -> str:
    return f"""Sáng 12/1/2025, Hội Chữ thập đỏ tỉnh {province} phối hợp với Trung tâm Truyền máu khu vực tổ chức Ngày hội hiến máu "Chủ nhật Đỏ" lần thứ XVII tại {place}.

Ngày hội thu hút hơn {donors} người đăng ký tham gia, trong đó có nhiều đoàn viên thanh niên, cán bộ, chiến sĩ lực lượng vũ trang và người dân trên địa bàn. Kết thúc chương trình, Ban tổ chức đã tiếp nhận {units} đơn vị máu an toàn.

Phát biểu tại ngày hội, {leader}, Chủ tịch Hội Chữ thập đỏ tỉnh {province}, cảm ơn tinh thần tương thân tương ái của các tình nguyện viên và mong muốn phong trào hiến máu tiếp tục được lan tỏa trong cộng đồng.

Chủ nhật Đỏ là chương trình hiến máu tình nguyện thường niên được tổ chức vào dịp trước Tết Nguyên đán nhằm bổ sung nguồn máu cho các bệnh viện trong thời điểm nhu cầu điều trị tăng cao."""


TWO_PROVINCES = Family(
    "the same kind of event on the same day in two provinces",
    (Art("quang-binh", "national", "2025-01-12T17:00:00+07:00",
         'Quảng Bình: Ngày hội "Chủ nhật Đỏ" tiếp nhận 620 đơn vị máu',
         _chu_nhat_do("Quảng Bình", "thành phố Đồng Hới", "700", "620", "bà Phạm Thị Hân")),
     Art("quang-tri", "national", "2025-01-12T17:30:00+07:00",
         'Quảng Trị: Ngày hội "Chủ nhật Đỏ" tiếp nhận 540 đơn vị máu',
         _chu_nhat_do("Quảng Trị", "thành phố Đông Hà", "650", "540", "ông Lê Quang Chiến"))),
    apart=(("quang-binh", "quang-tri"),),
)

CAO_BANG_VI = """Ngày 24/8/2025, đoàn công tác của Trung ương Hội Chữ thập đỏ Việt Nam do đồng chí Bùi Thị Hòa, Chủ tịch Trung ương Hội Chữ thập đỏ Việt Nam, dẫn đầu đã đến thăm và trao hỗ trợ cho người dân bị ảnh hưởng bởi lũ quét tại tỉnh Cao Bằng.

Tại huyện Bảo Lâm, đoàn đã trao 500 suất quà, mỗi suất gồm 2 triệu đồng tiền mặt và nhu yếu phẩm thiết yếu, cho các hộ gia đình có nhà bị sập, bị cuốn trôi.

Tổng giá trị hỗ trợ đợt này là 2,5 tỷ đồng, trong đó có nguồn từ Quỹ Khẩn cấp cứu trợ thảm họa của Hiệp hội Chữ thập đỏ và Trăng lưỡi liềm đỏ quốc tế.

Theo thống kê, trận lũ quét đã làm 18 người chết và mất tích, 1.200 ngôi nhà bị hư hỏng."""

CAO_BANG_EN = """On August 24, 2025, a delegation of the Viet Nam Red Cross Society led by its President, Ms. Bui Thi Hoa, visited families affected by flash floods in Cao Bang province.

In Bao Lam district, the delegation handed over 500 gift packages, each including VND 2 million in cash and essential items, to households whose houses had collapsed or been swept away.

The total value of this support is VND 2.5 billion, including funds from the Disaster Response Emergency Fund of the International Federation of Red Cross and Red Crescent Societies.

The flash floods left 18 people dead or missing and damaged 1,200 houses."""

LANG_SON_EN = """On August 25, 2025, the Viet Nam Red Cross Society handed over VND 2.5 billion to support flood-hit families in Lang Son province, where 300 houses were damaged.

In Cao Loc district, volunteers distributed 800 hygiene kits and clean water filters to 800 households."""

TRANSLATION = Family(
    "an English version of a Vietnamese story",
    (Art("vi", "national", "2025-08-25T10:00:00+07:00",
         "Trung ương Hội hỗ trợ 2,5 tỷ đồng cho người dân Cao Bằng bị ảnh hưởng bởi lũ quét", CAO_BANG_VI),
     Art("en", "national", "2025-08-27T14:00:00+07:00",
         "VNRC provides VND 2.5 billion to flood-hit families in Cao Bang", CAO_BANG_EN, lang="en"),
     Art("other-en", "national", "2025-08-26T09:00:00+07:00",
         "Red Cross supports flood-hit families in Lang Son", LANG_SON_EN, lang="en")),
    same=(("vi", "en"),),
    apart=(("vi", "other-en"), ("en", "other-en")),
)

FAMILIES = (VERBATIM, EDITED, PRESS_RELEASE, FOLLOW_UP, TWO_PROVINCES, TRANSLATION)


def item_for(art: Art):
    """The article as the crawl would archive it: through the real extraction chain."""
    from ctd_crawler.pipelines import run_chain
    from tests.conftest import make_item

    slug = hashlib.sha1(f"{art.key}|{art.title}".encode()).hexdigest()[:10]
    item = make_item(url=f"https://{art.site}.example.vn/tin-tuc/{slug}.html", title=art.title, body=art.body,
                     site=art.site, site_province=SITES[art.site], lang=art.lang,
                     fetched_at=art.published_at[:10] + "T23:00:00+07:00")
    item = run_chain(item)
    item.published_at = art.published_at  # no page date to read: the one the family says
    return item


def add_sites(archive) -> None:
    archive.db["sites"].upsert_all([{"id": site, "name": site, "province": province, "base_url": f"https://{site}.example.vn",
                                     "family": "generic"} for site, province in SITES.items()], pk="id")
