"""The package model (labour2016.model) reads the descriptor and every Table Schema; what no door
could honour is reported against the file that says it."""
from __future__ import annotations

from .. import model as _model

RULES = _model.RULES


def check(model: _model.Package) -> list:
    return model.refusals
