"""GitHub Actions expressions (`${{ … }}` and `if:`), evaluated the way GitHub does: loose
equality with case-insensitive strings, `&&`/`||` returning an operand, and the usual functions.
Anything outside that subset is an ExpressionError rather than a silent guess."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Mapping

TOKEN = re.compile(
    r"\s*(?:(?P<number>0x[0-9a-fA-F]+|-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)"
    r"|(?P<string>'(?:[^']|'')*')"
    r"|(?P<op>==|!=|<=|>=|&&|\|\||[()\[\].,!<>])"
    r"|(?P<name>[A-Za-z_][A-Za-z0-9_-]*))"
)
LITERALS = {"true": True, "false": False, "null": None}


class ExpressionError(Exception):
    """An expression this runner cannot evaluate, with the reason."""


def tokenize(text: str) -> list[tuple[str, str]]:
    tokens, position = [], 0
    while position < len(text):
        if text[position:].strip() == "":
            break
        match = TOKEN.match(text, position)
        if not match:
            raise ExpressionError(f"unexpected {text[position:].strip()[:20]!r} in {text.strip()!r}")
        kind = match.lastgroup or ""
        tokens.append((kind, match.group(kind)))
        position = match.end()
    return tokens


def to_number(value: object) -> float:
    if value is None:
        return 0.0
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return 0.0
        try:
            return float(int(text, 16)) if text.lower().startswith("0x") else float(text)
        except ValueError:
            return math.nan
    return math.nan


def truthy(value: object) -> bool:
    if isinstance(value, float) and math.isnan(value):
        return False
    return value not in (None, False, 0, "")


def to_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dict, list)):
        return json.dumps(value, indent=2)
    return str(value)


def loose_equal(left: object, right: object) -> bool:
    if isinstance(left, str) and isinstance(right, str):
        return left.casefold() == right.casefold()
    if left is None and right is None:
        return True
    if isinstance(left, (dict, list)) or isinstance(right, (dict, list)):
        return left is right
    if type(left) is type(right):
        return left == right
    return to_number(left) == to_number(right)


def compare(left: object, right: object) -> float:
    """Negative, zero or positive like cmp; NaN when the values do not order."""
    if isinstance(left, str) and isinstance(right, str):
        a, b = left.casefold(), right.casefold()
        return (a > b) - (a < b)
    return to_number(left) - to_number(right)


def _format(template: object, *args: object) -> str:
    def replace(match: re.Match[str]) -> str:
        token = match.group(0)
        if token in ("{{", "}}"):
            return token[0]
        index = int(match.group(1))
        if index >= len(args):
            raise ExpressionError(f"format() has no argument {{{index}}}")
        return to_text(args[index])

    return re.sub(r"\{\{|\}\}|\{(\d+)\}", replace, to_text(template))


def _contains(search: object, item: object) -> bool:
    if isinstance(search, list):
        return any(loose_equal(element, item) for element in search)
    return to_text(item).casefold() in to_text(search).casefold()


FUNCTIONS: dict[str, Callable[..., object]] = {
    "format": _format,
    "contains": _contains,
    "startswith": lambda text, prefix: to_text(text).casefold().startswith(to_text(prefix).casefold()),
    "endswith": lambda text, suffix: to_text(text).casefold().endswith(to_text(suffix).casefold()),
    "join": lambda items, sep=",": to_text(sep).join(map(to_text, items if isinstance(items, list) else [items])),
    "tojson": lambda value: json.dumps(value, indent=2),
    "fromjson": lambda text: json.loads(to_text(text)),
}
STATUS_FUNCTIONS = ("success", "failure", "always", "cancelled")
STATUS_CALL = re.compile(r"\b(?:success|failure|always|cancelled)\s*\(", re.IGNORECASE)


def lookup(container: object, key: object) -> object:
    if isinstance(container, Mapping):
        if key in container:
            return container[key]
        wanted = to_text(key).casefold()
        return next((value for name, value in container.items() if str(name).casefold() == wanted), None)
    if isinstance(container, list) and isinstance(key, (int, float)) and 0 <= int(key) < len(container):
        return container[int(key)]
    return None


class _Parser:
    """Recursive descent over the tokens: or > and > equality > comparison > unary > access."""

    def __init__(self, text: str, contexts: Mapping[str, object], status: Mapping[str, bool]):
        self.text, self.tokens, self.position = text, tokenize(text), 0
        self.contexts, self.status = contexts, status

    def peek(self) -> tuple[str, str] | None:
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def take(self, expected: str | None = None) -> tuple[str, str]:
        token = self.peek()
        if token is None or (expected is not None and token[1] != expected):
            found = token[1] if token else "the end"
            raise ExpressionError(f"expected {expected or 'a value'} but found {found} in {self.text.strip()!r}")
        self.position += 1
        return token

    def at(self, *ops: str) -> bool:
        token = self.peek()
        return token is not None and token[0] == "op" and token[1] in ops

    def parse(self) -> object:
        value = self.or_expression()
        if (extra := self.peek()) is not None:
            raise ExpressionError(f"unexpected {extra[1]!r} in {self.text.strip()!r}")
        return value

    def or_expression(self) -> object:
        value = self.and_expression()
        while self.at("||"):
            self.take()
            right = self.and_expression()
            value = value if truthy(value) else right
        return value

    def and_expression(self) -> object:
        value = self.equality()
        while self.at("&&"):
            self.take()
            right = self.equality()
            value = right if truthy(value) else value
        return value

    def equality(self) -> object:
        value = self.comparison()
        while self.at("==", "!="):
            op = self.take()[1]
            equal = loose_equal(value, self.comparison())
            value = equal if op == "==" else not equal
        return value

    def comparison(self) -> object:
        value = self.unary()
        while self.at("<", "<=", ">", ">="):
            op = self.take()[1]
            order = compare(value, self.unary())
            value = not math.isnan(order) and {"<": order < 0, "<=": order <= 0, ">": order > 0, ">=": order >= 0}[op]
        return value

    def unary(self) -> object:
        if self.at("!"):
            self.take()
            return not truthy(self.unary())
        return self.access(self.primary())

    def access(self, value: object) -> object:
        while self.at(".", "["):
            if self.take()[1] == ".":
                kind, name = self.take()
                if kind != "name":
                    raise ExpressionError(f"expected a property name after '.' in {self.text.strip()!r}")
                value = lookup(value, name)
            else:
                key = self.or_expression()
                self.take("]")
                value = lookup(value, key)
        return value

    def primary(self) -> object:
        kind, text = self.take()
        if kind == "number":
            return to_number(text)
        if kind == "string":
            return text[1:-1].replace("''", "'")
        if kind == "op" and text == "(":
            value = self.or_expression()
            self.take(")")
            return value
        if kind == "name":
            return self.name(text)
        raise ExpressionError(f"unexpected {text!r} in {self.text.strip()!r}")

    def name(self, text: str) -> object:
        if text in LITERALS:
            return LITERALS[text]
        if self.at("("):
            return self.call(text)
        lowered = {name.lower(): value for name, value in self.contexts.items()}
        if text.lower() not in lowered:
            raise ExpressionError(f"unknown context {text!r} (this runner knows {', '.join(sorted(self.contexts))})")
        return lowered[text.lower()]

    def call(self, written: str) -> object:
        function = written.lower()
        self.take("(")
        args = []
        while not self.at(")"):
            args.append(self.or_expression())
            if not self.at(")"):
                self.take(",")
        self.take(")")
        if function in STATUS_FUNCTIONS:
            return self.status[function]
        if function not in FUNCTIONS:
            raise ExpressionError(f"function {written}() is not emulated by this runner")
        try:
            return FUNCTIONS[function](*args)
        except TypeError:
            raise ExpressionError(f"wrong number of arguments to {written}()") from None


def run_status(failed: bool, succeeded: bool | None = None) -> dict[str, bool]:
    """The values of success(), failure(), always() and cancelled() (never cancelled here)."""
    success = not failed if succeeded is None else succeeded
    return {"success": success, "failure": failed, "always": True, "cancelled": False}


def evaluate(text: str, contexts: Mapping[str, object], status: Mapping[str, bool] | None = None) -> object:
    """The value of one expression (without its `${{ }}`)."""
    return _Parser(text, contexts, status or run_status(failed=False)).parse()


def split_template(text: str) -> list[tuple[bool, str]]:
    """Literal and expression parts of a string with `${{ … }}`, quotes inside expressions respected."""
    parts, position = [], 0
    while (start := text.find("${{", position)) != -1:
        parts.append((False, text[position:start]))
        end, index, quoted = None, start + 3, False
        while index < len(text) - 1:
            if text[index] == "'":
                quoted = not quoted
            elif not quoted and text.startswith("}}", index):
                end = index
                break
            index += 1
        if end is None:
            raise ExpressionError(f"`${{{{` without a closing `}}}}` in {text.strip()[:60]!r}")
        parts.append((True, text[start + 3 : end]))
        position = end + 2
    parts.append((False, text[position:]))
    return [part for part in parts if part[0] or part[1]]


def interpolate(text: str, contexts: Mapping[str, object], status: Mapping[str, bool] | None = None) -> str:
    """A string with every `${{ … }}` replaced by its value, as GitHub does before running a step."""
    parts = split_template(text)
    return "".join(to_text(evaluate(part, contexts, status)) if expression else part for expression, part in parts)


def condition(text: object, contexts: Mapping[str, object], status: Mapping[str, bool]) -> bool:
    """An `if:` value: a bare expression or one wrapped in `${{ }}`; no status function means success()."""
    if isinstance(text, bool):
        return text
    source = str(text).strip()
    if source.startswith("${{") and source.endswith("}}") and source.count("${{") == 1:
        source = source[3:-2]
    if not STATUS_CALL.search(source):
        source = f"success() && ({source})"
    return truthy(evaluate(source, contexts, status))
