"""Old import path of the gazetteer, which moved to ctd_crawler.extract.places.gazetteer.

Kept for the callers outside the places extractor that still import it from here
(ctd_crawler/extract/people.py, benchmarks/bench_heldout.py); delete once they import
from the new path.
"""

from ctd_crawler.extract.places.gazetteer import (  # noqa: F401
    LEGACY,
    NEW,
    Gazetteer,
    Unit,
    exact_key,
    load_gazetteer,
    name_key,
    short_name,
)
