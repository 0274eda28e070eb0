"""Fixture tests for the wordpress family: the national site redcross.org.vn (a classic theme
after Twenty Twenty-One) and chuthapdo.vinhphuc.gov.vn (the default block theme)."""

from __future__ import annotations

import pytest

from ctd_crawler.crawl.routing import Router
from ctd_crawler.page.classify import ARTICLE, LISTING
from ctd_crawler.page.html import parse_html
from ctd_crawler.page.layouts import get_layout, layout_class
from ctd_crawler.sites import site_for_url
from tests.page.layouts.pages import expected_files, page_of, tree_of
from tests.paths import FIXTURES as ROOT

HOST = "redcross.org.vn"
SITE_DIR = ROOT / "sites" / HOST
ARTICLES = expected_files(HOST)
PAGE = "tet-nhan-ai-binh-ngo-2026-den-voi-dong-bao-vung-cao-tuyen-quang.html"
# Widgets, comment form, entry meta, post navigation and footer text that must never reach the body.
LEAKS = ("Tin mới", "Ủng hộ trực tuyến", "Vietcombank", "Leave a Reply", "Required fields are marked",
         "Post Comment", "Previous Post", "vnrc-admin", "Đăng ngày", "Categorized as", "Hoạt động",
         "82 Nguyễn Du", "024.38224030", "Skip to content", "Vietnam Red Cross Society", "Liên hệ",
         "Khánh thành điểm trường nhân đạo ở Trạm Tấu")


@pytest.fixture(scope="module")
def item():
    return get_layout("wordpress").parse(tree_of(SITE_DIR / PAGE), f"https://{HOST}/{PAGE}")


def test_title(item):
    assert item.title == "Tết Nhân ái Bính Ngọ 2026 đến với đồng bào vùng cao Tuyên Quang"


def test_date_text(item):
    assert item.date_text == "2026-02-03T10:15:00+07:00"


def test_author_is_the_byline_not_the_login(item):
    assert item.author == "Ngọc Mai"


def test_layout_and_lang(item):
    assert (item.layout, item.lang) == ("wordpress", "vi")


def test_body_starts(item):
    assert item.body_text.startswith("Ngày 1/2/2026, Trung ương Hội Chữ thập đỏ Việt Nam phối hợp với Hội Chữ thập đỏ")


def test_body_ends_before_byline(item):
    assert item.body_text.endswith("động viên người dân đón Tết an vui.")
    assert "Ngọc Mai" not in item.body_text


def test_body_keeps_wp_caption(item):
    assert "\n\nTrao quà Tết cho người dân xã Mèo Vạc.\n\n" in item.body_text


# Jetpack's sharing and related-posts boxes and AddToAny's bar, as those plugins print them at
# the end of `entry-content` (no saved page of the mirror runs them).
PLUGIN_BOXES = (
    '<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Chia sẻ:</h3>'
    '<ul><li><a class="share-facebook" href="#">Facebook</a></li></ul></div>'
    '<div id="jp-relatedposts" class="jp-relatedposts"><h3 class="jp-relatedposts-headline">Có liên quan</h3>'
    '<div class="jp-relatedposts-items"><p class="jp-relatedposts-post-title">'
    '<a href="/khanh-thanh-diem-truong-nhan-dao-o-tram-tau.html">Khánh thành điểm trường nhân đạo ở Trạm Tấu</a></p>'
    '<p class="jp-relatedposts-post-context">Trong "Hoạt động"</p></div></div>'
    '<div class="addtoany_share_save_container addtoany_content"><div class="a2a_kit"><a>Chia sẻ qua Zalo</a></div></div>'
)


def test_body_drops_jetpack_and_share_plugin_boxes(item):
    html = (SITE_DIR / PAGE).read_text("utf-8").replace("</div><!-- .entry-content -->",
                                                         PLUGIN_BOXES + "</div><!-- .entry-content -->")
    got = get_layout("wordpress").parse(parse_html(html), f"https://{HOST}/{PAGE}")
    assert got.body_text == item.body_text
    assert (got.title, got.author) == (item.title, item.author)


def test_body_excludes_widgets_and_footer(item):
    assert [leak for leak in LEAKS if leak in item.body_text] == []


