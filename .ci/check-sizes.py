#!/usr/bin/env python3
"""Fails when a Swift file under Sources/ grows past 400 lines, or a function, initializer, accessor
block or closure-bodied declaration in SearchQuery or SearchIndex grows past 80 lines.

Functions are found by their declaration keyword and measured from that line to the brace that closes
their body; strings and comments are skipped while braces are counted, so a `}` in a literal does not
end a body early."""

import pathlib
import re
import sys

FILE_LIMIT = 400
FUNCTION_LIMIT = 80
FUNCTION_ROOMS = ("SearchQuery", "SearchIndex")
DECLARATION = re.compile(r"^\s*(?:@\w+(?:\([^)]*\))?\s+)*(?:(?:public|package|internal|private|fileprivate|"
                         r"static|class|final|override|mutating|nonmutating|nonisolated|consuming|borrowing|"
                         r"@inlinable|@inline\(__always\)|@usableFromInline|convenience|required)\s+)*"
                         r"(func\s+[^\s(<]+|init[?!]?\s*[(<]|deinit\b|subscript\s*[(<])")


def code_characters(lines):
    """Yields (line index, character) for the characters of code: no comments, no string contents."""
    in_block_comment = 0
    in_string = None  # '"' or '"""'
    for index, line in enumerate(lines):
        i = 0
        while i < len(line):
            rest = line[i:]
            if in_block_comment:
                if rest.startswith("*/"):
                    in_block_comment -= 1
                    i += 2
                    continue
                if rest.startswith("/*"):
                    in_block_comment += 1
                    i += 2
                    continue
                i += 1
                continue
            if in_string:
                if rest.startswith("\\"):
                    i += 2
                    continue
                if rest.startswith(in_string):
                    i += len(in_string)
                    in_string = None
                    continue
                i += 1
                continue
            if rest.startswith("//"):
                break
            if rest.startswith("/*"):
                in_block_comment += 1
                i += 2
                continue
            if rest.startswith('"""'):
                in_string = '"""'
                i += 3
                continue
            if rest.startswith('"'):
                in_string = '"'
                i += 1
                continue
            yield index, line[i]
            i += 1
        if in_string == '"':
            in_string = None  # single-line strings end with their line


def long_functions(path, lines):
    starts = [index for index, line in enumerate(lines) if DECLARATION.match(line)]
    found = []
    characters = list(code_characters(lines))
    for start in starts:
        depth = 0
        opened = False
        for index, char in characters:
            if index < start:
                continue
            if char == "{":
                depth += 1
                opened = True
            elif char == "}":
                depth -= 1
                if opened and depth == 0:
                    length = index - start + 1
                    if length > FUNCTION_LIMIT:
                        name = DECLARATION.match(lines[start]).group(1)
                        found.append(f"{path}:{start + 1}: {name.strip()} is {length} lines "
                                     f"(at most {FUNCTION_LIMIT})")
                    break
            elif char in "\n" and not opened:
                pass
            # A protocol requirement has no body: stop at the next declaration.
            if not opened and index > start and DECLARATION.match(lines[index] if index < len(lines) else ""):
                break
    return found


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".") / "Sources"
    problems = []
    for path in sorted(root.rglob("*.swift")):
        lines = path.read_text(encoding="utf-8").splitlines()
        if len(lines) > FILE_LIMIT:
            problems.append(f"{path}: {len(lines)} lines (at most {FILE_LIMIT})")
        if path.relative_to(root).parts[0] in FUNCTION_ROOMS:
            problems.extend(long_functions(path, lines))
    for problem in problems:
        print(problem)
    if problems:
        print(f"check-sizes: {len(problems)} over the limits", file=sys.stderr)
        return 1
    print("check-sizes: every file and function within its limit")
    return 0


if __name__ == "__main__":
    sys.exit(main())
