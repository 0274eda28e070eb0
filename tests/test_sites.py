"""The registry: every mistake stops at once with one line naming the file, the entry and
the field; a good registry loads."""

from __future__ import annotations

import pytest

from ctd_crawler.sites import RegistryError, load_sites

GOOD = """[[site]]
id = "ctd-x"
name = "Hội Chữ thập đỏ tỉnh X"
province = "Lào Cai"
base_url = "https://chuthapdo-x.example.vn"
family = "wordpress"
start_urls = ["https://chuthapdo-x.example.vn/category/tin-tuc/"]
"""


def write(tmp_path, text):
    path = tmp_path / "sites.toml"
    path.write_text(text, "utf-8")
    return path


def test_a_good_registry_loads(tmp_path):
    (site,) = load_sites(write(tmp_path, GOOD))
    assert (site.id, site.host, site.start_urls) == ("ctd-x", "chuthapdo-x.example.vn",
                                                     ("https://chuthapdo-x.example.vn/category/tin-tuc/",))


def test_the_packaged_registry_loads():
    assert load_sites()


@pytest.mark.parametrize("change, field_named", [
    (('start_urls = ["https://chuthapdo-x.example.vn/category/tin-tuc/"]',
      'start_urls = "https://chuthapdo-x.example.vn/category/tin-tuc/"'), "start_urls must be a list"),
    (('province = "Lào Cai"', 'provice = "Lào Cai"'), "unknown field 'provice'"),
    (('family = "wordpress"', 'family = "wordpres"'), "unknown family 'wordpres'"),
    (('family = "wordpress"', 'family = "wordpress"\narticle_url = "([a-z"'), "article_url is not a valid regex"),
    (('start_urls = ["https://chuthapdo-x.example.vn/category/tin-tuc/"]',
      'start_urls = ["https://other.example.vn/tin-tuc/"]'), "start_urls has 'https://other.example.vn/tin-tuc/'"),
    (('id = "ctd-x"', 'id = "CTD X"'), "id 'CTD X' must be lowercase"),
    (('base_url = "https://chuthapdo-x.example.vn"', 'base_url = "chuthapdo-x.example.vn"'), "base_url"),
    (('name = "Hội Chữ thập đỏ tỉnh X"\n', ''), "lacks name"),
    (('province = "Lào Cai"', 'province = 12'), "province must be a string"),
    (('family = "wordpress"', 'family = "wordpress"\nlang = "fr"'), "lang must be one of vi, en"),
    (('family = "wordpress"', 'family = "wordpress"\ntopic = "sport"'), "unknown topic 'sport'"),
])
def test_each_mistake_is_one_line_naming_file_entry_and_field(tmp_path, change, field_named):
    path = write(tmp_path, GOOD.replace(*change))
    with pytest.raises(RegistryError) as err:
        load_sites(path)
    message = str(err.value)
    assert str(path) in message and "site #1 (" in message and field_named in message and "\n" not in message


def test_a_duplicate_id(tmp_path):
    with pytest.raises(RegistryError, match=r"site #2 \(ctd-x\): duplicate id 'ctd-x'"):
        load_sites(write(tmp_path, GOOD + "\n" + GOOD))


@pytest.mark.parametrize("text, message", [("[[site]\nid=", "not valid TOML"), ("site = 3", "must be a list")])
def test_a_file_that_is_no_registry(tmp_path, text, message):
    with pytest.raises(RegistryError, match=message):
        load_sites(write(tmp_path, text))


def test_a_missing_file(tmp_path):
    with pytest.raises(RegistryError, match="cannot be read"):
        load_sites(tmp_path / "none.toml")
