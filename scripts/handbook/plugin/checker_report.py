"""The translation checker, run once per build by the plugin, so nobody has to remember a second command.

`mkdocs build` (and `make build`, CI's build) stops on any checker error, printing the checker's
own `locale:path:line: rule-id: message` lines and its count. `mkdocs serve` never stops on them:
after each rebuild it prints what the checker found, and each page with problems shows them in a
banner at the top (line and message), so the preview a translator is looking at says what to fix.
The banner exists only under `serve`; a built site never carries it.

Under `serve`, MkDocs' own checks of links and anchors log at INFO instead of WARNING: in strict
mode one warning aborts the rebuild and freezes the preview, and the checker already reports a
broken link or a translated anchor (`link`, `concept-missing`) at the line to fix.
"""

from __future__ import annotations

import html
import logging
from collections import defaultdict
from dataclasses import dataclass, field

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from handbook.problems import Problem, summary
from handbook.project import Project
from handbook.rules import run_checks

log = logging.getLogger("mkdocs.plugins.handbook")

BANNER_CLASS = "handbook-check"


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


def check_project(project: Project) -> CheckReport:
    checked = f"{len(project.pages) + len(project.unreadable)} pages in {len(project.locale_dirs)} locales"
    return CheckReport(run_checks(project), checked)


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


def with_banner(content: str, page_path: str, report: CheckReport) -> str:
    """The page's HTML content with the problems of its file (and of no page, such as the
    registry's) in a banner at the top; unchanged if there are none."""
    own = report.by_path.get(page_path, [])
    shown = own + [problem for problem in report.problems if not problem.path.endswith(".md")]
    if not shown:
        return content
    items = "".join(f"<li>{html.escape(_line(problem, page_path))}</li>" for problem in shown)
    count = f"{len(shown)} problem{'s' if len(shown) != 1 else ''}"
    title = f"Translation check: {count} (shown in the preview only; run <code>make check</code> for all pages)"
    return (
        f'<div class="admonition failure {BANNER_CLASS}" role="alert" lang="en">'
        f'<p class="admonition-title">{title}</p><ul>{items}</ul></div>\n{content}'
    )


def _line(problem: Problem, page_path: str) -> str:
    where = f"line {problem.line}" if problem.path == page_path else f"{problem.path}:{problem.line}"
    severity = "" if problem.severity == "error" else f"{problem.severity}: "
    return f"{where}: {problem.rule}: {severity}{problem.message}"
