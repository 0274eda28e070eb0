"""Fixture tests for the wordpress family (provincial chapter sites on WordPress + Jetpack)."""

from __future__ import annotations

import pytest

from ctd_crawler.page.layouts import get_layout, layout_class
from tests.page.layouts.pages import expected_files, page_of, tree_of
from tests.paths import FIXTURES as ROOT

HOST = "chuthapdolaocai.org.vn"
SITE_DIR = ROOT / "sites" / HOST
ARTICLES = expected_files(HOST)
# Widgets, Jetpack boxes, meta and footer text that must never reach the body.
LEAKS = ("Bài viết mới", "Chuyên mục", "Lưu trữ", "Ủng hộ quỹ nhân đạo", "Agribank", "Chia sẻ:", "Facebook",
         "Có liên quan", "Trong \"Tin tức", "Lượt xem", "admin", "Trả lời", "Bản quyền", "Khối 5 Trung tâm Hành chính",
         "ColorMag", "Đọc tiếp")


@pytest.fixture(scope="module")
def item():
    page = SITE_DIR / "2024/01/25/tet-nhan-ai-giap-thin-2024-tai-xa-ta-van/index.html"
    return get_layout("wordpress").parse(tree_of(page), f"https://{HOST}/2024/01/25/tet-nhan-ai-giap-thin-2024-tai-xa-ta-van/")


def test_title(item):
    assert item.title == "“Tết Nhân ái” Giáp Thìn 2024 tại xã Tả Van, thị xã Sa Pa"


def test_date_text(item):
    assert item.date_text == "2024-01-25T09:00:00+07:00"


def test_author_is_the_byline_not_the_login(item):
    assert item.author == "Lan Phương"


def test_layout_and_lang(item):
    assert (item.layout, item.lang) == ("wordpress", "vi")


def test_body_starts(item):
    assert item.body_text.startswith("Ngày 23/1/2024, Hội Chữ thập đỏ thị xã Sa Pa phối hợp với các nhà hảo tâm tại Hà Nội")


def test_body_ends_before_byline(item):
    assert item.body_text.endswith("chăm lo cho 1.200 hộ khó khăn.")
    assert "Lan Phương" not in item.body_text


def test_body_keeps_wp_caption(item):
    assert "\n\nTrao quà Tết cho người dân thôn Giàng Tả Chải Mông, xã Tả Van.\n\n" in item.body_text


def test_body_drops_jetpack_related_posts(item):
    assert "Chung tay dựng lại nhà cho người dân Phúc Khánh" not in item.body_text


def test_body_excludes_widgets_and_footer(item):
    for leak in LEAKS:
        assert leak not in item.body_text


def test_block_editor_byline_and_caption():
    page = SITE_DIR / "2024/09/20/chung-tay-dung-lai-nha-cho-nguoi-dan-phuc-khanh/index.html"
    got = get_layout("wordpress").parse(tree_of(page), "https://x/")
    assert got.author == "Minh Đức"
    assert "Tình nguyện viên chữ thập đỏ dọn dẹp nhà cửa cho người dân xã Phúc Khánh." in got.body_text
    assert not got.body_text.endswith("Minh Đức")


def test_no_byline_means_no_author():
    # entry-meta only names the login "admin": that is not a byline.
    page = SITE_DIR / "2020/12/10/ban-giao-nha-nhan-dao-tai-xa-nan-san/index.html"
    got = get_layout("wordpress").parse(tree_of(page), "https://x/")
    assert got.author is None
    assert got.body_text.endswith("tổng kinh phí hơn 600 triệu đồng.")


# -- invariants over every article page of the family ----------------------------------

# -- URL classification --------------------------------------------------------------------

