"""Chinese and Arabic numbers as printed in plans -> numbers.

Recognises Chinese numerals with or without multipliers (两, 十二, 一百零三,
二〇二三 read digit by digit), financial forms (壹贰叁), Arabic digits in ASCII
or full width with a decimal point or thousands commas, a magnitude suffix
(万, 亿, 千万), the percentage form 百分之三 and shares as
fractions (1/3, 三分之一, 一半) or tenths (三成: 0.3, as a fraction is read).

>>> chinese_to_int("十七")
17
>>> chinese_to_int("七十二")
72
>>> chinese_to_int("一百零三")
103
>>> chinese_to_int("两千")
2000
>>> chinese_to_int("二〇二三")
2023
>>> parse_number("1.5万")
15000
>>> parse_number("５０万")
500000
>>> parse_number("100亿")
10000000000
>>> parse_number("1,500")
1500
>>> parse_number("百分之三")
3
>>> parse_number("两")
2
>>> parse_number("0.07万"), parse_number("6.5")
(700, 6.5)
>>> parse_number("万"), parse_number("千"), parse_number("万亿"), parse_number("千亿")
(10000, 1000, 1000000000000, 100000000000)
>>> parse_number("1/3"), parse_number("一半"), parse_number("三成"), parse_number("百分之百")
(0.3333333333333333, 0.5, 0.3, 100)
>>> parse_number("abc") is None
True
"""

from __future__ import annotations

from functools import lru_cache

from .lexicon import MAGNITUDES

_DIGITS = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "壹": 1,
    "二": 2,
    "贰": 2,
    "两": 2,
    "三": 3,
    "叁": 3,
    "四": 4,
    "肆": 4,
    "五": 5,
    "伍": 5,
    "六": 6,
    "陆": 6,
    "七": 7,
    "柒": 7,
    "八": 8,
    "捌": 8,
    "九": 9,
    "玖": 9,
}
_SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
_MAGNITUDES_LONGEST_FIRST = sorted(MAGNITUDES, key=len, reverse=True)
_MAGNITUDE_ENDS = {suffix[-1] for suffix in MAGNITUDES}
_ARABIC_STARTS = set("0123456789０１２３４５６７８９.．")
_FULLWIDTH = str.maketrans("０１２３４５６７８９．，", "0123456789.,")
#: Digits of the longest number read: a longer run is not a quantity in any plan, and Python
#: converts between int and text in time that grows with the square of the digits.
MAX_DIGITS = 1000


@lru_cache(maxsize=4096)
def chinese_to_int(text: str) -> int | None:
    """Value of a Chinese numeral, or None when it is not one.

    >>> chinese_to_int("十")
    10
    >>> chinese_to_int("二十一")
    21
    >>> chinese_to_int("一万二千")
    12000
    >>> chinese_to_int("十四五") is None
    True
    >>> chinese_to_int("") is None
    True
    """
    if not text or len(text) > MAX_DIGITS:
        return None
    if any(ch not in _DIGITS and ch not in _SMALL_UNITS and ch not in _BIG_UNITS for ch in text):
        return None
    if all(ch in _DIGITS for ch in text) and len(text) > 1:
        # 二〇二三: a digit-by-digit reading (years); 十四五 is not one.
        return int("".join(str(_DIGITS[ch]) for ch in text))
    total = section = 0
    digit: int | None = None
    last_small = 10**9
    for ch in text:
        if ch in _DIGITS:
            if digit is not None and _DIGITS[ch] != 0 and digit != 0:
                return None  # two digits in a row: 十四五
            digit = _DIGITS[ch]
        elif ch in _SMALL_UNITS:
            unit = _SMALL_UNITS[ch]
            if unit >= last_small:
                return None  # 十百: multipliers out of order
            section += (1 if digit is None else digit) * unit
            digit, last_small = None, unit
        else:
            if not (total or section or digit):
                return None  # 万 with nothing before it
            total = (total + section + (digit or 0)) * _BIG_UNITS[ch]
            section, digit, last_small = 0, None, 10**9
    return total + section + (digit or 0)


def numeral_value(numeral: str) -> int | None:
    """The value of a number printed as a task's or a row's number: digits, ASCII or full-width, or a
    Chinese numeral.

    >>> numeral_value("12"), numeral_value("１２"), numeral_value("十二"), numeral_value("甲")
    (12, 12, 12, None)
    """
    digits = numeral.translate(_FULLWIDTH)
    return int(digits) if digits.isdigit() else chinese_to_int(numeral)


