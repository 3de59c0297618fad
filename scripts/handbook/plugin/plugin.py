"""The handbook plugin's events: what runs when, in one place.

mkdocs-static-i18n builds the default locale, then re-runs the whole build for each other locale
from its own `on_post_build` (priority -100). So: the project (registry, termbase, every page)
and the git dates are read once, when the top-level build is configured; site-wide files (search
indexes, sitemaps) are written once, after the last locale, at priority -200.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from handbook.locales import url_prefix
from handbook.plugin import dates, markup, navigation, noise, notices, offline, page_speed, search_index, signals
from handbook.plugin.config import HandbookConfig
from handbook.project import Project, load_project
from handbook.registry import REGISTRY_FILE, Registry
from handbook.rules.front_matter import front_matter_problems
from handbook.search.vocabulary import ThesaurusMissing
from handbook.status import page_state, status_table, translation_status
from handbook.termbase import TERMBASE_FILE

NOT_FOUND = "404.html"
TEMPLATE_CACHE = ".cache/templates"  # beside the search's (handbook.search.build_cache.CACHE_FOLDER)
NOT_FOUND_KEYS = ("not_found_title", "not_found_text", "not_found_home")


class HandbookPlugin(BasePlugin[HandbookConfig]):  # type: ignore[no-untyped-call]
    def __init__(self) -> None:
        self.project: Project | None = None
        self.dates: dict[str, str] = {}
        self.default_404 = ""
        self.default_texts: dict[str, Any] = {}  # the default locale's interface texts
        self.apps: dict[str, offline.LocaleApp] = {}  # locale -> its installable app, recorded as it builds
        self.command = "build"

    # --- the i18n plugin, through one accessor -------------------------------------------------

    @staticmethod
    def i18n(config: MkDocsConfig) -> Any:
        plugin = config.plugins.get("i18n")
        if plugin is None:
            raise PluginError("handbook: the i18n plugin (mkdocs-static-i18n) is not configured in mkdocs.yml")
        return plugin

    def locale(self, config: MkDocsConfig) -> str:
        return str(self.i18n(config).current_language)

    def loaded(self) -> Project:
        if self.project is None:
            raise PluginError("handbook: the project was not loaded (on_config did not run)")
        return self.project

    # --- configuration: read the project once per top-level build ------------------------------

    def on_startup(self, *, command: str, dirty: bool) -> None:
        noise.silence_known_noise()
        self.command = command  # under `serve`, no offline copy: pages change on every save

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        i18n = self.i18n(config)
        if i18n.building:
            return config  # a nested per-locale build: everything was read for the top-level one
        root = Path(config.config_file_path).parent
        project, problems = load_project(root)
        if project is None:
            raise PluginError("\n".join(problem.format() for problem in problems))
        self.project = project
        self.dates = dates.page_dates(root)
        self.apps, self.default_404 = {}, ""  # `serve` keeps this instance across rebuilds
        check_settings(project, i18n)
        self.default_texts = dict(config.extra.get("handbook", {}))
        check_interface_texts(self.default_texts, i18n)
        config.nav = navigation.nav_config(project.registry.pages)
        config.extra["not_found"] = not_found_strings(config, i18n)
        return config

    def on_pre_build(self, config: MkDocsConfig) -> None:
        if self.i18n(config).building:
            return
        project = self.loaded()
        problems = [problem for page in project.pages.values() for problem in front_matter_problems(page)]
        problems += project.unreadable.values()  # MkDocs would stop with a traceback
        if problems:  # MkDocs would render the raw front matter as text
            raise PluginError("\n".join(problem.format() for problem in sorted(problems)))

    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        root = Path(config.config_file_path).parent
        for name in (REGISTRY_FILE, TERMBASE_FILE):
            server.watch(str(root / name))
        return server

    # --- pages ---------------------------------------------------------------------------------

    def on_env(self, env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        """Compiled theme templates are kept between builds (Jinja's bytecode cache, keyed on each
        template's source): compiling Material's templates anew, once per language, took a large
        share of every build."""
        env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(self._cache_folder(config, TEMPLATE_CACHE)))
        return env

    @staticmethod
    def _cache_folder(config: MkDocsConfig, name: str) -> Path:
        folder = Path(config.config_file_path).parent / name
        folder.mkdir(parents=True, exist_ok=True)
        return folder

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        navigation.name_sections(nav.items, self.loaded(), self.locale(config))
        return nav

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        project, locale = self.loaded(), self.locale(config)
        markdown = self.generated_tables(markdown, project, config, locale)
        root = Path(config.config_file_path).parent
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
        names = {language.locale: language.name for language in self.i18n(config).config.languages}
        strings = config.extra["handbook"]
        if self.config.status_marker in markdown:
            table = status_table(translation_status(project), strings["status_columns"])
            markdown = markdown.replace(self.config.status_marker, table)
        if self.config.terms_marker in markdown:
            markdown = markdown.replace(self.config.terms_marker, notices.terms_table(project, names, locale))
        if self.config.avoid_marker in markdown:
            markdown = markdown.replace(self.config.avoid_marker, notices.avoid_table(project, names, strings, locale))
        return markdown

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        return markup.label_checkboxes(html)

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        project, locale = self.loaded(), self.locale(config)
        registry = project.registry
        if page.canonical_url:
            output = signals.absolute_alternates(output, page.canonical_url, registry.default_locale, registry.drafts)
        base = get_relative_url(url_prefix(locale, registry.default_locale) or ".", page.url)
        output = search_index.use_handbook_worker(search_index.with_search_base(output, base))
        state = page.meta.get("translation_state")
        if state in notices.NOTICE_STATES:
            untranslated_texts = config.extra["handbook"].get(state) == self.default_texts.get(state)
            notice_locale = registry.default_locale if untranslated_texts else locale
            body_locale = registry.default_locale if state == "untranslated" else locale
            output = markup.in_language(output, body_locale, notice_locale, locale)
        if locale in registry.drafts:
            output = signals.noindex(output)
        root = url_prefix(locale, registry.default_locale)
        self.apps[locale] = self.locale_app(config, locale, root)
        output = output.replace("</head>", offline.head_tags(page.url, root) + "</head>", 1)
        return page_speed.defer_external_scripts(markup.valid(output))

    @staticmethod
    def locale_app(config: MkDocsConfig, locale: str, root: str) -> offline.LocaleApp:
        short_name = config.extra.get("handbook", {}).get("app_short_name")
        if not short_name:
            raise PluginError(
                f"mkdocs.yml: locale {locale!r} has no extra.handbook.app_short_name (the app's name on a home screen)"
            )
        return offline.LocaleApp(locale, root, config.site_name, short_name, config.site_description or "")

    def on_post_template(self, output_content: str, template_name: str, config: MkDocsConfig) -> str:
        output_content = page_speed.defer_external_scripts(output_content)
        if template_name != NOT_FOUND:
            return markup.valid(output_content)
        output_content = search_index.use_handbook_worker(output_content)
        # GitHub Pages serves one 404 page for every locale: the default locale's, whichever built last.
        registry = self.loaded().registry
        if self.locale(config) == registry.default_locale:
            self.default_404 = markup.valid(
                signals.absolute_alternates(
                    output_content, config.site_url or "", registry.default_locale, registry.drafts
                )
            )
        return self.default_404 or output_content

    # --- the whole site, after the last locale -------------------------------------------------

    @event_priority(-200)
    def on_post_build(self, config: MkDocsConfig) -> None:
        if self.i18n(config).building:
            return  # a nested per-locale build: the merged search index does not exist yet
        project = self.loaded()
        registry, theme_dirs = project.registry, list(config.theme.dirs)
        site = Path(config.site_dir)
        try:
            search_index.write_search_indexes(
                site,
                list(registry.locales),
                registry.default_locale,
                theme_dirs,
                project.termbase,
                Path(config.config_file_path).parent,
            )
        except ThesaurusMissing as error:
            raise PluginError(f"search: {error}") from None
        signals.write_sitemaps(site, registry, config.site_url or "", self.dates)
        self.write_offline_copies(site, registry, theme_dirs)

    def write_offline_copies(self, site: Path, registry: Registry, theme_dirs: list[str]) -> None:
        """Each locale's manifest and service worker: last, since its precache list hashes every file written."""
        roots = [url_prefix(code, registry.default_locale) for code in registry.locales]
        for code in registry.locales:
            app = self.apps.get(code)
            if app is None:
                raise PluginError(f"offline: locale {code!r} built no page, so it has no app to install")
            workers = search_index.worker_files(code, theme_dirs)
            try:
                offline.write_locale_app(site, app, roots, workers, workers, offline=self.command != "serve")
            except offline.OfflineError as error:
                raise PluginError(f"offline: {error}") from None


def check_settings(project: Project, i18n: Any) -> None:
    """The i18n plugin's languages are the registry's locales, all built, the first the default,
    and it never falls back to English."""
    declared = [language.locale for language in i18n.config.languages]
    unbuilt = [language.locale for language in i18n.config.languages if not language.build]
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
    if i18n.config.fallback_to_default:
        raise PluginError(
            "mkdocs.yml: the i18n plugin's fallback_to_default must be false: "
            "a missing translation is an error, never a silent English page"
        )


def check_interface_texts(default: dict[str, Any], i18n: Any) -> None:
    """Every language has every interface text (extra.handbook) the default language has:
    static-i18n replaces the texts of a language whole, so a missing one would be missing."""
    for language in i18n.config.languages:
        if language.default:
            continue
        texts = (language.extra or {}).get("handbook") or {}
        missing = [key for key in default if key not in texts]
        if missing:
            raise PluginError(
                f"mkdocs.yml: language {language.locale!r} lacks the interface texts {', '.join(missing)} "
                "under extra: handbook: (copy them from the top-level extra.handbook and translate them)"
            )


def not_found_strings(config: MkDocsConfig, i18n: Any) -> dict[str, dict[str, str]]:
    """The 404 page's texts per locale, from each language's interface texts (extra.handbook)."""
    strings: dict[str, dict[str, str]] = {}
    for language in i18n.config.languages:
        texts = (language.extra or {}).get("handbook") if not language.default else config.extra.get("handbook")
        texts = texts or {}
        strings[language.locale] = {
            key.removeprefix("not_found_"): texts[key] for key in NOT_FOUND_KEYS if key in texts
        }
    return strings