def test_block_editor_byline():
    page = ROOT / "sites" / "chuthapdo.vinhphuc.gov.vn" / "tap-huan-so-cap-cuu-cho-hoc-sinh-phuc-yen/index.html"
    got = get_layout("wordpress").parse(tree_of(page), "https://x/")
    assert got.author == "Minh Hằng"  # p.has-text-align-right, the block editor's right alignment
    assert not got.body_text.endswith("Minh Hằng")


def test_no_byline_means_no_author():
    # entry-meta only names the login "vnrc-admin": that is not a byline.
    page = SITE_DIR / "khanh-thanh-diem-truong-nhan-dao-o-tram-tau.html"
    got = get_layout("wordpress").parse(tree_of(page), "https://x/")
    assert got.author is None
    assert got.body_text.endswith("cam kết sử dụng công trình hiệu quả.")


# -- URL classification: the family's own patterns ----------------------------------------
# WordPress's default permalinks (date-based, ?p=N) and archive URLs. The mirror's two sites
# use slug-only permalinks, which the family's patterns leave to the registry (redcross.org.vn)
# or to the pages (chuthapdo.vinhphuc.gov.vn, whose registry entry names no pattern).

ARTICLE_URLS = [
    "https://chuthapdo.vinhphuc.gov.vn/?p=2410",  # the plain link WordPress answers with a 301 (_mirror.toml)
    "https://wordpress.example.vn/2024/01/25/tet-nhan-ai-giap-thin-2024/",
    "https://wordpress.example.vn/2019/08/05/trao-qua-cho-nguoi-dan/",
    "https://wordpress.example.vn/2023/02/trao-hoc-bong",
]
NOT_ARTICLE_URLS = [
    "https://redcross.org.vn/",
    "https://wordpress.example.vn/2024/01/",
    "https://wordpress.example.vn/2024/01/25/",
    "https://wordpress.example.vn/2024/01/page/2/",
    "https://wordpress.example.vn/2024/01/25/tet-nhan-ai-giap-thin-2024/feed/",
    "https://redcross.org.vn/category/hoat-dong/",
    "https://chuthapdo.vinhphuc.gov.vn/tag/hien-mau/",
    "https://redcross.org.vn/gioi-thieu/",
    "https://chuthapdo.vinhphuc.gov.vn/lien-he/",
    "https://redcross.org.vn/donate/",
    "https://redcross.org.vn/feed/",
    "https://redcross.org.vn/wp-sitemap.xml",
    "https://redcross.org.vn/wp-json/wp/v2/posts",
    "https://redcross.org.vn/upload/5002.jpg?v=1.0.2",
    # slug-only permalinks: not the family's to claim
    "https://redcross.org.vn/trao-200-suat-qua-cho-nguoi-dan-vung-cao-meo-vac.html",
    "https://chuthapdo.vinhphuc.gov.vn/phat-dong-thang-nhan-dao-nam-2016/",
]
LISTING_URLS = [
    "https://redcross.org.vn/category/hoat-dong/",
    "https://redcross.org.vn/category/hoat-dong/page/2/",
    "https://redcross.org.vn/category/news/",
    "https://chuthapdo.vinhphuc.gov.vn/category/tin-tuc/page/2/",
    "https://wordpress.example.vn/category/tin-tuc/hoat-dong/page/2/",
    "https://wordpress.example.vn/chuyen-muc/hien-mau/",
    "https://redcross.org.vn/page/2/",
    "https://chuthapdo.vinhphuc.gov.vn/?cat=4",
]
NOT_LISTING_URLS = [
    "https://redcross.org.vn/trao-200-suat-qua-cho-nguoi-dan-vung-cao-meo-vac.html",
    "https://chuthapdo.vinhphuc.gov.vn/phat-dong-thang-nhan-dao-nam-2016/",
    "https://redcross.org.vn/gioi-thieu/",
    "https://chuthapdo.vinhphuc.gov.vn/tag/hien-mau/",
    "https://redcross.org.vn/feed/",
    "https://redcross.org.vn/wp-admin/",
    "https://redcross.org.vn/?s=hien+mau",
]


@pytest.mark.parametrize("url", ARTICLE_URLS)
def test_is_article_url(url):
    assert get_layout("wordpress").is_article_url(url)


