"""The translator commands as the guides teach them, for the messages that tell a reader to run one.

A translator runs `make diff PAGE=roadblocks.md`, `make stamp PAGE=roadblocks.md [UNCHANGED=1]` and
`make term WORD=kunde` from the project's folder, with nothing activated; `handbook` itself is not on
their PATH. So a message names the `make` form, with `LOCALE=` only for a locale other than the
Makefile's default. That default is read from the Makefile (`LOCALE ?= nb`), the one place it is
written. The Makefile is the one beside the package's source (`scripts/handbook/` in the project),
whose targets run this package. Installed without it (from a wheel), the package names its own
`handbook` command instead.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

MAKEFILE = Path(__file__).resolve().parents[2] / "Makefile"
# `LOCALE ?= nb` (or `:=`, `=`): the locale `make diff` and `make stamp` work on unless told.
DEFAULT_LOCALE = re.compile(r"^LOCALE[ \t]*[?:]?=[ \t]*(\S+)[ \t]*$", re.MULTILINE)
BARE_VALUE = re.compile(r"[\w./+-]+")  # a make variable's value typed without quotes


@cache
def make_default_locale(makefile: Path = MAKEFILE) -> str | None:
    """The Makefile's default LOCALE, or None without a Makefile that sets one."""
    try:
        text = makefile.read_text(encoding="utf-8")
    except OSError:
        return None
    found = DEFAULT_LOCALE.search(text)
    return found.group(1) if found else None


def diff_command(locale: str, page: str, *, makefile: Path = MAKEFILE) -> str:
    """How to see the English change since `page` of `locale` was stamped: `make diff PAGE=…`."""
    return _command("diff", locale, page, makefile=makefile)


def stamp_command(locale: str, page: str, *, unchanged: bool = False, makefile: Path = MAKEFILE) -> str:
    """How to stamp `page` of `locale`: `make stamp PAGE=…`, with `UNCHANGED=1` for `--unchanged`."""
    return _command("stamp", locale, page, unchanged=unchanged, makefile=makefile)


def _command(name: str, locale: str, page: str, *, unchanged: bool = False, makefile: Path) -> str:
    default = make_default_locale(makefile)
    if default is None:
        return " ".join(["handbook", name, *(["--unchanged"] if unchanged else []), locale, _quoted(page)])
    variables = [f"PAGE={_quoted(page)}", *(["UNCHANGED=1"] if unchanged else [])]
    variables += [f"LOCALE={locale}"] if locale != default else []
    return " ".join(["make", name, *variables])


def _quoted(value: str) -> str:
    """`value` as a shell reads it back whole: bare when it can be, else in double quotes (as the guides
    write several pages: PAGE="roadblocks.md mistakes.md")."""
    if BARE_VALUE.fullmatch(value):
        return value
    return '"' + re.sub(r'(["\\$`])', r"\\\1", value) + '"'
