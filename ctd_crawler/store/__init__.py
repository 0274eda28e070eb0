"""The archive's code: schema migrations, the one writer, re-extraction.

(Named apart from the top-level archive/ folder, which holds the data.)
"""

from ctd_crawler.store.archive import Archive, ArchiveError, open_archive

__all__ = ["Archive", "ArchiveError", "open_archive"]
