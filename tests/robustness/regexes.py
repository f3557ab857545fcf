"""Every regular expression of the ``pipeline`` package, found by walking the imported
modules (compiled patterns and spaCy ``REGEX`` token specs, in module globals, class
attributes and the containers they hold) and by reading the source (string literals passed
to ``re.*`` calls); and adversarial strings to feed them."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pipeline

RE_FUNCTIONS = {"compile", "search", "match", "fullmatch", "finditer", "findall", "sub",
                "subn", "split"}


def _modules() -> Iterator[Any]:
    for info in pkgutil.walk_packages(pipeline.__path__, "pipeline."):
        if info.name.endswith("__main__"):
            continue
        yield importlib.import_module(info.name)


def _walk(value: Any, where: str, seen: set[int], depth: int = 0) -> Iterator[tuple[str, str]]:
    if id(value) in seen or depth > 6:
        return
    seen.add(id(value))
    if isinstance(value, re.Pattern):
        # a bytes pattern is tried as the same pattern over text (its structure is what counts)
        pattern = value.pattern
        yield where, pattern.decode("latin-1") if isinstance(pattern, bytes) else pattern
    elif isinstance(value, dict):
        regex = value.get("REGEX") if all(isinstance(k, str) for k in value) else None
        if isinstance(regex, str | re.Pattern):
            yield where, regex if isinstance(regex, str) else regex.pattern
        for key, item in list(value.items())[:5000]:
            yield from _walk(item, f"{where}[{key!r}]", seen, depth + 1)
    elif isinstance(value, list | tuple | set | frozenset):
        for i, item in enumerate(list(value)[:5000]):
            yield from _walk(item, f"{where}[{i}]", seen, depth + 1)
    elif isinstance(value, type) and value.__module__.startswith("pipeline"):
        for name, item in vars(value).items():
            yield from _walk(item, f"{where}.{name}", seen, depth + 1)


def _literals(path: Path, module: str) -> Iterator[tuple[str, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict):  # a spaCy token spec {"TEXT": {"REGEX": "..."}}
            for key, value in zip(node.keys, node.values, strict=True):
                if (isinstance(key, ast.Constant) and key.value == "REGEX"
                        and isinstance(value, ast.Constant) and isinstance(value.value, str)):
                    yield f"{module}:{node.lineno}", value.value
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name) and node.func.value.id == "re"
                and node.func.attr in RE_FUNCTIONS and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)):
            yield f"{module}:{node.lineno}", node.args[0].value


def all_patterns() -> dict[str, str]:
    """``pattern source -> where it was first found`` for every regex of ``pipeline``."""
    found: dict[str, str] = {}
    seen: set[int] = set()
    for module in _modules():
        for name, value in vars(module).items():
            if name.startswith("__"):
                continue
            for where, pattern in _walk(value, f"{module.__name__}.{name}", seen):
                found.setdefault(pattern, where)
        if module.__file__:
            for where, pattern in _literals(Path(module.__file__), module.__name__):
                found.setdefault(pattern, where)
    return found


#: Runs that make backtracking regexes blow up: one character, or two alternating.
RUNS = ("a", "A", "é", "É", "0", "9", "/", ".", "-", "'", "’", " ", "\n", "\t", "«", "»", "(",
        ")", "I", "X", "aA", "a-", "A.", "1/", "1.", " \n", "\n ", "a ", "A'", "é-", "mi-",
        ". ", "!»", "a.")


def adversarial(pattern: str, length: int) -> Iterator[str]:
    """Long strings built to make ``pattern`` backtrack: runs of common characters and of the
    characters the pattern itself names, each followed by a character that makes the match
    fail at the very end."""
    own = {c for c in pattern if c.isprintable() and c not in "\\^$()[]{}?*+|"}
    for run in (*RUNS, *sorted(own)):
        body = run * (length // len(run))
        yield body
        yield body + "\x00"
        yield "\x00" + body + "!"
