"""MkDocs hook: every page and the 404 page load their scripts deferred (see `scripts.page_speed`)."""

from __future__ import annotations

from scripts.page_speed import defer_external_scripts


def on_post_page(output, page, config):
    return defer_external_scripts(output)


def on_post_template(output, template_name, config):
    return defer_external_scripts(output)
