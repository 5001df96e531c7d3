"""Every error code talestream sends or compares is an `ErrorCode` member (issue 13 item 2).

A code written as a bare string (`code="SOMETHING"`, `exc.code == "SOMETHING"`,
`data.get("code", "SOMETHING")`) must still be one of the enum's values, so the enum stays the one
list of codes that clients can rely on.
"""

from __future__ import annotations

import ast
from pathlib import Path

from talestream.errors import ErrorCode

SRC = Path(__file__).resolve().parents[1] / "src" / "talestream"


def _strings(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.Tuple | ast.List | ast.Set):
        return [s for element in node.elts for s in _strings(element)]
    return []


def _is_code(node: ast.AST) -> bool:
    return (isinstance(node, ast.Attribute) and node.attr == "code") or (
        isinstance(node, ast.Name) and node.id == "code"
    )


def code_literals(source: str) -> list[str]:
    """The string literals used as error codes in `source`."""
    found: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.keyword) and node.arg == "code":
            found += _strings(node.value)
        elif isinstance(node, ast.Compare):
            sides = [node.left, *node.comparators]
            if any(_is_code(side) for side in sides):
                found += [s for side in sides for s in _strings(side)]
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "get"
            and len(node.args) == 2
            and _strings(node.args[0]) == ["code"]
        ):
            found += _strings(node.args[1])
    return found


def test_every_code_literal_is_an_error_code() -> None:
    known = {code.value for code in ErrorCode}
    unknown = sorted(
        (str(path.relative_to(SRC)), code)
        for path in SRC.rglob("*.py")
        for code in code_literals(path.read_text())
        if code not in known
    )
    assert unknown == []


def test_the_check_sees_each_way_of_writing_a_code() -> None:
    source = """
Failed(code="NEW_ONE", message="m")
if error.code == "NEW_TWO": pass
if code in ("NEW_THREE", "ERROR"): pass
data.get("code", "NEW_FOUR")
"""
    assert sorted(code_literals(source)) == ["ERROR", "NEW_FOUR", "NEW_ONE", "NEW_THREE", "NEW_TWO"]
