"""README's examples and the output each shows, found, run and rewritten (checkout only).

Each sh or python block of README's Examples section is followed by the output it prints: a plain
fenced block, or a Markdown table (as the DuckDB CLI and `--format markdown` print). `labour2016
docs` runs every example from the package root, as a reader would after `make`, and writes what
it prints in place of the output shown; tests/test_readme.py runs them too and fails on any
difference. So a new row changes the README's counts and example outputs by one command.

The validate example shows two outputs: with the source texts found (run with them, only where
they are) and without (run with the search for them made to come back empty). Both begin with
the checkout's absolute path, shown as PLACE.
"""
from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

FENCE = re.compile(r"^```(\w*)\n(.*?)^```\n", re.S | re.M)
TABLE = re.compile(r"^(?:\|.*\|\n)+", re.M)
# README shows the checkout's absolute path, which validate prints first, as this placeholder.
PLACE = "/path/to/labour2016"


@dataclass
class Example:
    lang: str
    code: str
    outputs: list[str] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)  # of each output's text, in the README

    @property
    def is_validate(self) -> bool:
        return self.code.startswith("labour2016 validate")


def section(readme: str) -> tuple[int, int]:
    """Where the Examples section starts and ends in the README text."""
    start = readme.index("\n## Examples\n")
    return start, readme.index("\n## ", start + 1)


def examples(readme: str) -> list[Example]:
    """Each sh or python example of the section that shows an output, with its outputs' spans."""
    start, end = section(readme)
    text = readme[start:end]
    blocks = [(m.start(2), m.end(2), m.group(1), m.group(2)) for m in FENCE.finditer(text)]
    fenced = [(m.start(), m.end()) for m in FENCE.finditer(text)]
    blocks += [(m.start(), m.end() - 1, "table", m.group(0)) for m in TABLE.finditer(text)
               if not any(s <= m.start() < e for s, e in fenced)]
    found: list[Example] = []
    for s, e, lang, body in sorted(blocks):
        if lang in ("sh", "python"):
            found.append(Example(lang, body))
        elif found and lang in ("", "table"):
            output = body.rstrip("\n")
            found[-1].outputs.append(output)
            found[-1].spans.append((start + s, start + s + len(output)))
    return [e for e in found if e.outputs]


def run(root: Path, lang: str, code: str, **env) -> str:
    """The code as a reader runs it from the package root, with this Python's commands on PATH."""
    environ = {**os.environ, "PATH": os.pathsep.join([os.path.dirname(sys.executable), os.environ["PATH"]]), **env}
    command = ["bash", "-c", code] if lang == "sh" else [sys.executable, "-c", code]
    done = subprocess.run(command, capture_output=True, text=True, cwd=root, env=environ, timeout=120)
    if done.returncode != 0:
        raise RuntimeError(f"README example failed (exit {done.returncode}): {code.splitlines()[0]}\n{done.stderr}")
    return done.stdout.rstrip("\n")


def without_texts(code: str) -> str:
    """The validate example as it runs where no source texts are found (a clone without ../shared,
    a wheel): labour2016 finds none, so the search for them is made to come back empty."""
    argv = shlex.split(code)[1:]
    return ("import sys\nfrom labour2016 import cli, package\n"
            "package.sources_dir = lambda explicit=None: None\n"
            f"sys.exit(cli.main({argv!r}))")


def outputs(root: Path, example: Example, sources: Path | None) -> list[str | None]:
    """What the example prints now, output by output; None for one that cannot be run here (the
    validate example's with-the-texts output, where the texts are not found)."""
    if not example.is_validate:
        return [run(root, example.lang, example.code)]
    shown = lambda text: text.replace(str(root), PLACE, 1)  # noqa: E731
    with_texts = shown(run(root, example.lang, example.code, LABOUR2016_SOURCES=str(sources))) if sources else None
    return [with_texts, shown(run(root, "python", without_texts(example.code)))]


def regenerate(readme: str, root: Path, sources: Path | None) -> str:
    """The README with every example's output replaced by what it prints now."""
    return rewrite(readme, [outputs(root, example, sources) for example in examples(readme)])


def rewrite(readme: str, printed: list[list[str | None]]) -> str:
    """The README with each example's outputs replaced by printed (one list per example; None
    keeps the output shown)."""
    replacements = []
    for example, new_outputs in zip(examples(readme), printed, strict=True):
        for span, new in zip(example.spans, new_outputs, strict=True):
            if new is not None:
                replacements.append((span, new))
    for (s, e), new in sorted(replacements, reverse=True):
        readme = readme[:s] + new + readme[e:]
    return readme
