"""The translation checker, run once per build by the plugin, so nobody has to remember a second command.

`mkdocs build` (and `make build`, CI's build) stops on any checker error, printing the checker's
own `locale:path:line: rule-id: message` lines and its count. `mkdocs serve` never stops on them:
after each rebuild it prints what the checker found, and each page with problems shows them in a
banner at the top (line and message), so the preview a translator is looking at says what to fix.
The banner exists only under `serve`; a built site never carries it. Its heading counts the errors
and the warnings, and each problem is labelled in words, error or warning, in the page's interface
language, besides its colour (red or amber: never the colour alone, WCAG 1.4.1; handbook.css).
The checker's messages are in English, as on the terminal; in another interface language each
problem also says in a few words of that language what kind of problem it is (`RULE_SUMMARIES`,
one line per rule ID), so a reviewer who reads no English knows what to look for.

Under `serve`, MkDocs' own checks of links and anchors log at INFO instead of WARNING: in strict
mode one warning aborts the rebuild and freezes the preview, and the checker already reports a
broken link or a translated anchor (`link`, `concept-missing`) at the line to fix.
"""

from __future__ import annotations

import html
import logging
import re
from collections import defaultdict
from dataclasses import dataclass, field

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from handbook.locales import source_parts
from handbook.problems import Problem, summary
from handbook.project import Project

log = logging.getLogger("mkdocs.plugins.handbook")

BANNER_CLASS = "handbook-check"
HTML_HEADING_ID = re.compile(r'<h[1-6]\b[^>]*?(?<![\w-])id="([^"]+)"')  # not data-id="…"
LABEL_CLASS = "handbook-check-label"


@dataclass(frozen=True)
class BannerTexts:
    """The banner's own words in one interface language (the problems stay as the checker prints them)."""

    title: str
    error: tuple[str, str]  # singular (capitalized, the label of each error) and plural
    warning: tuple[str, str]
    and_: str
    line: str
    preview_only: str


# Per interface language; a language not listed gets the English banner, marked lang="en".
BANNER_TEXTS = {
    "en": BannerTexts(
        "Translation check",
        ("error", "errors"),
        ("warning", "warnings"),
        "and",
        "line",
        "shown in the preview only; run <code>make check</code> for all pages",
    ),
    "nb": BannerTexts(
        "Oversettelseskontroll",
        ("feil", "feil"),
        ("advarsel", "advarsler"),
        "og",
        "linje",
        "vises bare i forhåndsvisningen; kjør <code>make check</code> for alle sider",
    ),
}
ENGLISH = "en"  # the checker's messages are in English

# What each rule ID means, in a few words of an interface language other than English, shown
# before the checker's English message (tests: every rule ID has one in every language listed).
RULE_SUMMARIES = {
    "nb": {
        "locale-missing": "En språkmappe mangler.",
        "locale-unknown": "Mappen er ikke et språk i concepts.yml.",
        "page-missing": "Siden mangler i denne språkutgaven.",
        "page-orphan": "Siden finnes ikke på engelsk.",
        "conflict-marker": "Git har etterlatt en flettekonflikt: behold riktig tekst og slett markørlinjene.",
        "invisible-character": "Et usynlig tegn står i teksten: slett det.",
        "anchor-lookalike": "Ankeret har et tegn som bare ligner på det riktige: skriv ankeret på nytt.",
        "front-matter": "Feil i toppfeltet (front matter) øverst på siden.",
        "code-fence": "En kodeblokk er aldri lukket.",
        "concept-missing": "Et anker mangler eller er oversatt: ankere skal stå nøyaktig som på engelsk.",
        "concept-duplicate": "Det samme ankeret står flere ganger.",
        "concept-misplaced": "Ankeret står på feil side eller på feil nivå.",
        "concept-unknown": "Ankeret finnes ikke i concepts.yml.",
        "concept-order": "Begrepene står i en annen rekkefølge enn på engelsk.",
        "concept-empty": "Delen har ingen tekst.",
        "structure": "Oppbygningen er ikke som på den engelske siden.",
        "link": "Lenken virker ikke.",
        "untranslated": "Teksten er ikke oversatt.",
        "forbidden-term": "Ordet skal ikke brukes, se termlisten.",
        "term-variant": "Bruk termlistens foretrukne form.",
        "house-style": "Teksten bryter med husstilen (STYLE.md).",
        "outdated": "Den engelske siden er endret etter at oversettelsen ble stemplet.",
        "spelling": "Mulig skrivefeil.",
        "registry": "Feil i concepts.yml.",
        "termbase": "Feil i termlisten (termbase.yml).",
        "unreadable": "Filen kan ikke leses (den er ikke UTF-8).",
    },
}


