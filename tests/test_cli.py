"""Command-line conventions: every command has --help with an example that parses, errors exit 2."""
import csv
import io
import shlex
import subprocess
import sys

import pytest

import counts
from conftest import ROOT
from labour2016 import cli


@pytest.mark.parametrize("command", list(cli.COMMANDS))
def test_help_shows_an_example_that_parses(command, capsys):
    with pytest.raises(SystemExit) as done:
        cli.main([command, "--help"])
    out = capsys.readouterr().out
    assert done.value.code == 0 and out.startswith(f"usage: labour2016 {command}")
    example = out.split("example:\n", 1)[1].strip()
    argv = shlex.split(example)
    assert argv[:2] == ["labour2016", command]
    assert cli.build_parser().parse_args(argv[1:]).command == command


def test_top_level_help_lists_every_command():
    done = subprocess.run([sys.executable, "-m", "labour2016.cli", "--help"], capture_output=True, text=True)
    assert done.returncode == 0 and "example: labour2016 query" in done.stdout
    assert all(f"    {name}" in done.stdout for name in cli.COMMANDS)


@pytest.mark.parametrize("argv", [[], ["no-such-command"], ["query", "--format", "xml", "select 1"]])
def test_usage_errors_go_to_stderr_with_exit_2(argv):
    done = subprocess.run([sys.executable, "-m", "labour2016.cli", *argv], capture_output=True, text=True)
    assert done.returncode == 2 and done.stdout == "" and "usage: labour2016" in done.stderr
    assert "Traceback" not in done.stderr


def test_console_script_skips_teardown_but_not_output():
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'labour2016 = "labour2016.cli:entry"' in pyproject
    done = subprocess.run([sys.executable, "-m", "labour2016.cli", "query", "select * from votes", "--format", "csv"],
                          capture_output=True, text=True)
    # every row, once (a multi-line evidence cell is one record)
    assert done.returncode == 0 and len(list(csv.reader(io.StringIO(done.stdout)))) == 1 + counts.ROWS["votes"]


def test_a_reader_that_stops_early_gets_no_traceback():
    p = subprocess.Popen([sys.executable, "-m", "labour2016.cli", "query", "select * from range(200000)"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert p.stdout.readline().strip() == "range"
    p.stdout.close()
    err = p.stderr.read()
    assert p.wait() == 0 and "Traceback" not in err and "Exception ignored" not in err, err


def test_readme_lists_every_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    listed = next(line for line in readme.splitlines() if line.startswith("labour2016 --help"))
    assert listed.split("#", 1)[1].strip() == ", ".join(cli.COMMANDS)
