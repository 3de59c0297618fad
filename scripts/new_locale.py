"""`new-locale`: start a translation into a new language in one command.

It copies every default-locale page into `docs/<locale>/` as an untranslated stub (the checker
then reports each page as untranslated, and the site shows a notice on it), and adds the locale
to `concepts.yml` and to the i18n plugin's languages in `mkdocs.yml`. Both files are edited as
text, so their comments and layout survive.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from babel import Locale, UnknownLocaleError

from scripts.checks import DOCS_DIR
from scripts.registry import LOCALE_PATTERN, REGISTRY_FILE, Registry

MKDOCS_FILE = "mkdocs.yml"
LOCALES_LINE = re.compile(r"^(locales:\s*\[)([^\]]*)(\].*)$", re.MULTILINE)
LANGUAGE_ITEM = re.compile(r"^(\s*)- locale:\s*(\S+)\s*$")


class NewLocaleError(Exception):
    """The locale cannot be added; the message says why."""


def add_locale(root: Path, registry: Registry, locale: str) -> list[str]:
    """Create the stubs and register the locale. Returns the paths it wrote."""
    if not re.fullmatch(LOCALE_PATTERN, locale):
        raise NewLocaleError(f"'{locale}' is not a locale code such as 'sv' or 'pt-BR'")
    if locale in registry.locales or (root / DOCS_DIR / locale).exists():
        raise NewLocaleError(f"'{locale}' already exists")
    registry_text = _with_registry_locale((root / REGISTRY_FILE).read_text(encoding="utf-8"), locale)
    mkdocs_text = _with_mkdocs_language((root / MKDOCS_FILE).read_text(encoding="utf-8"), locale)
    written = []
    source_dir, target_dir = root / DOCS_DIR / registry.default_locale, root / DOCS_DIR / locale
    for name in registry.pages:
        (target_dir / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source_dir / name, target_dir / name)
        written.append(f"{DOCS_DIR}/{locale}/{name}")
    (root / REGISTRY_FILE).write_text(registry_text, encoding="utf-8")
    (root / MKDOCS_FILE).write_text(mkdocs_text, encoding="utf-8")
    return [*written, REGISTRY_FILE, MKDOCS_FILE]


def _with_registry_locale(text: str, locale: str) -> str:
    match = LOCALES_LINE.search(text)
    if match is None:
        raise NewLocaleError(f"{REGISTRY_FILE} has no one-line 'locales: [...]' list to extend")
    return text[: match.start()] + f"{match.group(1)}{match.group(2)}, {locale}{match.group(3)}" + text[match.end():]


def _with_mkdocs_language(text: str, locale: str) -> str:
    """Append a language entry after the last `- locale:` item of the i18n plugin."""
    lines = text.split("\n")
    items = [(index, LANGUAGE_ITEM.match(line)) for index, line in enumerate(lines) if LANGUAGE_ITEM.match(line)]
    if not items:
        raise NewLocaleError(f"{MKDOCS_FILE} lists no i18n languages ('- locale: …') to extend")
    last, match = items[-1]
    indent = match.group(1)
    end = last + 1
    while end < len(lines) and lines[end].startswith(indent + "  ") and lines[end].strip():
        end += 1
    entry = [f"{indent}- locale: {locale}", f"{indent}  name: {display_name(locale)}", f"{indent}  build: true"]
    return "\n".join(lines[:end] + entry + lines[end:])


def display_name(locale: str) -> str:
    """The language's own name for itself (for the language switcher), or the code if unknown."""
    try:
        return Locale.parse(locale.replace("-", "_")).get_display_name() or locale
    except (ValueError, UnknownLocaleError):
        return locale
