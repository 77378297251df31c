#!/usr/bin/env python3
"""The house rules a reviewer would otherwise check by eye (issue 11, docs/ARCHITECTURE.md):

- no merge-conflict marker in any tracked text file;
- no Swift source file (Sources/, Explorer/Sources/) over 600 lines;
- no function, initializer or accessor over 100 lines, except those ARCHITECTURE.md's "Long functions kept on
  purpose" table names (by `Type.function`).

Prints each breach as FILE:LINE: message and exits 1 if there is any. Run from anywhere: `scripts/house-check.py`.
"""
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MAX_FILE_LINES = 600
MAX_FUNCTION_LINES = 100
SOURCE_ROOTS = ("Sources/", "Explorer/Sources/")

DECLARATION = re.compile(
    r"^\s*(?:@\w+(?:\([^)]*\))?\s+)*(?:(?:public|package|private|fileprivate|internal|static|mutating|override|final|"
    r"nonisolated|class|convenience|required|open)\s+)*(func\s+([^\s(<]+)|init[?!]?|subscript|deinit)")
TYPE = re.compile(r"^\s*(?:[\w@()]+\s+)*(?:struct|enum|class|actor|extension|protocol)\s+([\w.]+)")
STRING = re.compile(r'"(?:\\.|[^"\\])*"')


def tracked_files():
    out = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    return [name for name in out.decode().split("\0") if name]


def allowed_long_functions():
    """`Type.function` names from ARCHITECTURE.md's table of long functions kept on purpose."""
    text = open(os.path.join(ROOT, "docs/ARCHITECTURE.md"), encoding="utf-8").read()
    section = text.split("## Long functions kept on purpose", 1)
    if len(section) < 2:
        return set()
    body = section[1].split("\n## ", 1)[0]
    return set(re.findall(r"^\| `([\w.]+)`", body, flags=re.M))


def function_lengths(lines):
    """(name, first line, length) of every function-like body, with the innermost enclosing type's name."""
    types = []  # (name, depth at which its body opened)
    depth = 0
    results = []
    in_multiline = False
    for number, raw in enumerate(lines):
        line = raw
        if line.count('"""') % 2 == 1:
            in_multiline = not in_multiline
            continue
        if in_multiline:
            continue
        code = STRING.sub('""', line).split("//")[0]
        type_match = TYPE.match(code)
        decl = DECLARATION.match(code)
        if decl:
            name = decl.group(2) or decl.group(1).split("(")[0]
            owner = types[-1][0] if types else ""
            end = body_end(lines, number)
            if end is not None:
                results.append((f"{owner}.{name}" if owner else name, number + 1, end - number + 1))
        for char in code:
            if char == "{":
                depth += 1
                if type_match and not any(d == depth for _, d in types):
                    types.append((type_match.group(1).split(".")[-1], depth))
                    type_match = None
            elif char == "}":
                while types and types[-1][1] == depth:
                    types.pop()
                depth -= 1
    return results


def body_end(lines, start):
    depth = 0
    opened = False
    for number in range(start, len(lines)):
        code = STRING.sub('""', lines[number]).split("//")[0]
        for char in code:
            if char == "{":
                depth += 1
                opened = True
            elif char == "}":
                depth -= 1
                if opened and depth == 0:
                    return number
        if not opened and number - start > 15:
            return None  # a protocol requirement or a declaration without a body
    return None


def main():
    problems = []
    allowed = allowed_long_functions()
    for name in tracked_files():
        path = os.path.join(ROOT, name)
        if not os.path.isfile(path):
            continue
        try:
            text = open(path, encoding="utf-8").read()
        except (UnicodeDecodeError, OSError):
            continue
        lines = text.split("\n")
        for number, line in enumerate(lines, 1):
            if line.startswith(("<<<<<<< ", ">>>>>>> ")) or line == "=======" and name.endswith((".swift", ".md")):
                problems.append(f"{name}:{number}: merge-conflict marker left in the file")
        if not name.endswith(".swift") or not name.startswith(SOURCE_ROOTS):
            continue
        count = len(lines) - (1 if text.endswith("\n") else 0)
        if count > MAX_FILE_LINES:
            problems.append(f"{name}:1: {count} lines, over {MAX_FILE_LINES}: cut it by concept (ARCHITECTURE.md)")
        for function, first, length in function_lengths(lines):
            if length > MAX_FUNCTION_LINES and function not in allowed:
                problems.append(
                    f"{name}:{first}: {function} is {length} lines, over {MAX_FUNCTION_LINES}: split it, or name it "
                    "with the reason in ARCHITECTURE.md's \"Long functions kept on purpose\"")
    for problem in problems:
        print(problem)
    print(f"house check: {len(problems)} problem(s)", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
