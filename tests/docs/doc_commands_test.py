#!/usr/bin/env python3
"""Runs every command the user documentation shows, and checks what it says they print.

Usage: doc_commands_test.py PARLEY_BINARY SOURCE_DIR

The convention (docs/architecture.md, "Docs that are tested"):
- A fenced block opened with ```sh holds shell commands. The test runs the blocks of one page
  in order (a later block may use an earlier one's files), with bash -e, in a temporary folder
  of its own where `scenarios/` and `tests/data/` lead to the repository's, and where both
  `parley` and `build/parley` are the built binary.
- ```sh exit=N: the block is expected to end with exit status N (an example of an error).
- ```sh no-test: REASON: the block is not run (it installs packages, builds, or needs a
  network); the test lists every such block with its page, line and reason, and counts them.
- A ```text block right after a ```sh block (blank lines between allowed) is what the block
  prints (standard output and error, as a terminal shows them). Lines compare exactly, after
  trailing spaces are dropped, except that a line `...` stands for any number of lines and
  `{...}` within a line for any text.
"""
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

FENCE = re.compile(r"^```(\S*)\s*(.*)$")


def blocks(page):
    """(line, language, info, text) of every fenced block of a page."""
    out, lines, i = [], page.read_text(encoding="utf-8").splitlines(), 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        start, lang, info = i + 1, m.group(1), m.group(2).strip()
        j = i + 1
        while j < len(lines) and not lines[j].startswith("```"):
            j += 1
        out.append({"line": start, "lang": lang, "info": info, "text": "\n".join(lines[i + 1:j]),
                    "end": j})
        i = j + 1
    return out, lines


def expected_output(all_blocks, k, lines):
    """The ```text block right after block k, if only blank lines lie between."""
    if k + 1 >= len(all_blocks) or all_blocks[k + 1]["lang"] != "text":
        return None
    between = lines[all_blocks[k]["end"] + 1:all_blocks[k + 1]["line"] - 1]
    return all_blocks[k + 1]["text"] if all(not l.strip() for l in between) else None


def matches(expected, actual):
    """Line by line; `...` is any number of lines, `{...}` any text within a line."""
    exp = [l.rstrip() for l in expected.splitlines()]
    act = [l.rstrip() for l in actual.splitlines()]

    def line_ok(e, a):
        if "{...}" not in e:
            return e == a
        pattern = ".*".join(re.escape(part) for part in e.split("{...}"))
        return re.fullmatch(pattern, a) is not None

    def go(i, j):
        if i == len(exp):
            return j == len(act)
        if exp[i] == "...":
            return any(go(i + 1, k) for k in range(j, len(act) + 1))
        return j < len(act) and line_ok(exp[i], act[j]) and go(i + 1, j + 1)

    return go(0, 0)


def main():
    parley, source = Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve()
    pages = [source / "README.md"] + sorted((source / "docs").rglob("*.md"))
    ran, skipped, failures = 0, [], []
    for page in pages:
        all_blocks, lines = blocks(page)
        runnable = [b for b in all_blocks if b["lang"] == "sh"]
        if not runnable:
            continue
        with tempfile.TemporaryDirectory(prefix="parley-docs-") as tmp:
            work = Path(tmp)
            (work / "scenarios").symlink_to(source / "scenarios")
            (work / "tests").mkdir()
            (work / "tests" / "data").symlink_to(source / "tests" / "data")
            (work / "build").mkdir()
            (work / "build" / "parley").symlink_to(parley)
            bin_dir = work / ".bin"
            bin_dir.mkdir()
            (bin_dir / "parley").symlink_to(parley)
            env = dict(os.environ, PATH=f"{bin_dir}:{os.environ.get('PATH', '')}", COLUMNS="100")
            for k, block in enumerate(all_blocks):
                if block["lang"] != "sh":
                    continue
                where = f"{page.relative_to(source)}:{block['line']}"
                if block["info"].startswith("no-test"):
                    reason = block["info"].partition(":")[2].strip()
                    if not reason:
                        failures.append(f"{where}: no-test without a reason (```sh no-test: REASON)")
                    skipped.append(f"{where}: {reason}")
                    continue
                status = 0
                m = re.match(r"exit=(\d+)$", block["info"])
                if m:
                    status = int(m.group(1))
                elif block["info"]:
                    failures.append(f"{where}: unknown marker '{block['info']}' "
                                    "(expected exit=N or no-test: REASON)")
                    continue
                ran += 1
                script = ("set -e\n" if status == 0 else "") + block["text"] + "\n"
                r = subprocess.run(["bash", "-c", script], cwd=work, env=env,
                                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                   text=True, timeout=600)
                if r.returncode != status:
                    failures.append(f"{where}: exit status {r.returncode}, expected {status}\n"
                                    + block["text"] + "\n--- printed:\n" + r.stdout[-3000:])
                    continue
                expected = expected_output(all_blocks, k, lines)
                if expected is not None and not matches(expected, r.stdout):
                    failures.append(f"{where}: printed output differs from the ```text block "
                                    "after it\n--- the page says:\n" + expected
                                    + "\n--- parley printed:\n" + r.stdout)
    print(f"{ran} sh blocks run; {len(skipped)} marked no-test:")
    for s in skipped:
        print("  " + s)
    for f in failures:
        print("FAIL " + f + "\n")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
