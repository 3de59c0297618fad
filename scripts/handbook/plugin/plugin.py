"""The handbook plugin's events: what runs when, in one place.

mkdocs-static-i18n builds the default locale, then re-runs the whole build for each other locale
from its own `on_post_build` (priority -100). So: the project (registry, termbase, every page)
and the git dates are read once, when the top-level build is configured (the project and its check
are kept between builds that change none of their inputs: `handbook.checked`); site-wide files (search
indexes, sitemaps) are written once, after the last locale, at priority -200.
"""

from __future__ import annotations

import os
import posixpath
import socket
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from handbook.checked import CACHE_FOLDER as CHECK_CACHE
from handbook.checked import checked
from handbook.locales import source_parts, url_prefix
from handbook.plugin import (
    checker_report,
    dates,
    defer_scripts,
    glossary,
    markup,
    navigation,
    noise,
    notices,
    offline,
    search_index,
    seo,
    upstream,
)
from handbook.plugin.config import HandbookConfig
from handbook.project import Project
from handbook.registry import REGISTRY_FILE, Registry
from handbook.rules import hygiene
from handbook.rules.front_matter import front_matter_problems
from handbook.rules.spelling import WORD_LISTS
from handbook.search.index_cache import CACHE_FOLDER as SEARCH_CACHE
from handbook.search.vocabulary import ThesaurusMissing
from handbook.status import page_state, pages_to_do_list, status_table, translation_status
from handbook.termbase import TERMBASE_FILE

NOT_FOUND = "404.html"
TEMPLATE_CACHE = ".cache/templates"  # beside the check's and the search's (handbook.build_cache)
NOT_FOUND_KEYS = ("not_found_title", "not_found_text", "not_found_home")


