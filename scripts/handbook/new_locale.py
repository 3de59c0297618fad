"""`new-locale`: start a translation into a new language in one command.

It copies every default-locale page into `docs/<locale>/` as an untranslated stub (the checker
then reports each page as untranslated, and the site shows a notice on it), and adds the locale
to `concepts.yml` and to the i18n plugin's languages in `mkdocs.yml`. Both files are edited with ruamel.yaml's
round-trip loader, so their comments and layout survive.
"""

from __future__ import annotations

import importlib.util
import io
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

from babel import Locale, UnknownLocaleError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

from handbook.locales import DOCS_DIR, LOCALE_PATTERN
from handbook.registry import REGISTRY_FILE, Registry

MKDOCS_FILE = "mkdocs.yml"
DRAFTS_NOTE = "Locales still being translated: warnings only, kept out of search engines. Remove when ready."
TEXTS_NOTE = "Interface texts, copied from English: translate them (pages show them in English until then)."


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


def round_trip() -> YAML:
    """ruamel.yaml set to write concepts.yml and mkdocs.yml back as they are laid out."""
    parser = YAML(typ="rt")
    parser.width, parser.preserve_quotes = 4096, True
    parser.indent(mapping=2, sequence=4, offset=2)
    return parser


def _load(text: str, name: str) -> Any:
    try:
        return round_trip().load(text)
    except YAMLError as error:
        raise NewLocaleError(f"{name} is not valid YAML: {error}") from error


def _dump(data: Any) -> str:
    out = io.StringIO()
    round_trip().dump(data, out)
    return out.getvalue()


def _with_registry_locale(text: str, locale: str) -> str:
    """The registry with the locale added to `locales` and, as a language still being started, to `drafts`."""
    registry = _load(text, REGISTRY_FILE)
    if not isinstance(registry, CommentedMap) or not isinstance(registry.get("locales"), list):
        raise NewLocaleError(f"{REGISTRY_FILE} has no 'locales' list to extend")
    registry["locales"].append(locale)
    if isinstance(registry.get("drafts"), list):
        registry["drafts"].append(locale)
        return _dump(registry)
    drafts = CommentedSeq([locale])
    drafts.fa.set_flow_style()
    registry.insert(list(registry).index("locales") + 1, "drafts", drafts)
    registry.yaml_set_comment_before_after_key("drafts", before=DRAFTS_NOTE)
    return _dump(registry)


def interface_texts(mkdocs_text: str) -> dict[str, Any]:
    """The default locale's interface texts (extra.handbook), for a new language to translate."""
    config = _load(mkdocs_text, MKDOCS_FILE)
    texts = (config or {}).get("extra", {}).get("handbook")
    if not isinstance(texts, dict):
        raise NewLocaleError(f"{MKDOCS_FILE} has no interface texts under extra.handbook to copy")
    return texts


def with_mkdocs_language(text: str, locale: str, texts: dict[str, Any]) -> str:
    """mkdocs.yml with a language entry for the locale after the i18n plugin's last one."""
    config = _load(text, MKDOCS_FILE)
    plugins = config.get("plugins") if isinstance(config, dict) else None
    i18n = next((p["i18n"] for p in plugins or [] if isinstance(p, dict) and "i18n" in p), None)
    if not isinstance(i18n, dict) or not isinstance(i18n.get("languages"), list) or not i18n["languages"]:
        raise NewLocaleError(f"{MKDOCS_FILE} lists no i18n languages ('- locale: …') to extend")
    languages = i18n["languages"]
    entry = CommentedMap(locale=locale, name=display_name(locale), build=True, extra=fresh_copy({"handbook": texts}))
    column = languages.lc.col + 2  # the entry's keys, after "- "
    entry.yaml_set_comment_before_after_key("extra", before=TEXTS_NOTE, indent=column)
    _move_trailing_lines(languages[-1], entry)  # blank lines after the last entry stay after the new one
    languages.append(entry)
    return _dump(config)


def _move_trailing_lines(before: Any, after: Any) -> None:
    """Move what follows the last value of `before` (blank lines, comments) to the end of `after`."""
    old, new = _last_key(before), _last_key(after)
    if old is not None and new is not None and old[1] in old[0].ca.items:
        new[0].ca.items[new[1]] = old[0].ca.items.pop(old[1])


def _last_key(node: Any) -> tuple[CommentedMap, Any] | None:
    """The innermost mapping at the end of `node`, and its last key."""
    while isinstance(node, CommentedMap) and node:
        key = list(node)[-1]
        if not isinstance(node[key], CommentedMap) or not node[key]:
            return node, key
        node = node[key]
    return None


def fresh_copy(value: Any) -> Any:
    """A copy of YAML data without the comments of where it came from; innermost lists and
    mappings on one line (`{locale: Language, …}`), as they are written in mkdocs.yml."""
    if not isinstance(value, (dict, list)):
        return value
    items = value.items() if isinstance(value, dict) else enumerate(value)
    copy: Any = CommentedMap() if isinstance(value, dict) else CommentedSeq([None] * len(value))
    for key, item in items:
        copy[key] = fresh_copy(item)
    if not any(
        isinstance(item, (dict, list)) for _, item in (copy.items() if isinstance(copy, dict) else enumerate(copy))
    ):
        copy.fa.set_flow_style()
    return copy


def display_name(locale: str) -> str:
    """The language's own name for itself (for the language switcher), or the code if unknown."""
    try:
        return Locale.parse(locale.replace("-", "_")).get_display_name() or locale
    except (ValueError, UnknownLocaleError):
        return locale
