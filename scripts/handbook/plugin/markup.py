"""Fixes to the rendered HTML of every page: accessible checklist boxes, valid markup, and the
language of an untranslated page's body.

- pymdownx.tasklist renders each checkbox inside an empty <label>, so a screen reader announces
  an unlabeled checkbox: each gets its item's text as its accessible name;
- Material puts `autocomplete="off"` on its drawer and search toggles, which are checkboxes; HTML
  allows the attribute only on text-like inputs (the Nu HTML checker reports it on every page);
- an untranslated page shows English under `<html lang="nb">`: its article says `lang="en"`;
  a notice says which language it is in wherever that differs from the text around it.
"""

from __future__ import annotations

import html
import re

from handbook.plugin.notices import NOTICE_CLASS

TASK_ITEM = re.compile(
    r'(<li class="task-list-item">\s*<label class="task-list-control"><input type="checkbox")'
    r"([^>]*>.*?</label>)(.*?)(?=</li>|<ul|<ol)",
    re.DOTALL,
)
TAG = re.compile(r"<[^>]+>")
CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^>]*type="checkbox"[^>]*?) autocomplete="off"')
ARTICLE = '<article class="md-content__inner md-typeset">'
NOTICE_DIV = f'<div class="admonition warning {NOTICE_CLASS}">'


def label_checkboxes(content: str) -> str:
    def label(match: re.Match[str]) -> str:
        text = " ".join(html.unescape(TAG.sub("", match.group(3))).split())
        return f'{match.group(1)} aria-label="{html.escape(text, quote=True)}"{match.group(2)}{match.group(3)}'

    return TASK_ITEM.sub(label, content)


def drop_checkbox_autocomplete(output: str) -> str:
    """Material's drawer and search toggles without `autocomplete`, which HTML allows only on text-like inputs."""
    return CHECKBOX_AUTOCOMPLETE.sub(r"\1", output)


def in_language(output: str, body_locale: str, notice_locale: str, page_locale: str) -> str:
    """Mark an article written in another language than its page, and a notice not yet translated."""
    if body_locale != page_locale:
        output = output.replace(ARTICLE, ARTICLE.replace("<article ", f'<article lang="{body_locale}" '), 1)
    if notice_locale != body_locale:
        output = output.replace(NOTICE_DIV, NOTICE_DIV.replace(">", f' lang="{notice_locale}">'), 1)
    return output