@pytest.mark.parametrize("url", NOT_ARTICLE_URLS)
def test_is_not_article_url(url):
    assert not get_layout("wordpress").is_article_url(url)


@pytest.mark.parametrize("url", LISTING_URLS)
def test_is_listing_url(url):
    assert get_layout("wordpress").is_listing_url(url)


@pytest.mark.parametrize("url", NOT_LISTING_URLS)
def test_is_not_listing_url(url):
    assert not get_layout("wordpress").is_listing_url(url)


# -- family detection --------------------------------------------------------------------

def test_signature_matches_article_page():
    assert layout_class("wordpress").matches(tree_of(page_of(ARTICLES[0])))


@pytest.mark.parametrize("page", [
    ROOT / "sites" / "nhandaoonline.vn" / "tet-nhan-ai-ky-hoi-2019-den-voi-ho-ngheo-huyen-quan-ba-a15167.html",
    ROOT / "sites" / "hoichuthapdoquangnam.org.vn" / "index.php/tin-hoat-dong/648-ho-tro-nguoi-dan-dai-loc-khac-phuc-hau-qua-bao-so-9",
    ROOT / "sites" / "ctd.binhdinh.gov.vn" / "news/hoat-dong-hoi/hien-mau-tinh-nguyen-tai-thi-xa-an-nhon-927.html",
])
def test_signature_rejects_other_families(page):
    assert not layout_class("wordpress").matches(tree_of(page))


# -- the default block theme (Twenty Twenty-Four) on chuthapdo.vinhphuc.gov.vn ----------------------

VP = "chuthapdo.vinhphuc.gov.vn"
VP_DIR = ROOT / "sites" / VP
# Block-theme furniture: header/footer template parts, post-meta, terms, comments, post navigation.
BLOCK_LEAKS = ("Hội Chữ thập đỏ tỉnh Vĩnh Phúc", "Nhân đạo – Trung thực", "Trang chủ", "admin", "Bình luận",
               "Để lại một bình luận", "Gửi bình luận", "Email của bạn", "Liên kết", "Thiết kế với",
               "Số 1 đường Nguyễn Trãi", "Cổng thông tin điện tử tỉnh", "Tập huấn sơ cấp cứu cho học sinh")


@pytest.fixture(scope="module")
def block_item():
    page = VP_DIR / "trao-nha-nhan-dao-cho-ho-ngheo-xa-lang-cong/index.html"
    return get_layout("wordpress").parse(tree_of(page), f"https://{VP}/trao-nha-nhan-dao-cho-ho-ngheo-xa-lang-cong/")


def test_block_theme_title_date_author(block_item):
    assert block_item.title == "Trao nhà nhân đạo cho hộ nghèo xã Lãng Công"
    assert block_item.date_text == "2021-11-23T10:00:00+07:00"  # the core/post-date block's time
    assert block_item.author == "Thanh Tâm"  # p.has-text-align-right, not the author-name block's "admin"


def test_block_theme_body(block_item):
    assert block_item.body_text.startswith("Hội Chữ thập đỏ huyện Sông Lô vừa bàn giao nhà nhân đạo")
    assert block_item.body_text.endswith("Hội đã hỗ trợ xây mới 5 nhà nhân đạo.")


@pytest.mark.parametrize("leak", BLOCK_LEAKS)
def test_block_theme_body_excludes_template_parts(block_item, leak):
    assert leak not in block_item.body_text


def test_block_theme_figcaption_is_body_and_login_is_no_author():
    page = VP_DIR / "ngay-hoi-hien-mau-tai-huyen-lap-thach/index.html"
    got = get_layout("wordpress").parse(tree_of(page), "https://x/")
    assert got.body_text.endswith("Đoàn viên thanh niên xã Tử Du tham gia hiến máu.")
    assert got.author is None


def test_block_theme_page_has_no_post_date():
    got = get_layout("wordpress").parse(tree_of(VP_DIR / "gioi-thieu/index.html"), "https://x/")
    assert got.date_text is None and got.body_text.startswith("Hội Chữ thập đỏ tỉnh Vĩnh Phúc được thành lập")


@pytest.mark.parametrize("page", ["category/tin-tuc/index.html", "category/tin-tuc/page/2/index.html",
                                  "tag/hien-mau/index.html", "index.html"])
