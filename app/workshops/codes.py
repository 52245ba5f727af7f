"""Join codes: 6 digits, shown and read in two groups („482 915“), easy to type on a number pad.

Digits rather than words: a person who reads little can match digits one by one from the poster, a
screen reader says them clearly, and they are the same in every language. 900,000 codes, each used
once for ever, so an old poster never leads into a new workshop; join tries are limited (operations).
"""
from __future__ import annotations

import re
import secrets
import unicodedata

LENGTH = 6


def new_code() -> str:
    """A random join code (no leading zero, so it never loses a digit in a spreadsheet)."""
    return str(100_000 + secrets.randbelow(900_000))


def normalise(typed: str | None) -> str | None:
    """The code in what a person typed (spaces, dashes, dots allowed between digits), or None."""
    digits = re.sub(r"[\s\-.·]", "", ascii_digits(typed or ""))
    return digits if re.fullmatch(r"[0-9]{%d}" % LENGTH, digits) else None


def ascii_digits(typed: str) -> str:
    """Digits of any script as 0-9: an Arabic keypad sends „٤٨٢٩١٥“, a Japanese one „４８２９１５“."""
    return "".join(str(unicodedata.decimal(char)) if unicodedata.decimal(char, None) is not None else char
                   for char in typed)


def shown(code: str) -> str:
    """The code as the poster and staff pages show it: two groups of 3."""
    return f"{code[:3]} {code[3:]}"
