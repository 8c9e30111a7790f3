"""README examples show real output: run each example's code as the README shows it and compare its
output, character for character, with the text the README shows after it."""
import os
import re
import shlex
import subprocess
import sys

import pytest

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
FENCE = re.compile(r"^```(\w*)\n(.*?)^```\n", re.S | re.M)
TABLE = re.compile(r"^(?:\|.*\|\n)+", re.M)


def examples_section() -> str:
    start = README.index("\n## Examples\n")
    return README[start:README.index("\n## ", start + 1)]


def examples() -> list[tuple[str, str, list[str]]]:
    """(language, code, outputs) for each sh or python block in Examples, with the outputs shown
    after it (plain fenced blocks, or a Markdown table as the DuckDB CLI and `--format markdown` print)."""
    text = examples_section()
    blocks = [(m.start(), m.end(), m.group(1), m.group(2)) for m in FENCE.finditer(text)]
    blocks += [(m.start(), m.end(), "table", m.group(0)) for m in TABLE.finditer(text)
               if not any(s <= m.start() < e for s, e, _, _ in blocks)]
    found = []
    for _, _, lang, body in sorted(blocks):
        if lang in ("sh", "python"):
            found.append((lang, body, []))
        elif found and lang in ("", "table"):
            found[-1][2].append(body.rstrip("\n"))
    return [e for e in found if e[2]]


def run(lang: str, code: str, **env) -> str:
    """The code as a reader runs it from the package root, with the venv's commands on PATH."""
    environ = {**os.environ, "PATH": os.pathsep.join([os.path.dirname(sys.executable), os.environ["PATH"]]), **env}
    command = ["bash", "-c", code] if lang == "sh" else [sys.executable, "-c", code]
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=environ, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.rstrip("\n")


EXAMPLES = examples()
VALIDATE = next(e for e in EXAMPLES if e[1].startswith("labour2016 validate"))


def test_the_examples_are_found():
    # every example but 8 shows its output (8 writes files and starts Datasette, printing nothing to
    # compare); 7 shows two, with and without the source texts; 3 runs two snippets, each shown
    numbered = re.findall(r"^\*\*(\d+)\. ", examples_section(), re.M)
    assert len(numbered) == 24 and len(EXAMPLES) == len(numbered) - 1 + 1
    assert [len(outputs) for _, _, outputs in EXAMPLES] == [1] * 6 + [2] + [1] * 17


@pytest.mark.parametrize("lang,code,outputs", [e for e in EXAMPLES if e is not VALIDATE],
                         ids=lambda v: v.splitlines()[0][:40] if isinstance(v, str) else None)
def test_example_prints_what_the_readme_shows(lang, code, outputs):
    assert run(lang, code) == outputs[0]


def without_texts(code: str) -> str:
    """The validate example as it runs where no source texts are found (a clone without ../shared,
    a wheel): labour2016 finds none, so the search for them is made to come back empty."""
    argv = shlex.split(code)[1:]
    return ("import sys\nfrom labour2016 import cli, package\n"
            "package.sources_dir = lambda explicit=None: None\n"
            f"sys.exit(cli.main({argv!r}))")


# README shows the checkout's absolute path, which validate prints first, as this placeholder.
PLACE = "/path/to/labour2016"


def test_validate_example_without_the_source_texts():
    lang, code, (_, without) = VALIDATE
    assert lang == "sh"
    assert run("python", without_texts(code)) == without.replace(PLACE, str(ROOT), 1)


def test_validate_example_with_the_source_texts(sources_dir):
    lang, code, (with_texts, _) = VALIDATE
    assert run(lang, code, LABOUR2016_SOURCES=str(sources_dir)) == with_texts.replace(PLACE, str(ROOT), 1)