def test_block_theme_archives_have_no_article_body(page):
    assert get_layout("wordpress").parse(tree_of(VP_DIR / page), "https://x/").body_text == ""


# -- the national site's classic theme (redcross.org.vn) ------------------------------------

def test_classic_theme_with_the_migration_stamp():
    page = SITE_DIR / "trao-200-suat-qua-cho-nguoi-dan-vung-cao-meo-vac.html"
    got = get_layout("wordpress").parse(tree_of(page), "https://redcross.org.vn/trao-200-suat-qua.html")
    assert got.title == "Trao 200 suất quà cho người dân vùng cao Mèo Vạc"
    assert got.date_text == "2023-10-31T05:10:00+07:00"  # the stamp: what the page says, not the true day
    assert got.author == "Thu Hà"
    assert got.body_text.startswith("Hà Nội, 26/01/2018 – Trung ương Hội Chữ thập đỏ Việt Nam")
    for leak in ("Leave a Reply", "Required fields are marked", "Previous Post", "Tin mới", "vnrc-admin",
                 "Categorized as", "82 Nguyễn Du"):
        assert leak not in got.body_text


def test_classic_theme_english_page():
    page = SITE_DIR / "vietnam-red-cross-supports-flood-affected-families-in-lao-cai.html/index.html"
    got = get_layout("wordpress").parse(tree_of(page), "https://x/")
    assert (got.lang, got.author) == ("en", "Communication Department")


def _router(url: str) -> Router:
    return Router(site_for_url(url), get_layout("wordpress"))


@pytest.mark.parametrize("url,article", [
    ("https://redcross.org.vn/trao-200-suat-qua-cho-nguoi-dan-vung-cao-meo-vac.html", True),
    ("https://redcross.org.vn/hoi-chu-thap-do-ho-tro-nguoi-dan-le-thuy-sau-lu.html/", True),
    ("https://redcross.org.vn/vietnam-red-cross-supports-flood-affected-families-in-lao-cai.html/", True),
    ("https://redcross.org.vn/blogs/news/humanitarian-month-launched-in-ha-noi", True),
    ("https://redcross.org.vn/blogs/focuses/first-aid-for-the-community", True),
    ("https://redcross.org.vn/donate/", False),
    ("https://redcross.org.vn/gioi-thieu/", False),
    ("https://redcross.org.vn/category/hoat-dong/page/2/", False),
    ("https://redcross.org.vn/wp-sitemap.xml", False),
    ("https://redcross.org.vn/feed/", False),
    ("https://redcross.org.vn/blogs/news/", False),
    ("https://redcross.org.vn/upload/5002.jpg?v=1.0.2", False),
])
def test_national_site_permalinks_are_the_registrys(url, article):
    # slug-only permalinks: the registry entry's article_url (sites.toml, id vnrc) says which
    assert (_router(url).registry_kind(url) == ARTICLE) is article


@pytest.mark.parametrize("url,kind", [
    # the registry names no pattern for the site: its /%postname%/ permalinks and its pages share
    # one shape, so the page itself decides (page/classify.py)
    ("https://chuthapdo.vinhphuc.gov.vn/phat-dong-thang-nhan-dao-nam-2016/", None),
    ("https://chuthapdo.vinhphuc.gov.vn/gioi-thieu/", None),
    ("https://chuthapdo.vinhphuc.gov.vn/lien-he/", None),
    # what the family's patterns know
    ("https://chuthapdo.vinhphuc.gov.vn/category/tin-tuc/page/2/", LISTING),
    ("https://chuthapdo.vinhphuc.gov.vn/?p=2410", ARTICLE),
])
def test_vinhphuc_permalinks_are_left_to_the_pages(url, kind):
    assert _router(url).kind(url) == kind


@pytest.mark.parametrize("url", ["https://chuthapdo.vinhphuc.gov.vn/category/tin-tuc/",
                                 "https://chuthapdo.vinhphuc.gov.vn/category/tin-tuc/page/2/",
                                 "https://redcross.org.vn/category/hoat-dong/page/2/"])
def test_the_sites_listings_are_the_family_default(url):
    assert get_layout("wordpress").is_listing_url(url)
