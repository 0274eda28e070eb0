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


