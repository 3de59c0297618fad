"""Rules on concepts: each registry concept is a heading anchor once, on its page, in order, with a body."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from handbook.problems import Problem
from handbook.project import LocalePage, Project
from handbook.rules.structure import heading_fixes, links_to


def check_concepts(project: Project) -> Iterator[Problem]:
    """Each registry concept is a heading anchor exactly once, on its page, in every locale;
    no unknown concept anchors."""
    registry = project.registry
    known = {concept.id: concept for concept in registry.concepts}
    for locale in registry.locales:
        found: Counter[str] = Counter()
        for page in project.pages_of(locale):
            slipped = {fix.line for fix in heading_fixes(project, locale, page.name) if fix.translated}
            for heading in page.parsed.headings:
                anchor = heading.anchor
                if not anchor or registry.kind_of_anchor(anchor) is None or heading.line in slipped:
                    continue
                concept = known.get(anchor)
                if concept is None:
                    yield page.problem(
                        heading.line,
                        "concept-unknown",
                        f"'{anchor}' looks like a concept ID but is not in concepts.yml",
                    )
                elif concept.page != page.name:
                    yield page.problem(
                        heading.line,
                        "concept-misplaced",
                        f"'{anchor}' belongs on {concept.page} (concepts.yml line {concept.line})",
                    )
                else:
                    found[anchor] += 1
                    if found[anchor] > 1:
                        yield page.problem(heading.line, "concept-duplicate", f"'{anchor}' appears more than once")
        yield from _missing_concepts(project, locale, found)


def _missing_concepts(project: Project, locale: str, found: Counter[str]) -> Iterator[Problem]:
    """Concepts without their heading. In a translation whose English page has the heading, the
    structure rule reports it where it belongs; here, only where nothing else would."""
    for concept in project.registry.concepts:
        page = project.page(locale, concept.page)
        if found[concept.id] or page is None:
            continue
        if locale != project.registry.default_locale and project.pair(locale, concept.page):
            continue
        message = f"no heading with anchor {{ #{concept.id} }} (concepts.yml line {concept.line}): add it here"
        broken = [
            where for code in project.registry.locales for where in links_to(project, code, concept.page, concept.id)
        ]
        message += f"; until then these links to it break: {', '.join(broken)}" if broken else ""
        yield page.problem(_where_it_belongs(project, page, concept.id), "concept-missing", message)


def missing_in_english(project: Project, name: str) -> set[str]:
    """Concepts of a page that its English page lacks (reported once, by the English page)."""
    english = project.page(project.registry.default_locale, name)
    anchors = {heading.anchor for heading in english.parsed.headings} if english else set()
    return {concept.id for concept in project.registry.concepts_on(name) if concept.id not in anchors}


def _where_it_belongs(project: Project, page: LocalePage, concept_id: str) -> int:
    """The line of the next registered concept's heading on the page, or the end of the page."""
    order = [concept.id for concept in project.registry.concepts_on(page.name)]
    lines = {heading.anchor: heading.line for heading in page.parsed.headings if heading.anchor}
    later = [lines[anchor] for anchor in order[order.index(concept_id) + 1 :] if anchor in lines]
    return later[0] if later else max(1, len(page.parsed.lines))


def check_concept_order(project: Project) -> Iterator[Problem]:
    """Concepts of an ordered kind (the recovery steps) appear in registry order."""
    registry = project.registry
    for locale in registry.locales:
        for page in project.pages_of(locale):
            for kind in (kind for kind in registry.kinds if kind.ordered):
                expected = [c.id for c in registry.concepts_on(page.name) if c.kind == kind]
                headings = [h for h in page.parsed.headings if h.anchor in expected]
                present = [anchor for anchor in expected if anchor in {h.anchor for h in headings}]
                for position, heading in enumerate(headings[: len(present)]):
                    if heading.anchor != present[position]:
                        yield page.problem(
                            heading.line,
                            "concept-order",
                            f"'{heading.anchor}' is out of order: expected '{present[position]}' here "
                            f"({kind.name} order: {', '.join(expected)})",
                        )
                        break


def check_concept_bodies(project: Project) -> Iterator[Problem]:
    """Every concept section has heading text and a body."""
    for locale in project.registry.locales:
        for page in project.pages_of(locale):
            for heading in page.parsed.headings:
                if not heading.anchor or project.registry.kind_of_anchor(heading.anchor) is None:
                    continue
                if not heading.text:
                    yield page.problem(heading.line, "concept-empty", f"the heading of '{heading.anchor}' has no text")
                if not page.parsed.concept_body(heading):
                    yield page.problem(heading.line, "concept-empty", f"the section '{heading.anchor}' has no body")
