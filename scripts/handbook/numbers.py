"""The numbers a text states, as digits or as words, so that `stamp --unchanged` can tell when an
English change is a change of number ("twice" → "three times") and look for the new number in the
translation.

Simple on purpose, and documented as such in TRANSLATING.md: each run of digits is one whole
number (so "1.5" and "1,5" both read as 1 and 5, "10,000" and "10 000" both as 10 and 0), and the
words below stand for their numbers. "One" and "once", and Bokmål's "en", "ei" and "et", are left
out: they are as often a pronoun, a conjunction or an article as a number. Ordinals are left out
too ("second" is also a unit of time; "andre" also means "other"). A locale with no words here is
compared by digits only.
"""

from __future__ import annotations

import re

_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80}
NUMBER_WORDS: dict[str, dict[str, int]] = {
    "en": {
        **{"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10},
        **{"eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16},
        **{"seventeen": 17, "eighteen": 18, "nineteen": 19, **_TENS, "ninety": 90},
        **{"hundred": 100, "thousand": 1000, "twice": 2},
    },
    "nb": {
        **{"to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6, "sju": 7, "syv": 7, "åtte": 8, "ni": 9, "ti": 10},
        **{"elleve": 11, "tolv": 12, "tretten": 13, "fjorten": 14, "femten": 15, "seksten": 16},
        **{"sytten": 17, "atten": 18, "nitten": 19, "tjue": 20, "tyve": 20, "tretti": 30, "tredve": 30},
        **{"førti": 40, "femti": 50, "seksti": 60, "sytti": 70, "åtti": 80, "nitti": 90},
        **{"hundre": 100, "tusen": 1000},
    },
}
# Runs of digits, and runs of letters (so "3rd" is 3 and "rd", and "twenty-five" is 20 and 5).
_TOKEN = re.compile(r"\d+|[^\W\d_]+")


def numbers_in(text: str, locale: str) -> set[int]:
    """Every number `text` states, as digits or as one of the locale's number words."""
    words = NUMBER_WORDS.get(locale, {})
    found = set()
    for token in _TOKEN.findall(text.lower()):
        if token.isdigit():
            found.add(int(token))
        elif token in words:
            found.add(words[token])
    return found


def written_forms(number: int, locale: str) -> list[str]:
    """The ways the locale may write `number`: its digits, then its words."""
    return [str(number), *(word for word, value in NUMBER_WORDS.get(locale, {}).items() if value == number)]


# The house style (STYLE.md) spells out numbers up to this one and writes larger ones in digits.
SPELLED_OUT_UP_TO = 9


def quoted_forms(number: int, locale: str) -> str:
    """`number`'s forms for a message, the house style's first: 'tre' or '3', but '12' or 'tolv'."""
    written = written_forms(number, locale)
    if number <= SPELLED_OUT_UP_TO:
        written = written[1:] + written[:1]
    forms = [f"'{form}'" for form in written]
    return forms[0] if len(forms) == 1 else f"{', '.join(forms[:-1])} or {forms[-1]}"
