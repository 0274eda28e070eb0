"""Where the tests' data lives in the checkout (the package itself holds none of it)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SITES = FIXTURES / "sites"  # the offline mirror
EXPECTED = FIXTURES / "expected"  # hand-checked extraction of the mirror's articles
HELDOUT = FIXTURES / "heldout"  # pages of CMS families without a layout, annotated apart
