"""Translation state made visible in the site, never silent.

A translated page that is outdated or untranslated gets a notice in the page's language with a
link to the English page (the translation-status table is generated from the same data as
`handbook status`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

NOTICE_STATES = ("outdated", "untranslated")
NOTICE_CLASS = "translation-notice"


def notice_block(state: str, strings: Mapping[str, Any], english_url: str) -> str:
    """The admonition put under the first heading of an outdated or untranslated page."""
    notice = strings[state].format(url=english_url)
    return f'!!! warning {NOTICE_CLASS} "{strings["notice_title"]}"\n\n    {notice}\n'


def after_h1(markdown: str, block: str) -> str:
    lines = markdown.split("\n")
    for index, line in enumerate(lines):
        if line.startswith("# "):
            return "\n".join([*lines[: index + 1], "", block, *lines[index + 1 :]])
    return block + "\n" + markdown
