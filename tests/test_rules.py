"""Every rule validate can report is in validate.RULES, with its meaning, and an inline-fixture
test (tests/test_rules_*.py, on tests/tiny.py's package) expects it in the complete list of
problems it asserts; so does every constraint a constraint-error can name."""
import ast
from pathlib import Path

import pytest

from labour2016 import model
from labour2016.problems import Rule, rules_by_id
from labour2016.validate import RULES, STEPS, _in_order, step_module

TESTS = Path(__file__).resolve().parent


def expected_rules() -> set[str]:
    """The rules ("constraint-error/maximum" with its constraint) of the problems that
    `assert problems(...) == [(file, line, column, value, rule), ...]` in tests/test_rules_*.py expects."""
    found = set()
    for path in TESTS.glob("test_rules_*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Compare) and isinstance(node.ops[0], ast.Eq)
                    and isinstance(node.left, ast.Call) and getattr(node.left.func, "id", None) == "problems"):
                continue
            for t in ast.walk(node.comparators[0]):
                if isinstance(t, ast.Tuple) and len(t.elts) == 5 and isinstance(t.elts[-1], ast.Constant):
                    found.add(t.elts[-1].value)
    return found


def test_every_rule_is_expected_by_an_inline_fixture_test():
    expected = {r.partition("/")[0] for r in expected_rules()}
    assert [r for r in RULES if r not in expected] == []


def test_every_constraint_is_expected_by_an_inline_fixture_test():
    wanted = {"unique-error/unique" if c == "unique" else f"constraint-error/{c}" for c in model.CONSTRAINTS}
    assert sorted(wanted - expected_rules()) == []


def test_expected_rules_are_rules():
    assert sorted(r for r in expected_rules() if r.partition("/")[0] not in RULES) == []


def test_a_rule_its_step_does_not_declare_is_a_bug_not_a_verdict():
    stray = Rule("no-such-rule", "No such rule", "nothing", "nothing", "tables")
    with pytest.raises(ValueError, match="no-such-rule"):
        _in_order([stray("x.csv", 2, "a", "b", "m")], step_module("tables").RULES, "tables")


def test_a_rule_id_declared_twice_is_refused():
    one = Rule("sum-100", "Shares", "again", "hint", "arithmetic")
    with pytest.raises(ValueError, match="sum-100"):
        rules_by_id(tuple(RULES.values()), (one,))


def test_each_rule_is_declared_once_with_its_title_description_hint_and_step():
    for rule in RULES.values():
        assert rule.title and rule.description and rule.hint and rule.step in STEPS, rule
        # declared by the step it names, which lists it among the rules it can report
        assert rule in step_module(rule.step).RULES, rule
    reported = [r.id for name in STEPS for r in step_module(name).RULES]
    assert sorted(set(reported)) == sorted(RULES)


def test_no_step_imports_another_step():
    """What two steps share lives in a helper module (intervals, texts), never in a step."""
    src = Path(step_module("tables").__file__).parent
    imported = {}
    for name in STEPS:
        tree = ast.parse((src / f"{name}.py").read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level == 1:
                imported[name] = imported.get(name, set()) | {node.module or a.name for a in node.names}
    assert {k: sorted(v & set(STEPS)) for k, v in imported.items() if v & set(STEPS)} == {}


def test_no_pandas_on_validates_path(tmp_path):
    """validate imports neither pandas nor pandera's pandas API (benchmarks/RESULTS.md)."""
    import subprocess
    import sys

    code = ("import sys\nfrom labour2016 import cli\ncli.main(['validate', '--no-sources'])\n"
            "print(sorted(m for m in ('pandas', 'pandera.pandas') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert done.stdout.strip().splitlines()[-1] == "[]", done.stdout + done.stderr
