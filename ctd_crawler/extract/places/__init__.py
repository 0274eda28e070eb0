"""Places in an article: administrative units resolved against the gazetteer.

Order of work (one article), one module each:
1. lines.py: tokenise each line into words and punctuation (mentions never cross a line).
2. finder.py (with match.py): institution names set aside (institutions.py), unit words
   followed by a name ("huyện Ba Bể", "TP. Hồ Chí Minh"), the lists and hierarchies written
   after them (lists.py), English forms ("Lao Cai province"; english.py), and bare names from
   the lexicons (lexicon.py, extract/data/places/).
3. resolve.py: names shared by several units, resolved by the hierarchy written next
   to them, the other places of the article and their provinces, then the site's province.
4. assemble.py: one Place per distinct place, in order of first mention; villages
   placed; former units kept as named; provinces named as on the article's date.
The gazetteer (gazetteer.py) holds the units of both eras; patterns.py the grammar.

Error policy: never raises on str input; bad input gives fewer places.
"""

from __future__ import annotations

from datetime import date, datetime

from ctd_crawler.extract.places.assemble import Place, as_named_on, dedupe, place
from ctd_crawler.extract.places.finder import Finder
from ctd_crawler.extract.places.gazetteer import load_gazetteer
from ctd_crawler.extract.places.resolve import chains, resolve
from ctd_crawler.extract.text import nfc, without_datelines

__all__ = ["Place", "extract_places", "load_gazetteer"]


def _as_date(on) -> date | None:
    """A datetime compares badly with a date, and pipelines may hand over ISO strings."""
    if isinstance(on, datetime):
        return on.date()
    if isinstance(on, str):
        try:
            return date.fromisoformat(on[:10])
        except ValueError:
            return None
    return on if isinstance(on, date) else None


def extract_places(text: str, *, on: date | None = None, province_hint: str | None = None,
                   lang: str = "vi") -> list[Place]:
    """Every place of an article (title + blank line + body), once each, in order."""
    if not isinstance(text, str) or not text.strip():
        return []
    text = without_datelines(nfc(text))
    mentions = Finder(text, _as_date(on), lang or "vi").run()
    chains(mentions, text)
    resolve(mentions, province_hint)
    return as_named_on(dedupe(mentions, [place(m) for m in mentions]), _as_date(on))
