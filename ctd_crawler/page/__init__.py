"""The page model: bytes -> decoded text -> parsed tree -> the family's raw fields.

`parse_page` is shared by the spider, `ctd-archive extract` and `reextract`, so all three
run the very same code on a page.
"""

from ctd_crawler.page.decode import UndecodablePage
from ctd_crawler.page.parse import parse_page

__all__ = ["UndecodablePage", "parse_page"]
