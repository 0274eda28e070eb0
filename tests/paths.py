"""Where the tests' data lives in the checkout (the package itself holds none of it)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SITES = FIXTURES / "sites"  # the offline mirror
EXPECTED = FIXTURES / "expected"  # hand-checked extraction of the mirror's articles
HELDOUT = FIXTURES / "heldout"  # pages of CMS families without a layout, annotated apart
# The article the project was created from, as a person sees it: beside the checkout, not in it
# (tests that read it skip on a machine without ../shared).
SEED_TEXT = ROOT.parent / "shared" / "seeds" / "000_0993374ef8b464a8.txt"
# Its page on the mirror, and that page's real URL.
SEED_URL = "https://chuthapdobg.org.vn/ves-portal/3174/HOI-NGHI-SO-KET-SAU-THANG-DAU-NAM-2024---CUM-THI-DUA-SO-4.html"
SEED_PAGE = SITES / "chuthapdobg.org.vn" / "ves-portal" / "3174" / "HOI-NGHI-SO-KET-SAU-THANG-DAU-NAM-2024---CUM-THI-DUA-SO-4.html"
