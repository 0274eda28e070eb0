"""The places extractor's closed grammar: token and gap patterns, unit ranks, limits.

Open vocabularies (unit words, aliases, regions, countries, person cues, list and plural
words) are data, in extract/data/places/.
"""

from __future__ import annotations

import re
from datetime import date

from ctd_crawler.extract.tokens import Grain

# The 34-province units are in force from this day (the 63-province units before it).
REFORM = date(2025, 7, 1)
# Levels of the units, lowest first: a hierarchy is written upwards ("xã X, huyện Y").
RANK = {"village": 0, "commune": 1, "district": 2, "province": 3}
MAX_NAME = 5  # syllables in a name after a unit word ("Văn Miếu Quốc Tử Giám")
MAX_BARE = 8  # tokens in a lexicon entry ("Trung du và miền núi phía Bắc")

# Words (with inner apostrophes: "Đắk R'La", "Cư M'gar") and single punctuation marks.
# Letters and digits glued are one word ("Quận1"), an apostrophe keeps one ("Đắk R'La").
GRAIN = Grain(word_joiners="'’", alphanumeric=True, dropped="_")
# Between two syllables of one name: spaces only, or a hyphen ("Phan Rang - Tháp Chàm").
SPACE_GAP = re.compile(r"[ \t\u00a0]*")
HYPHEN_GAP = re.compile(r"[ \t\u00a0]*[-–][ \t\u00a0]*")
HYPHENS = "-–"
# Between a mention and the unit above it: "xã X, huyện Y", "huyện X (Y)", "X thuộc Y".
CHAIN_GAP = re.compile(r"[\s,;\-–()]*(?:thuộc|trực thuộc|của)?[\s,;\-–()]*", re.IGNORECASE)
# Between the names of a list or hierarchy after a mention: punctuation, then maybe "và".
FOLLOW_PUNCT = ",;()-–"
FOLLOW_AND = "và"
# English lists: "X, Y and Z districts", "X, Y, and Z".
ENGLISH_LIST_SEP = ("and", ",", "&")
