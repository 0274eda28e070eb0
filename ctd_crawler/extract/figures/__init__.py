"""Money figures and counted results (beneficiaries, gifts, blood units) in article text.

Numbers are read by `numbers.py` (digit groups, decimal comma, scale and number words);
`figure.py` reads each figure once (number(s), currency mark, range, "/unit"); `money.py`
decides which figures are money, `counts.py` which are counted results, and `scan.py`
runs the text left to right through them. Closed grammar is in `patterns.py`; the word
lists are data (extract/data/figures/, money/, counts/, read by `vocabulary.py`). The
rules are written in each module's docstring.
"""

from .counts import Count
from .money import Money
from .numbers import (
    DIGIT_WORDS,
    SCALE_WORDS,
    NumberSpan,
    Token,
    digit_readings,
    parse_number,
    read_number,
    tokenize,
)
from .scan import extract_counts, extract_money, extract_money_and_counts

__all__ = [
    "DIGIT_WORDS",
    "SCALE_WORDS",
    "Count",
    "Money",
    "NumberSpan",
    "Token",
    "digit_readings",
    "extract_counts",
    "extract_money",
    "extract_money_and_counts",
    "parse_number",
    "read_number",
    "tokenize",
]
