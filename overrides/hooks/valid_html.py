"""MkDocs hook: remove the one thing in the theme's markup that is not valid HTML.

Material puts `autocomplete="off"` on its drawer and search toggles, which are checkboxes;
HTML allows the attribute only on text-like inputs, so the Nu HTML checker reports two errors
on every page. The attribute only stops a browser from restoring the toggles after a reload.
"""

from __future__ import annotations

import re

CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^>]*type="checkbox"[^>]*?) autocomplete="off"')


def valid(output: str) -> str:
    return CHECKBOX_AUTOCOMPLETE.sub(r"\1", output)


def on_post_page(output, page, config):
    return valid(output)


def on_post_template(output, template_name, config):
    return valid(output)
