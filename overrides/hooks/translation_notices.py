"""MkDocs hook: make translation state visible in the site, never silent.

- refuses to build if the i18n plugin could fall back to English for a missing page;
- puts a notice, in the page's language, on a translated page that is outdated or untranslated,
  with a link to the English page;
- renders the translation-status table and the termbase glossary where a page asks for them
  (`<!-- translation-status -->`, `<!-- termbase -->`, `<!-- termbase-avoid -->`).
The page states come from `scripts.translation_status`, the same code as `make status`.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from scripts.checks import load_content
from scripts.registry import load_registry
from scripts.translation_status import page_state, status_table, translation_status

STATUS_MARKER = "<!-- translation-status -->"
TERMS_MARKER = "<!-- termbase -->"
AVOID_MARKER = "<!-- termbase-avoid -->"
NOTICE_STATES = ("outdated", "untranslated")
NOTICE_CLASS = "translation-notice"

_build = {}  # the content read for the current language build, keyed by "content"


def _i18n(config):
    plugin = config.plugins.get("i18n")
    if plugin is None:
        raise PluginError("translation_notices: the i18n plugin is not configured")
    return plugin


def on_config(config):
    if _i18n(config).config.fallback_to_default:
        raise PluginError("mkdocs.yml: the i18n plugin's fallback_to_default must be false: "
                          "a missing translation is an error, never a silent English page")
    return config


def on_pre_build(config):
    root = Path(config.config_file_path).parent
    registry, problems = load_registry(root)
    if registry is None:
        raise PluginError("\n".join(problem.format() for problem in problems))
    _build["content"] = load_content(root, registry)


def on_page_markdown(markdown, page, config, files):
    content = _build["content"]
    locale = _i18n(config).current_language
    strings = config.extra["handbook"]
    if STATUS_MARKER in markdown:
        markdown = markdown.replace(STATUS_MARKER, status_table(translation_status(content), strings["status_columns"]))
    names = {language.locale: language.name for language in _i18n(config).config.languages}
    if TERMS_MARKER in markdown:
        markdown = markdown.replace(TERMS_MARKER, terms_table(content, names))
    if AVOID_MARKER in markdown:
        markdown = markdown.replace(AVOID_MARKER, avoid_table(content, names, strings))
    if locale == content.registry.default_locale:
        return markdown
    name = page.file.src_uri.removeprefix(f"{locale}/")
    state = page_state(content, locale, name)
    if state in NOTICE_STATES:
        english_url = get_relative_url(page.url.removeprefix(f"{locale}/"), page.url)
        notice = strings[state].format(url=english_url)
        markdown = _after_h1(markdown, f'!!! warning {NOTICE_CLASS} "{strings["notice_title"]}"\n\n    {notice}\n')
    return markdown


def terms_table(content, names: dict[str, str]) -> str:
    """The termbase's preferred terms, one column per locale that has terms."""
    locales = [code for code in content.registry.locales if any(code in term for term in content.termbase.terms)]
    rows = ["| " + " | ".join(names.get(code, code) for code in locales) + " |", "|" + " --- |" * len(locales)]
    rows += ["| " + " | ".join(str(term.get(code, "")) for code in locales) + " |" for term in content.termbase.terms]
    return "\n".join(rows)


def avoid_table(content, names: dict[str, str], strings: dict) -> str:
    """The termbase's forbidden words, with the word to use instead."""
    rows = [f"| {strings['language_column']} | {strings['avoid_column']} | {strings['use_column']} |", "| --- | --- | --- |"]
    for code, words in content.termbase.forbidden.items():
        rows += [f"| {names.get(code, code)} | {word.word} | {word.use} |" for word in words]
    return "\n".join(rows)


def _after_h1(markdown: str, block: str) -> str:
    lines = markdown.split("\n")
    for index, line in enumerate(lines):
        if line.startswith("# "):
            return "\n".join(lines[: index + 1] + ["", block] + lines[index + 1 :])
    return block + "\n" + markdown
