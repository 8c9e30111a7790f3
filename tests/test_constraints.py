"""constraints.txt pins what `make` and CI install: every dependency pyproject.toml names, at the
version this environment has."""
import tomllib
from importlib import metadata

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from conftest import ROOT


def pins() -> dict[str, str]:
    """Package -> pinned version, for the pins whose markers hold on this Python."""
    out = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            req = Requirement(line)
            if req.marker is None or req.marker.evaluate():
                (spec,) = req.specifier
                assert spec.operator == "==", line
                out[canonicalize_name(req.name)] = spec.version
    return out


PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def declared() -> list[str]:
    extras = PROJECT["optional-dependencies"]
    return [Requirement(r).name for r in [*PROJECT["dependencies"], *extras["test"], *extras["charts"]]]


def test_every_declared_dependency_is_pinned_and_installed_at_its_pin():
    pinned = pins()
    for name in declared():
        key = canonicalize_name(name)
        assert key in pinned, f"{name} is in pyproject.toml but not in constraints.txt: run `make lock`"
        assert metadata.version(name) == pinned[key], f"{name}: installed {metadata.version(name)}, pinned {pinned[key]}"


def test_frictionless_is_a_test_tool_not_a_runtime_dependency():
    runtime = {canonicalize_name(Requirement(r).name) for r in PROJECT["dependencies"]}
    assert "frictionless" not in runtime and {"duckdb", "pandas", "pandera"} <= runtime
