"""A block's sentences, each with its line, for the untranslated-text rule.

A translator who leaves one English sentence inside a Norwegian paragraph leaves most of the
paragraph Norwegian, so a judgement per block misses it. sentencex (Wikimedia's rule-based
segmenter, with abbreviation lists per language and a Rust core) splits the text: it needs no
model download, unlike nltk's punkt, and segments a page in milliseconds, where pysbd took a
third of a second (measured on the steps page). Its Norwegian rules do not know «f.eks.» or
«kl.»; its Danish ones, whose abbreviations Norwegian shares, do, so Danish stands in.
Code, link targets and attribute lists are blanked (not removed) before splitting, so a dot in
`mistakes.md` never ends a sentence and every sentence keeps its place in the block.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from handbook.blocks import Block

# Text a reader does not read as words: code, link targets, attribute lists, HTML, Markdown marks.
READABLE_NOISE = re.compile(r"`+[^`]*`+|\]\([^)]*\)|\{[^}]*\}|<[^>]+>|[*_#>\[\]!|]")
# Locales the segmenter is given another language for (the closest whose abbreviations it knows).
SEGMENTER_LANGUAGE = {"nb": "da", "nn": "da", "no": "da"}
# Between blocks, when a page's blocks are segmented together.
BLOCK_SEPARATOR = "\n\n"
# Quotes in messages are cut to this many characters.
QUOTE_CHARS = 60
# A word as a spell checker reads it: letters, with apostrophes or hyphens inside (don't, e-post).
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


@dataclass(frozen=True)
class Sentence:
    line: int
    text: str  # as written, Markdown included
    readable: str  # the words a reader reads (code, link targets and marks blanked)

    def quoted(self) -> str:
        """The sentence for a message, shortened if long."""
        text = " ".join(self.text.split())
        return repr(text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1].rstrip() + "…")


def readable(text: str) -> str:
    """`text` with what a reader does not read replaced by spaces (offsets are kept)."""
    return READABLE_NOISE.sub(lambda match: " " * len(match.group()), text)


def ordinary_words(text: str) -> list[str]:
    """The words of a sentence's readable text that are not names. A name is a capitalized word
    after the first (Kim, Oslo, Mastercard), a word with a capital after its first letter (OK, SMS,
    iPhone), and a capitalized first word that a name follows (Visa / Mastercard, Apple Pay): such
    words are the same in every language."""
    words = WORD.findall(text)
    names = [any(char.isupper() for char in word[1:]) or (i > 0 and word[0].isupper()) for i, word in enumerate(words)]
    if len(words) > 1 and names[1] and words[0][0].isupper():
        names[0] = True
    return [word for word, name in zip(words, names, strict=True) if not name]


def sentences_of(blocks: Sequence[Block], locale: str) -> dict[Block, list[Sentence]]:
    """The sentences with words of each block, in order. The blocks are segmented together, in one
    call, and no sentence runs across two blocks."""
    texts = [readable(block.text) for block in blocks]
    starts = [0]
    for text in texts:
        starts.append(starts[-1] + len(text) + len(BLOCK_SEPARATOR))
    result: dict[Block, list[Sentence]] = {block: [] for block in blocks}
    spans = _spans(BLOCK_SEPARATOR.join(texts), SEGMENTER_LANGUAGE.get(locale, locale))
    for start, end in spans:
        index = bisect.bisect_right(starts, start) - 1
        block, offset = blocks[index], starts[index]
        start, end = start - offset, min(end - offset, len(texts[index]))  # cut at the block's end
        words = " ".join(texts[index][start:end].split())
        if any(char.isalpha() for char in words):
            result[block].append(Sentence(block.line_at(start), block.text[start:end].strip(), words))
    return result


def _spans(text: str, language: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text`, leading spaces skipped; a blank line always ends one."""
    import sentencex  # a compiled extension: only when a check needs it

    spans = []
    for found in sentencex.get_sentence_boundaries(language, text):
        start, end = int(found["start_index"]), int(found["end_index"])
        for part in text[start:end].split(BLOCK_SEPARATOR):
            if part.strip():
                lead = len(part) - len(part.lstrip())
                spans.append((start + lead, start + len(part)))
            start += len(part) + len(BLOCK_SEPARATOR)
    return spans