class HandbookPlugin(BasePlugin[HandbookConfig]):  # type: ignore[no-untyped-call]
    def __init__(self) -> None:
        self.project: Project | None = None
        self.dates: dict[str, str] = {}
        self.default_404 = ""
        self.default_texts: dict[str, Any] = {}  # the default locale's interface texts
        self.apps: dict[str, offline.LocaleApp] = {}  # locale -> its installable app, recorded as it builds
        self.command = "build"
        self.report = checker_report.CheckReport()  # the translation check of the current build

    # --- the i18n plugin, through the one module that reads other plugins -----------------------

    @staticmethod
    def locale(config: MkDocsConfig) -> str:
        return upstream.i18n(config).current_language

    def loaded(self) -> Project:
        if self.project is None:
            raise PluginError("handbook: the project was not loaded (on_config did not run)")
        return self.project

    # --- configuration: read the project once per top-level build ------------------------------

    def on_startup(self, *, command: str, dirty: bool) -> None:
        noise.silence_known_noise()
        self.command = command  # under `serve`, no offline copy: pages change on every save

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        i18n = upstream.i18n(config)
        if i18n.nested:
            return config  # a nested per-locale build: everything was read for the top-level one
        root = project_root(config)
        found = checked(root, self._cache_folder(config, CHECK_CACHE))
        if found.project is None:
            raise PluginError("\n".join(problem.format() for problem in found.problems))
        self.project = project = found.project
        self.report = checker_report.project_report(project, found.problems)
        if self.command == "serve":
            checker_report.relax_link_validation(config)
        self.dates = dates.page_dates(root)
        self.apps, self.default_404 = {}, ""  # `serve` keeps this instance across rebuilds
        check_settings(project, i18n)
        self.default_texts = dict(config.extra.get("handbook", {}))
        check_interface_texts(self.default_texts, i18n)
        config.nav = navigation.nav_config(project.registry.pages)
        config.extra["not_found"] = not_found_strings(config, i18n)
        return config

    def on_pre_build(self, config: MkDocsConfig) -> None:
        if upstream.i18n(config).nested:
            return
        project = self.loaded()
        problems = [problem for page in project.pages.values() for problem in front_matter_problems(page)]
        problems += project.unreadable.values()  # MkDocs would stop with a traceback
        # Conflict markers, invisible characters: readers would see them.
        problems += hygiene.unpublishable(self.report.problems)
        problems = hygiene.conflicts_only(problems)
        if problems:  # MkDocs would render the raw front matter as text
            raise PluginError("\n".join(problem.format() for problem in sorted(problems)))
        if self.command != "serve":
            checker_report.stop_on_errors(self.report)

    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        """Rebuild when the registry, the termbase or a word list of the spelling rule changes,
        as when a page does: the preview's banner shows the checker's problems with them."""
        _refuse_a_busy_address(config)
        root = project_root(config)
        for name in (REGISTRY_FILE, TERMBASE_FILE):
            server.watch(str(root / name))
        if (root / WORD_LISTS).is_dir():  # watching a folder that is not there fails
            server.watch(str(root / WORD_LISTS))
        return server

    # --- pages ---------------------------------------------------------------------------------

    def on_env(self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        """Material's own partials reachable from the overrides (upstream.py); and compiled theme
        templates kept between builds (Jinja's bytecode cache, keyed on each template's source):
        compiling Material's templates anew, once per language, took a large share of every build."""
        folder = self._cache_folder(config, TEMPLATE_CACHE)
        if folder is not None and _writable(folder):
            env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(folder))
        return upstream.with_theme_originals(env)

    def _cache_folder(self, config: MkDocsConfig, name: str) -> Path | None:
        """The folder `name` under the project's, or None when the `cache` option is off."""
        return project_root(config) / name if self.config.cache else None

    @event_priority(-150)  # after static-i18n (-100) has chosen the locale's files
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        """A translated locale's copy of the search worker and what it imports, under its root: a
        page's worker is controlled by the service worker whose scope holds the *worker's* URL, so
        in the shared `assets/` it would escape the locale's offline copy."""
        registry, locale = self.loaded().registry, self.locale(config)
        root = url_prefix(locale, registry.default_locale)
        if not root:
            return files
        for shared in search_index.worker_files(locale, list(config.theme.dirs)):
            files.append(File.generated(config, root + shared, abs_src_path=theme_file(config, shared)))
        return files

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        locale = self.locale(config)
        navigation.name_sections(nav.items, self.loaded(), locale)
        registry = self.loaded().registry
        self.apps[locale] = self.locale_app(config, locale, url_prefix(locale, registry.default_locale))
        return nav

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        project, locale = self.loaded(), self.locale(config)
        markdown = self.generated_tables(markdown, project, config, locale)
        root = project_root(config)
        source = page.file.abs_src_path
        iso = self.dates.get(Path(source).relative_to(root).as_posix()) if source else None
        if iso:
            page.meta["last_updated"] = dates.last_updated(iso, locale)
        if locale == project.registry.default_locale:
            return markdown
        state = page_state(project, locale, page.file.src_uri.removeprefix(f"{locale}/"))  # docs/<locale>/…
        page.meta["translation_state"] = state
        if state in notices.NOTICE_STATES:
            english_url = get_relative_url(
                page.url.removeprefix(url_prefix(locale, project.registry.default_locale)), page.url
            )
            markdown = notices.after_h1(markdown, notices.notice_block(state, config.extra["handbook"], english_url))
        return markdown

    def generated_tables(self, markdown: str, project: Project, config: MkDocsConfig, locale: str) -> str:
        names = {language.locale: language.name for language in upstream.i18n(config).languages}
        strings = config.extra["handbook"]
        if self.config.status_marker in markdown:
            statuses = translation_status(project)
            table = status_table(statuses, strings["status_columns"])
            to_do = pages_to_do_list(project, statuses, locale, strings["status_columns"])
            markdown = markdown.replace(self.config.status_marker, table + ("\n\n" + to_do if to_do else ""))
        if self.config.terms_marker in markdown:
            markdown = markdown.replace(self.config.terms_marker, glossary.terms_table(project, names, strings, locale))
        if self.config.avoid_marker in markdown:
            markdown = markdown.replace(self.config.avoid_marker, glossary.avoid_table(project, names, strings, locale))
        return markdown

    @event_priority(-50)  # after the i18n plugin's (50), which rewrites the switcher for each page
    def on_page_context(self, context: Any, page: Page, config: MkDocsConfig, nav: Navigation) -> Any:
        self.offer_languages(config)
        return context

    def on_pre_template(self, template: Any, template_name: str, config: MkDocsConfig) -> Any:
        self.offer_languages(config)  # the 404 page, rendered before any page
        return template

    def offer_languages(self, config: MkDocsConfig) -> None:
        """Draft locales leave the language switcher of published pages; translators see them
        under `mkdocs serve`, in a preview build, and on the draft's own pages."""
        drafts = self.loaded().registry.drafts
        if self.command == "serve" or self.config.preview or self.locale(config) in drafts:
            return
        # The i18n plugin sets the switcher as an attribute of `extra` on each page (which templates
        # read before the key of the same name), and as the key before the first page.
        extra = config.extra
        offered = seo.offered_languages(getattr(extra, "alternate", None) or extra.get("alternate") or [], drafts)
        extra["alternate"] = offered
        if hasattr(extra, "alternate"):
            extra.alternate = offered

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        html = markup.label_checkboxes(html)
        if self.command != "serve" or not page.file.abs_src_path:
            return html
        source = Path(page.file.abs_src_path).relative_to(project_root(config)).as_posix()
        return checker_report.with_banner(html, source, self.report, self._heading_lines(source))

    def _heading_lines(self, source: str) -> list[int]:
        """The source lines of the headings of `source` (docs/<locale>/<page>), if it was read."""
        parts = source_parts(source)
        found = self.loaded().page(*parts) if parts else None
        return [heading.line for heading in found.parsed.headings] if found else []

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        project, locale = self.loaded(), self.locale(config)
        registry = project.registry
        if page.canonical_url:
            output = seo.absolute_alternates(output, page.canonical_url, registry.default_locale, registry.drafts)
        root = url_prefix(locale, registry.default_locale)
        output = upstream.with_search_base(output, get_relative_url(root or ".", page.url))
        output = upstream.with_search_worker(output, search_index.HANDBOOK_WORKER, locale_folder(page.url, root))
        state = page.meta.get("translation_state")
        if state in notices.NOTICE_STATES:
            untranslated_texts = config.extra["handbook"].get(state) == self.default_texts.get(state)
            notice_locale = registry.default_locale if untranslated_texts else locale
            body_locale = registry.default_locale if state == "untranslated" else locale
            output = markup.in_language(output, body_locale, notice_locale, locale)
        if locale in registry.drafts:
            output = seo.noindex(output)
        output = output.replace("</head>", offline.head_tags(page.url, root) + "</head>", 1)
        return defer_scripts.defer_external_scripts(markup.drop_checkbox_autocomplete(output))

    @staticmethod
    def locale_app(config: MkDocsConfig, locale: str, root: str) -> offline.LocaleApp:
        short_name = config.extra.get("handbook", {}).get("app_short_name")
        if not short_name:
            raise PluginError(
                f"mkdocs.yml: locale {locale!r} has no extra.handbook.app_short_name (the app's name on a home screen)"
            )
        return offline.LocaleApp(locale, root, config.site_name, short_name, config.site_description or "")

    def on_post_template(self, output_content: str, template_name: str, config: MkDocsConfig) -> str:
        output_content = defer_scripts.defer_external_scripts(output_content)
        if template_name != NOT_FOUND:
            return markup.drop_checkbox_autocomplete(output_content)
        output_content = upstream.with_search_worker(output_content, search_index.HANDBOOK_WORKER)
        # GitHub Pages serves one 404 page for every locale: the default locale's, whichever built last.
        registry = self.loaded().registry
        if self.locale(config) == registry.default_locale:
            self.default_404 = markup.drop_checkbox_autocomplete(
                seo.absolute_alternates(output_content, config.site_url or "", registry.default_locale, registry.drafts)
            )
        return self.default_404 or output_content

    # --- the whole site, after the last locale -------------------------------------------------

    @event_priority(-200)
    def on_post_build(self, config: MkDocsConfig) -> None:
        if upstream.i18n(config).nested:
            return  # a nested per-locale build: the merged search index does not exist yet
        project = self.loaded()
        if self.command == "serve":
            checker_report.print_after_rebuild(self.report)
        registry, theme_dirs = project.registry, list(config.theme.dirs)
        site = Path(config.site_dir)
        try:
            search_index.write_search_indexes(
                site,
                list(registry.locales),
                registry.default_locale,
                theme_dirs,
                project.termbase,
                self._cache_folder(config, SEARCH_CACHE),
                pitfalls=registry.pitfall_ids,
            )
        except ThesaurusMissing as error:
            raise PluginError(f"search: {error}") from None
        seo.write_sitemaps(site, registry, config.site_url or "", self.dates)
        self.write_offline_copies(site, registry, theme_dirs)

    def write_offline_copies(self, site: Path, registry: Registry, theme_dirs: list[str]) -> None:
        """Each locale's manifest and service worker: last, since its precache list hashes every file written."""
        roots = [url_prefix(code, registry.default_locale) for code in registry.locales]
        for code in registry.locales:
            app = self.apps.get(code)
            if app is None:
                raise PluginError(f"offline: locale {code!r} built no page, so it has no app to install")
            # the default locale loads the shared worker files; the others, their own copies (on_files)
            workers = search_index.worker_files(code, theme_dirs) if code == registry.default_locale else []
            try:
                offline.write_locale_app(site, app, roots, workers, offline=self.command != "serve")
            except offline.OfflineError as error:
                raise PluginError(f"offline: {error}") from None


