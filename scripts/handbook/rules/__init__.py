"""The translation checker's rules: every locale folder against the default locale and the registry.

Each rule is a function of the `Project` that yields `Problem`s, in a module per family of
rules. `RULES` lists them, in the order they run, with the IDs their problems carry (`run_checks`
refuses an ID a rule does not declare, so `handbook rules` is the whole list); nothing
stops another rule, so one run reports every problem.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from handbook.problems import Problem
from handbook.project import Project
from handbook.rules import concepts, folders, front_matter, links, outdated, structure, terms, untranslated

Rule = Callable[[Project], Iterator[Problem]]

RULES: tuple[tuple[Rule, tuple[str, ...]], ...] = (
    (folders.check_locale_folders, ("locale-missing", "locale-unknown")),
    (folders.check_page_parity, ("page-missing", "page-orphan")),
    (front_matter.check_front_matter, ("front-matter",)),
    (structure.check_code_fences, ("code-fence",)),
    (concepts.check_concepts, ("concept-missing", "concept-duplicate", "concept-misplaced", "concept-unknown")),
    (concepts.check_concept_order, ("concept-order",)),
    (concepts.check_concept_bodies, ("concept-empty",)),
    (structure.check_structure, ("structure", "concept-missing")),
    (links.check_links, ("link",)),
    (untranslated.check_untranslated, ("untranslated",)),
    (terms.check_forbidden_terms, ("forbidden-term", "termbase")),
    (terms.check_term_variants, ("term-variant",)),
    (outdated.check_outdated, ("outdated",)),
)


class UndeclaredRuleId(AssertionError):
    """A rule emitted an ID it does not declare in `RULES`: `handbook rules` would not list it."""


# Problems found before any rule runs, and what each means.
LOADING_RULES = {
    "registry": "concepts.yml cannot be read or is not a valid registry (then no page is checked).",
    "termbase": "termbase.yml cannot be read or has an entry of the wrong shape.",
    "unreadable": "A page cannot be read, or is not UTF-8.",
}


# In a draft locale (one still being started), these are warnings: its pull requests stay green.
DRAFT_WARNINGS = ("untranslated", "outdated")


def run_checks(project: Project) -> list[Problem]:
    problems = list(project.loading_problems)
    for rule, rule_ids in RULES:
        found = list(rule(project))
        undeclared = {p.rule for p in found} - set(rule_ids)
        if undeclared:  # a programming error in the rule, never a content problem
            raise UndeclaredRuleId(f"{rule.__name__} emitted {sorted(undeclared)}, not among its IDs {list(rule_ids)}")
        problems.extend(found)
    drafts = project.registry.drafts
    problems = [p.as_warning() if p.locale in drafts and p.rule in DRAFT_WARNINGS else p for p in problems]
    default = project.registry.default_locale
    return sorted(problems, key=lambda p: (p.locale != default, p.locale, p.path, p.line, p.rule))
