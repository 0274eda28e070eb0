"""Vietnamese number reading: digit groups, decimal marks, scale words, number words."""

from decimal import Decimal

import pytest

from ctd_crawler.extract.figures import digit_readings, parse_number

# (text, lang, expected value or None when it is not one readable number)
NUMBERS = [
    ("401.489", "vi", 401489),
    ("1.300", "vi", 1300),
    ("2,8 tỷ", "vi", 2_800_000_000),
    ("208,500 tỷ", "vi", 208_500_000_000),
    ("1,5 triệu", "vi", 1_500_000),
    ("1.5 triệu", "vi", 1_500_000),
    ("1,200,000", "vi", 1_200_000),
    ("1.200.000", "vi", 1_200_000),
    ("1.234.567,5", "vi", Decimal("1234567.5")),
    ("1,234,567.5", "en", Decimal("1234567.5")),
    ("398.1 billion", "en", 398_100_000_000),
    ("1,200", "en", 1200),
    ("1.5 million", "en", 1_500_000),
    ("2 thousand", "en", 2000),
    ("1 tỷ 200 triệu", "vi", 1_200_000_000),
    ("2 triệu 500 nghìn", "vi", 2_500_000),
    ("2 triệu 500 ngàn", "vi", 2_500_000),
    ("3 nghìn tỷ", "vi", 3_000_000_000_000),
    ("1,5 nghìn tỷ", "vi", 1_500_000_000_000),
    ("5 trăm nghìn", "vi", 500_000),
    ("200 tỉ", "vi", 200_000_000_000),
    ("một tỷ", "vi", 1_000_000_000),
    ("Một Tỷ", "vi", 1_000_000_000),
    ("hai trăm triệu", "vi", 200_000_000),
    ("mười lăm", "vi", 15),
    ("mười lăm triệu", "vi", 15_000_000),
    ("hai mươi lăm nghìn", "vi", 25_000),
    ("ba mươi tư", "vi", 34),
    ("hai mươi mốt", "vi", 21),
    ("một trăm linh năm", "vi", 105),
    ("hai triệu rưỡi", "vi", 2_500_000),
    ("một tỷ hai trăm triệu", "vi", 1_200_000_000),
    ("năm trăm nghìn", "vi", 500_000),
    ("05", "vi", 5),
    # a stray space after a group mark, then a group of three starting with "0"
    ("75. 000.000", "vi", 75_000_000),
    ("45. 000", "vi", 45_000),
    ("1,5. 000", "vi", None),
    # not one number
    ("1.2.3.4", "vi", None),
    ("0912345678", "vi", None),
    ("0912.345.678", "vi", None),
    ("12345678901234567890123", "vi", None),
    ("triệu", "vi", None),
    ("hàng trăm triệu", "vi", None),
    ("năm năm", "vi", None),
    ("một trăm linh", "vi", None),
    ("500 nghìn 2 triệu", "vi", None),
    ("", "vi", None),
    ("abc", "vi", None),
    ("75. 500", "vi", None),  # a sentence that ends in 75, then one that starts with 500
    ("75.  000", "vi", None),
    ("75. 05", "vi", None),
    ("75 .000", "vi", None),
]


@pytest.mark.parametrize("text,lang,expected", NUMBERS)
def test_parse_number(text, lang, expected):
    value = parse_number(text, lang)
    if expected is None:
        assert value is None
    else:
        assert value == Decimal(expected)


@pytest.mark.parametrize(
    "digits,lang,expected",
    [
        ("208,500", "vi", [Decimal("208.5"), Decimal(208500)]),  # decimal comma first
        ("208,500", "en", [Decimal(208500), Decimal("208.5")]),
        ("401.489", "vi", [Decimal(401489), Decimal("401.489")]),
        ("2,85", "vi", [Decimal("2.85")]),
        ("1,200,000", "en", [Decimal(1200000)]),
        ("1.2.3.4", "vi", []),
        ("1,", "vi", []),
    ],
)
def test_digit_readings(digits, lang, expected):
    assert digit_readings(digits, lang) == expected