def project_root(config: MkDocsConfig) -> Path:
    """The folder of mkdocs.yml, absolute: `-f mkdocs.yml` gives the engine a relative path, and the
    pages' paths it is compared with are absolute."""
    return Path(config.config_file_path).resolve().parent


def theme_file(config: MkDocsConfig, path: str) -> str:
    """The theme's source of a site file (the custom_dir's first, as MkDocs copies it)."""
    for folder in config.theme.dirs:
        if (Path(folder) / path).is_file():
            return str(Path(folder) / path)
    raise PluginError(f"offline: the theme has no {path} to place in each locale's scope")


def locale_folder(page_url: str, root: str) -> str | None:
    """A translated locale's page's relative URL to its locale root ("" beside it); None for the default locale."""
    if not root:
        return None
    relative = posixpath.relpath(root, posixpath.dirname(page_url) or ".")
    return "" if relative == "." else relative + "/"


def check_settings(project: Project, i18n: upstream.I18n) -> None:
    """The i18n plugin's languages are the registry's locales, all built, the first the default,
    and it never falls back to English."""
    declared = [language.locale for language in i18n.languages]
    unbuilt = [language.locale for language in i18n.languages if not language.build]
    if unbuilt or i18n.default_language != project.registry.default_locale:
        raise PluginError(
            f"mkdocs.yml: every i18n language must have build: true (not: {', '.join(unbuilt) or '-'}), "
            f"and the default must be {project.registry.default_locale!r}, the first locale of {REGISTRY_FILE}"
        )
    if declared != list(project.registry.locales):
        raise PluginError(
            f"mkdocs.yml: the i18n languages ({', '.join(declared)}) must be the locales of {REGISTRY_FILE} "
            f"({', '.join(project.registry.locales)}), in the same order"
        )
    if i18n.fallback_to_default:
        raise PluginError(
            "mkdocs.yml: the i18n plugin's fallback_to_default must be false: "
            "a missing translation is an error, never a silent English page"
        )


