"""MkDocs hook: every task-list checkbox gets its item's text as its accessible name.

pymdownx.tasklist renders the checkbox inside an empty <label>, so a screen reader announces
an unlabeled checkbox (axe: "Form elements must have labels").
"""

from __future__ import annotations

import html
import re

TASK_ITEM = re.compile(r'(<li class="task-list-item">\s*<label class="task-list-control"><input type="checkbox")([^>]*>.*?</label>)(.*?)(?=</li>|<ul|<ol)', re.DOTALL)
TAG = re.compile(r"<[^>]+>")


def on_page_content(content, page, config, files):
    def label(match: re.Match) -> str:
        text = " ".join(html.unescape(TAG.sub("", match.group(3))).split())
        return f'{match.group(1)} aria-label="{html.escape(text, quote=True)}"{match.group(2)}{match.group(3)}'

    return TASK_ITEM.sub(label, content)
