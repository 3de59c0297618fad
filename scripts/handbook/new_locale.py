"""`new-locale`: start a translation into a new language in one command.

It copies every default-locale page into `docs/<locale>/` as an untranslated stub (the checker
then reports each page as untranslated, and the site shows a notice on it), and adds the locale
to `concepts.yml` and to the i18n plugin's languages in `mkdocs.yml`. Both files are edited as
text, so their comments and layout survive.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

import yaml
from babel import Locale, UnknownLocaleError

from handbook.locales import DOCS_DIR, LOCALE_PATTERN
from handbook.registry import REGISTRY_FILE, Registry

MKDOCS_FILE = "mkdocs.yml"
DRAFTS_LINE = re.compile(r"^(drafts:\s*\[)([^\]]*)(\].*)$", re.MULTILINE)
LOCALES_LINE = re.compile(r"^(locales:\s*\[)([^\]]*)(\].*)$", re.MULTILINE)
LANGUAGE_ITEM = re.compile(r"^(\s*)- locale:\s*(\S+)\s*$")


class NewLocaleError(Exception):
    """The locale cannot be added; the message says why."""


def add_locale(root: Path, registry: Registry, locale: str) -> list[str]:
    """Create the stubs and register the locale. Returns the paths it wrote.

    Everything is checked before anything is written; the stubs are written to a scratch
    folder first and moved into place in one step, so a failure leaves nothing half done."""
    if not re.fullmatch(LOCALE_PATTERN, locale):
        raise NewLocaleError(f"'{locale}' is not a locale code such as 'sv' or 'pt-BR'")
    if locale in registry.locales or (root / DOCS_DIR / locale).exists():
        raise NewLocaleError(f"'{locale}' already exists")
    if not theme_supports(locale):
        raise NewLocaleError(
            f"the theme (Material) has no interface language '{locale}', so the site could not be built"
        )
    source_dir, target_dir = root / DOCS_DIR / registry.default_locale, root / DOCS_DIR / locale
    missing = [name for name in registry.pages if not (source_dir / name).is_file()]
    if missing:
        raise NewLocaleError(f"the default locale lacks {', '.join(missing)}: run `make check` first")
    try:
        registry_text = _with_registry_locale((root / REGISTRY_FILE).read_text(encoding="utf-8"), locale)
        mkdocs_text = (root / MKDOCS_FILE).read_text(encoding="utf-8")
        mkdocs_text = with_mkdocs_language(mkdocs_text, locale, interface_texts(mkdocs_text))
        with tempfile.TemporaryDirectory(dir=root / DOCS_DIR) as scratch:
            for name in registry.pages:
                (Path(scratch) / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source_dir / name, Path(scratch) / name)
            Path(scratch).rename(target_dir)
            Path(scratch).mkdir()  # for TemporaryDirectory's clean-up
        (root / REGISTRY_FILE).write_text(registry_text, encoding="utf-8")
        (root / MKDOCS_FILE).write_text(mkdocs_text, encoding="utf-8")
    except OSError as error:
        raise NewLocaleError(f"cannot write the new locale: {error}") from error
    return [*(f"{DOCS_DIR}/{locale}/{name}" for name in registry.pages), REGISTRY_FILE, MKDOCS_FILE]


def theme_supports(locale: str) -> bool:
    """Whether Material ships interface texts for the locale (its partials/languages/<code>.html)."""
    spec = importlib.util.find_spec("material")
    if spec is None or spec.origin is None:
        return True  # the theme is not installed here: the build will tell
    return (Path(spec.origin).parent / "templates" / "partials" / "languages" / f"{locale}.html").is_file()


def _with_registry_locale(text: str, locale: str) -> str:
    """The registry with the locale added to `locales` and, as a language still being started, to `drafts`."""
    match = LOCALES_LINE.search(text)
    if match is None:
        raise NewLocaleError(f"{REGISTRY_FILE} has no one-line 'locales: [...]' list to extend")
    text = text[: match.start()] + f"{match.group(1)}{match.group(2)}, {locale}{match.group(3)}" + text[match.end() :]
    drafts = DRAFTS_LINE.search(text)
    if drafts is None:
        end = LOCALES_LINE.search(text)
        assert end is not None
        note = "# Locales still being translated: warnings only, kept out of search engines. Remove when ready."
        return text[: end.end()] + f"\n{note}\ndrafts: [{locale}]" + text[end.end() :]
    listed = f"{drafts.group(2)}, {locale}" if drafts.group(2).strip() else locale
    return text[: drafts.start()] + f"{drafts.group(1)}{listed}{drafts.group(3)}" + text[drafts.end() :]


def interface_texts(mkdocs_text: str) -> dict[str, Any]:
    """The default locale's interface texts (extra.handbook), for a new language to translate."""
    try:
        config = yaml.load(mkdocs_text, Loader=_PermissiveLoader)  # noqa: S506 - a safe loader that ignores !ENV tags
    except yaml.YAMLError as error:
        raise NewLocaleError(f"{MKDOCS_FILE} is not valid YAML: {error}") from error
    texts = (config or {}).get("extra", {}).get("handbook")
    if not isinstance(texts, dict):
        raise NewLocaleError(f"{MKDOCS_FILE} has no interface texts under extra.handbook to copy")
    return texts


class _PermissiveLoader(yaml.SafeLoader):
    """mkdocs.yml uses tags such as !ENV; their values do not matter here."""


_PermissiveLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def with_mkdocs_language(text: str, locale: str, texts: dict[str, Any]) -> str:
    """Append a language entry after the last `- locale:` item of the i18n plugin."""
    lines = text.split("\n")
    items = [(index, LANGUAGE_ITEM.match(line)) for index, line in enumerate(lines) if LANGUAGE_ITEM.match(line)]
    if not items:
        raise NewLocaleError(f"{MKDOCS_FILE} lists no i18n languages ('- locale: …') to extend")
    last, match = items[-1]
    assert match is not None
    indent = match.group(1)
    end = last + 1
    while end < len(lines) and (lines[end].startswith(indent + "  ") or not lines[end].strip()):
        end += 1
    while end > last + 1 and not lines[end - 1].strip():
        end -= 1  # blank lines after the entry stay after the new one
    entry = [f"{indent}- locale: {locale}", f"{indent}  name: {display_name(locale)}", f"{indent}  build: true"]
    entry += [
        f"{indent}  # Interface texts, copied from English: translate them (pages show them in English until then)."
    ]
    entry += [f"{indent}  extra:", f"{indent}    handbook:"]
    dumped = yaml.safe_dump(texts, allow_unicode=True, sort_keys=False, default_flow_style=None, width=1000)
    entry += [f"{indent}      {line}" for line in dumped.splitlines()]
    return "\n".join(lines[:end] + entry + lines[end:])


def display_name(locale: str) -> str:
    """The language's own name for itself (for the language switcher), or the code if unknown."""
    try:
        return Locale.parse(locale.replace("-", "_")).get_display_name() or locale
    except (ValueError, UnknownLocaleError):
        return locale
