"""Rule on freshness: each translation records the version of the English text it translates, and
that version is the current one."""

from __future__ import annotations

from collections.abc import Iterator

from handbook.counterpart import section_names
from handbook.english_change import changed_parts
from handbook.freshness import RECORD_KEY, recorded_hashes, source_hashes
from handbook.make_forms import diff_command, stamp_command
from handbook.problems import Problem
from handbook.project import Project
from handbook.rules.untranslated import is_untranslated


def check_outdated(project: Project) -> Iterator[Problem]:
    """Each translation records the version of the English text it translates (a hash of it, not a git
    commit), and that version is current (a warning; an error with --strict)."""
    for source, page in project.pairs():
        recorded, current = recorded_hashes(page.parsed), source_hashes(source.parsed)
        malformed = recorded is None and RECORD_KEY in page.parsed.front_matter
        if page.parsed.front_matter_error or malformed or is_untranslated(source, page):
            continue  # reported by front-matter or untranslated already
        line = page.parsed.front_matter_line(RECORD_KEY)
        stamp = f"`{stamp_command(page.locale, page.name)}`"
        if recorded is None:
            yield page.problem(
                line,
                "outdated",
                f"no record of the version of the English text translated; when the page is translated, run {stamp}",
                "warning",
            )
        elif recorded.page != current.page:
            changed = section_names(changed_parts(project.root, (source, page)), source.shown)
            what = f"changed sections: {', '.join(changed)}" if changed else "changes outside the anchored sections"
            yield page.problem(
                line,
                "outdated",
                f"{source.shown} changed since this translation ({what}); "
                f"see `{diff_command(page.locale, page.name)}`, update the page, then run {stamp}",
                "warning",
            )