ARTICLE_URLS = [
    "https://chuthapdolaocai.org.vn/2024/01/25/tet-nhan-ai-giap-thin-2024-tai-xa-ta-van/",
    "https://chuthapdolaocai.org.vn/2019/08/05/trao-qua-cho-nguoi-dan-trinh-tuong/",
    "https://chuthapdolaocai.org.vn/2023/02/trao-hoc-bong",
    "https://chuthapdolaocai.org.vn/?p=1581",
]
NOT_ARTICLE_URLS = [
    "https://chuthapdolaocai.org.vn/",
    "https://chuthapdolaocai.org.vn/2024/01/",
    "https://chuthapdolaocai.org.vn/2024/01/25/",
    "https://chuthapdolaocai.org.vn/2024/01/page/2/",
    "https://chuthapdolaocai.org.vn/2024/01/25/tet-nhan-ai-giap-thin-2024-tai-xa-ta-van/feed/",
    "https://chuthapdolaocai.org.vn/category/tin-tuc/",
    "https://chuthapdolaocai.org.vn/tag/tet-nhan-ai/",
    "https://chuthapdolaocai.org.vn/gioi-thieu/",
    "https://chuthapdolaocai.org.vn/lien-he/",
    "https://chuthapdolaocai.org.vn/feed/",
    "https://chuthapdolaocai.org.vn/wp-sitemap.xml",
    "https://chuthapdolaocai.org.vn/wp-content/uploads/2024/01/tet-nhan-ai-ta-van.jpg",
]
LISTING_URLS = [
    "https://chuthapdolaocai.org.vn/category/tin-tuc/",
    "https://chuthapdolaocai.org.vn/category/tin-tuc/page/3/",
    "https://chuthapdolaocai.org.vn/category/tin-tuc/hoat-dong/page/2/",
    "https://chuthapdolaocai.org.vn/chuyen-muc/hien-mau/",
    "https://chuthapdolaocai.org.vn/page/2/",
    "https://chuthapdolaocai.org.vn/?cat=4",
]
NOT_LISTING_URLS = [
    "https://chuthapdolaocai.org.vn/2024/01/25/tet-nhan-ai-giap-thin-2024-tai-xa-ta-van/",
    "https://chuthapdolaocai.org.vn/gioi-thieu/",
    "https://chuthapdolaocai.org.vn/tag/tet-nhan-ai/",
    "https://chuthapdolaocai.org.vn/feed/",
    "https://chuthapdolaocai.org.vn/wp-admin/",
    "https://chuthapdolaocai.org.vn/?s=hien+mau",
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


def test_registry_override_for_postname_permalinks():
    layout = get_layout("wordpress", article_url=r"^/(?!category/|tag/|page/|feed/|gioi-thieu/|lien-he/)[a-z0-9-]+/$")
    assert layout.is_article_url("https://chuthapdolaocai.org.vn/trao-qua-tet-cho-ho-ngheo/")
    assert not layout.is_article_url("https://chuthapdolaocai.org.vn/lien-he/")


# -- family detection --------------------------------------------------------------------

def test_signature_matches_article_page():
    assert layout_class("wordpress").matches(tree_of(page_of(ARTICLES[0])))


def test_signature_rejects_newsportal_page():
    np_page = next((ROOT / "sites" / "nhandaoonline.vn").glob("*-post1*.html"))
    assert not layout_class("wordpress").matches(tree_of(np_page))




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


# -- the national site rebuilt on a classic theme (fixtures/sites-new/redcross.org.vn) ------------------

RC_DIR = ROOT / "sites-new" / "redcross.org.vn"
# The registry overrides for these hosts (see their TEMPLATE.md): slug-only permalinks.
RC_ARTICLE = (r"^/(?:(?!category/|tag/|page/|feed/|wp-|donate/|lien-he/|gioi-thieu/)[a-z0-9-]+\.html/?"
              r"|blogs/(?:news|focuses)/[a-z0-9-]+)$")
VP_ARTICLE = r"^/(?!category/|tag/|page/|feed/|wp-|gioi-thieu/|lien-he/)[a-z0-9-]+/$"


def test_classic_theme_with_the_migration_stamp():
    page = RC_DIR / "trao-200-suat-qua-cho-nguoi-dan-vung-cao-meo-vac.html"
    got = get_layout("wordpress").parse(tree_of(page), "https://redcross.org.vn/trao-200-suat-qua.html")
    assert got.title == "Trao 200 suất quà cho người dân vùng cao Mèo Vạc"
    assert got.date_text == "2023-10-31T05:10:00+07:00"  # the stamp: what the page says, not the true day
    assert got.author == "Thu Hà"
    assert got.body_text.startswith("Hà Nội, 26/01/2018 – Trung ương Hội Chữ thập đỏ Việt Nam")
    for leak in ("Leave a Reply", "Required fields are marked", "Previous Post", "Tin mới", "vnrc-admin",
                 "Categorized as", "82 Nguyễn Du"):
        assert leak not in got.body_text


def test_classic_theme_english_page():
    page = RC_DIR / "vietnam-red-cross-supports-flood-affected-families-in-lao-cai.html/index.html"
    got = get_layout("wordpress").parse(tree_of(page), "https://x/")
    assert (got.lang, got.author) == ("en", "Communication Department")


@pytest.mark.parametrize("url,article", [
    ("https://redcross.org.vn/trao-200-suat-qua-cho-nguoi-dan-vung-cao-meo-vac.html", True),
    ("https://redcross.org.vn/hoi-chu-thap-do-ho-tro-nguoi-dan-le-thuy-sau-lu.html/", True),
    ("https://redcross.org.vn/blogs/news/humanitarian-month-launched-in-ha-noi", True),
    ("https://redcross.org.vn/blogs/focuses/first-aid-for-the-community", True),
    ("https://redcross.org.vn/donate/", False),
    ("https://redcross.org.vn/category/hoat-dong/page/2/", False),
    ("https://redcross.org.vn/wp-sitemap.xml", False),
    ("https://redcross.org.vn/feed/", False),
    ("https://redcross.org.vn/blogs/news/", False),
    ("https://redcross.org.vn/upload/5002.jpg?v=1.0.2", False),
])
def test_national_site_permalinks(url, article):
    assert get_layout("wordpress", article_url=RC_ARTICLE).is_article_url(url) is article


@pytest.mark.parametrize("url,article", [
    ("https://chuthapdo.vinhphuc.gov.vn/phat-dong-thang-nhan-dao-nam-2016/", True),
    ("https://chuthapdo.vinhphuc.gov.vn/gioi-thieu/", False),
    ("https://chuthapdo.vinhphuc.gov.vn/lien-he/", False),
    ("https://chuthapdo.vinhphuc.gov.vn/category/tin-tuc/page/2/", False),
    ("https://chuthapdo.vinhphuc.gov.vn/feed/", False),
    ("https://chuthapdo.vinhphuc.gov.vn/?p=2410", False),
])
def test_vinhphuc_permalinks(url, article):
    assert get_layout("wordpress", article_url=VP_ARTICLE).is_article_url(url) is article


@pytest.mark.parametrize("url", ["https://chuthapdo.vinhphuc.gov.vn/category/tin-tuc/",
                                 "https://chuthapdo.vinhphuc.gov.vn/category/tin-tuc/page/2/",
                                 "https://redcross.org.vn/category/hoat-dong/page/2/"])
def test_the_rebuilt_sites_listings_are_the_family_default(url):
    assert get_layout("wordpress").is_listing_url(url)