def arabic_to_float(text: str) -> float | None:
    """Value of a number in ASCII or full-width digits.

    >>> arabic_to_float("１０")
    10.0
    >>> arabic_to_float("6.5")
    6.5
    >>> arabic_to_float("1,234,567")
    1234567.0
    >>> arabic_to_float("1.2.3") is None
    True
    """
    plain = text.translate(_FULLWIDTH).replace(",", "")
    try:
        return float(plain)
    except ValueError:
        return None  # also for "1.2.3"; float() accepts "nan" and "inf", which never reach here


def _decimal(text: str) -> tuple[int, int] | None:
    """A number in ASCII or full-width digits, with a decimal point or thousands commas, as
    (digits, scale): its value is digits / 10**scale, exactly.

    >>> _decimal("１,234.50"), _decimal("1.2.3"), _decimal("1e5")
    ((123450, 2), None, None)
    """
    whole, _, fraction = text.translate(_FULLWIDTH).replace(",", "").partition(".")
    digits = whole + fraction
    if not digits or not (digits.isascii() and digits.isdigit()) or len(digits) > MAX_DIGITS:
        return None
    return int(digits), len(fraction)


def _exact(digits: int, scale: int, multiplier: int) -> int | float | None:
    """digits / 10**scale * multiplier: an int when whole, else the float that prints as
    this decimal, or None where no float does (more significant digits than a float holds).

    >>> _exact(15, 1, 10_000), _exact(65, 1, 1), _exact(10**20 + 1, 20, 1) is None
    (15000, 6.5, True)
    """
    denominator: int = 10**scale
    whole, rest = divmod(digits * multiplier, denominator)
    if not rest:
        return whole
    printed = f"{whole}.{rest:0{scale}d}".rstrip("0")
    value = float(printed)
    return value if repr(value) == printed else None


@lru_cache(maxsize=4096)  # plans repeat their numbers (1, 10, 100%): each is read once
def parse_number(text: str) -> int | float | None:
    """Value of a printed number with its magnitude (万, 亿) folded in, exactly (see _exact)."""
    text = text.strip()
    if text.isascii() and text.isdigit():
        return int(text) if len(text) <= MAX_DIGITS else None  # the common case: 50, 2025
    if not text:
        return None
    if text.startswith("百分之"):
        return parse_number(text[3:])
    if text in MAGNITUDES:
        return MAGNITUDES[text]  # a magnitude alone: 超万亿元, 百万人次
    fraction = _fraction(text)
    if fraction is not None:
        return fraction
    multiplier = 1
    if text[-1] in _MAGNITUDE_ENDS:
        for suffix in _MAGNITUDES_LONGEST_FIRST:
            if text.endswith(suffix) and len(text) > len(suffix):
                head = text[: -len(suffix)]
                if _decimal(head) is not None or chinese_to_int(head) is not None:
                    multiplier, text = MAGNITUDES[suffix], head
                    break
    decimal = _decimal(text) if text[0] in _ARABIC_STARTS else None
    if decimal is not None:
        return _exact(*decimal, multiplier)
    as_int = chinese_to_int(text)
    return None if as_int is None else as_int * multiplier


def _fraction(text: str) -> float | None:
    """The value of a fraction as printed: 1/3, 三分之一, 一半, and of tenths (三成, 八成: N/10).

    >>> _fraction("1/3"), _fraction("三分之二"), _fraction("一半"), _fraction("8")
    (0.3333333333333333, 0.6666666666666666, 0.5, None)
    >>> _fraction("八成"), _fraction("两成"), _fraction("成")
    (0.8, 0.2, None)
    """
    if text == "一半":
        return 0.5
    if len(text) == 2 and text[1] == "成" and text[0] in _DIGITS and _DIGITS[text[0]]:
        return _DIGITS[text[0]] / 10  # 三成: three tenths
    for mark, numerator_first in (("/", True), ("分之", False)):
        head, found, tail = text.partition(mark)
        if found:
            top, bottom = (head, tail) if numerator_first else (tail, head)
            numerator, denominator = parse_number(top), parse_number(bottom)
            if numerator is None or not denominator:
                return None
            return numerator / denominator
    return None


def normalise(value: int | float) -> int | float:
    """An integral float as int, so that JSON shows 10 and not 10.0.

    >>> normalise(10.0), normalise(1.5), normalise(10**30)
    (10, 1.5, 1000000000000000000000000000000)
    """
    return int(value) if isinstance(value, float) and value.is_integer() else value
