"""People named in an article, with honorific, prefix, title and organisation.

Rules over tokenised lines, driven by lexicons in data/people/ (surnames incl.
ethnic-minority and Chinese/Korean ones, honorifics, prefixes, title head words and their
abbreviations, organisation words, sentence openers, abbreviations and known typos). The
modules, in the order the text passes through them:

- tokens.py: tokens of a line (dotted abbreviations one word, a hyphen glued before a
  title cut) and phrase look-up (lexicon.py builds the phrase tables);
- scanner.py: what a token run is (honorific, prefix, title head, personal name, place);
- titles.py: title spans before and after a name;
- parser.py: person mentions in a line, in four shapes (alias, cue, title, bare name);
- assemble.py: one Person per person of the article, with the first title stated.

Error policy: never raises on str input; output is bounded by the input (one pass over
the tokens of each line, each look-ahead capped), so a 200 KB body stays linear.
Offsets (`start`) refer to the NFC form of the input.
"""

from __future__ import annotations

from ctd_crawler.extract.people.assemble import Person, merge, person_key, spelling_rank
from ctd_crawler.extract.people.lexicon import lexicon
from ctd_crawler.extract.people.parser import LineParser, Mention
from ctd_crawler.extract.people.tokens import tokenize
from ctd_crawler.extract.text import nfc, without_related_list

__all__ = ["Person", "extract_people", "person_key", "spelling_rank"]


def extract_people(text: str, *, province_hint: str | None = None, lang: str = "vi") -> list[Person]:
    """Distinct people named in title + body, once each, with the first title stated.

    `province_hint` (the site's province) completes a bare "UBND tỉnh" when the article
    names no province.
    """
    if not isinstance(text, str) or not text.strip():
        return []
    lex = lexicon()
    text = without_related_list(nfc(text))
    mentions: list[Mention] = []
    offset = 0
    for line in text.split("\n"):
        # A line without a capital letter cannot hold a name (the rules need one).
        if line.strip() and line.lower() != line:
            mentions.extend(LineParser(line, tokenize(line, offset, lex.spelling.dotted), lex).parse(offset))
        offset += len(line) + 1
    return merge(text, mentions, lex, province_hint)
