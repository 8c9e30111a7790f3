"""The package model (labour2016.model) reads the descriptor and every Table Schema;
what no door could honour is reported against the file that says it."""
from __future__ import annotations

from .. import package
from . import Context, Table


def check(ctx: Context) -> None:
    pkg = package.model(ctx.root, ctx.descriptor_file)
    for r in pkg.refusals:
        ctx.add(r.file, None, r.column, r.value, r.rule, r.message, r.hint)
    if pkg.raw is None:
        return
    ctx.model = pkg
    ctx.descriptor = pkg.raw
    for name, resource in pkg.resources.items():
        ctx.tables[name] = Table(name=name, file=resource.path, schema=resource.raw_schema, resource=resource)
