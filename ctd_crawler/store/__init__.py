"""The archive's code: schema migrations, writes, full-text search.

(Named apart from the top-level archive/ folder, which holds the data.)
"""

from ctd_crawler.store.archive import Archive, open_archive

__all__ = ["Archive", "open_archive"]