def check_interface_texts(default: dict[str, Any], i18n: upstream.I18n) -> None:
    """Every language has every interface text (extra.handbook) the default language has:
    static-i18n replaces the texts of a language whole, so a missing one would be missing."""
    for language in i18n.languages:
        if language.default:
            continue
        texts = language.extra.get("handbook") or {}
        missing = [key for key in default if key not in texts]
        if missing:
            raise PluginError(
                f"mkdocs.yml: language {language.locale!r} lacks the interface texts {', '.join(missing)} "
                "under extra: handbook: (copy them from the top-level extra.handbook and translate them)"
            )


def not_found_strings(config: MkDocsConfig, i18n: upstream.I18n) -> dict[str, dict[str, str]]:
    """The 404 page's texts per locale, from each language's interface texts (extra.handbook)."""
    strings: dict[str, dict[str, str]] = {}
    for language in i18n.languages:
        texts = language.extra.get("handbook") if not language.default else config.extra.get("handbook")
        texts = texts or {}
        strings[language.locale] = {
            key.removeprefix("not_found_"): texts[key] for key in NOT_FOUND_KEYS if key in texts
        }
    return strings


def _writable(folder: Path) -> bool:
    """Whether `folder` is there or can be made (a read-only checkout: nothing is kept, as with `cache: false`)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(folder, os.W_OK)


def _refuse_a_busy_address(config: MkDocsConfig) -> None:
    """A second `serve` while a preview already listens on the address: one clear message, not the
    server's traceback once it fails to bind (and the old preview would go on serving)."""
    host, port = config.dev_addr.host, config.dev_addr.port
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        probe.settimeout(1)
        busy = probe.connect_ex((host, port)) == 0
    if busy:
        raise PluginError(
            f"something already serves http://{host}:{port}/ (a preview started earlier?): open it, or stop it "
            "with Ctrl+C in its terminal, then run make serve again"
        )
