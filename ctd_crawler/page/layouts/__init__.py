"""Layouts: one module per CMS family, plus the generic fallback.

Each family module defines `LAYOUT`, a `Layout` subclass. The registry entry of a site
names its family; for an unknown host the family is detected from the page signature.
"""

from __future__ import annotations

import importlib
from functools import cache

from lxml import etree

from ctd_crawler.page.layouts.base import Layout, RawArticle

FAMILIES = ("wordpress", "nukeviet", "joomla", "newsportal", "vesportal", "threecms")
GENERIC = "generic"


@cache
def layout_class(family: str) -> type[Layout]:
    if family not in FAMILIES + (GENERIC,):
        raise KeyError(f"unknown CMS family {family!r}; known: {', '.join(FAMILIES + (GENERIC,))}")
    return importlib.import_module(f"ctd_crawler.page.layouts.{family}").LAYOUT


def get_layout(family: str) -> Layout:
    return layout_class(family)()


def detect_family(tree: etree._Element) -> str:
    """The family whose signature the page carries, else the generic layout."""
    for family in FAMILIES:
        if layout_class(family).matches(tree):
            return family
    return GENERIC


__all__ = ["FAMILIES", "GENERIC", "Layout", "RawArticle", "detect_family", "get_layout", "layout_class"]