@dataclass
class CheckReport:
    """What the checker found in one top-level build, by the file each problem is in."""

    problems: list[Problem] = field(default_factory=list)
    checked: str = ""

    by_path: dict[str, list[Problem]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        found: dict[str, list[Problem]] = defaultdict(list)
        for problem in self.problems:
            found[problem.path].append(problem)
        self.by_path = dict(found)

    def lines(self) -> str:
        return "\n".join([*(problem.format() for problem in self.problems), summary(self.problems, self.checked)])


def project_report(project: Project, problems: list[Problem]) -> CheckReport:
    """The report of the check of `project` that found `problems`."""
    checked = f"{len(project.pages) + len(project.unreadable)} pages in {len(project.locale_dirs)} locales"
    return CheckReport(problems, checked)


def stop_on_errors(report: CheckReport) -> None:
    """In a build: any checker error stops it, with the checker's own lines; warnings are printed."""
    if any(problem.severity == "error" for problem in report.problems):
        raise PluginError("the translation check found errors:\n" + report.lines())
    if report.problems:
        log.info("The translation check:\n%s", report.lines())


def print_after_rebuild(report: CheckReport) -> None:
    """Under `serve`: the checker's lines after each rebuild (INFO: a warning would abort a strict rebuild)."""
    log.info("The translation check:\n%s", report.lines())


def relax_link_validation(config: MkDocsConfig) -> None:
    """Under `serve`: MkDocs reports a broken link or anchor at INFO, the checker at the line to fix."""
    config.validation.links.anchors = logging.INFO
    config.validation.links.not_found = logging.INFO


def with_banner(content: str, page_path: str, report: CheckReport, heading_lines: list[int] | None = None) -> str:
    """The page's HTML content with the problems of its file (and of no page, such as the
    registry's) in a banner at the top; unchanged if there are none. `heading_lines` are the
    source lines of the page's headings, in order: each problem's line then links to the section
    it is in, so a long page need not be searched for it."""
    own = report.by_path.get(page_path, [])
    shown = own + [problem for problem in report.problems if not problem.path.endswith(".md")]
    if not shown:
        return content
    language = _page_locale(page_path)
    language = language if language in BANNER_TEXTS else ENGLISH
    texts = BANNER_TEXTS[language]
    errors = sum(problem.severity == "error" for problem in shown)
    count = f"{_count(errors, texts.error)} {texts.and_} {_count(len(shown) - errors, texts.warning)}"
    title = f"{texts.title}: {count} ({texts.preview_only})"
    sections = _section_ids(content, heading_lines or [])
    items = "".join(_item(problem, page_path, texts, language, sections) for problem in shown)
    kind = "failure" if errors else "warning"
    return (
        f'<div class="admonition {kind} {BANNER_CLASS}" role="alert" lang="{language}">'
        f'<p class="admonition-title">{title}</p><ul>{items}</ul></div>\n{content}'
    )


def _section_ids(content: str, heading_lines: list[int]) -> list[tuple[int, str]]:
    """(source line, HTML id) of each heading, paired in order; none if the two lists differ in
    length (a heading the Markdown reader and the HTML count differently: no link rather than a wrong one)."""
    ids = HTML_HEADING_ID.findall(content)
    return list(zip(heading_lines, ids, strict=True)) if len(ids) == len(heading_lines) else []


def _section_of(line: int, sections: list[tuple[int, str]]) -> str | None:
    """The id of the last heading at or above `line`."""
    found = None
    for heading_line, heading_id in sections:
        if heading_line > line:
            break
        found = heading_id
    return found


def _page_locale(page_path: str) -> str:
    """The locale of a page's source, docs/<locale>/…"""
    parts = source_parts(page_path)
    return parts[0] if parts else ENGLISH


def _count(number: int, words: tuple[str, str]) -> str:
    return f"{number} {words[0] if number == 1 else words[1]}"


def _item(problem: Problem, page_path: str, texts: BannerTexts, language: str, sections: list[tuple[int, str]]) -> str:
    """One problem: its label in words, where it is (a link to its section, on its own page), then
    the checker's rule and message (English)."""
    severity = "error" if problem.severity == "error" else "warning"
    singular = (texts.error if severity == "error" else texts.warning)[0]
    label = singular[:1].upper() + singular[1:]
    if problem.path == page_path:
        where = html.escape(f"{texts.line} {problem.line}")
        section = _section_of(problem.line, sections)
        where = f'<a href="#{html.escape(section)}">{where}</a>' if section else where
    else:
        where = html.escape(f"{problem.path}:{problem.line}")
    message = html.escape(f"{problem.rule}: {problem.message}")
    if language != ENGLISH:
        summary = RULE_SUMMARIES.get(language, {}).get(problem.rule)
        message = f'<span lang="{ENGLISH}">{message}</span>'
        if summary:
            message = f"{html.escape(summary)} ({message})"
    return (
        f'<li class="{BANNER_CLASS}-{severity}"><strong class="{LABEL_CLASS}">{label}</strong> {where}: {message}</li>'
    )
