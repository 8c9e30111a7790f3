"""Which pandera backend should validate's column checks run on? Times one table's checks, built
the way validate builds them (enum, pattern, range, length, required), on N rows held three ways:
pandas with Python-object strings (validate before 0.2.0), pandas with Arrow-backed strings (what
DuckDB hands validate now), and polars (pandera's polars backend), when polars is installed.

    python benchmarks/pandera_backends.py --rows 1000000

Prints one line per backend (median of --runs); `make bench` does not run it (polars is not a
dependency), and benchmarks/RESULTS.md records its numbers by hand with the command that made them.
"""
from __future__ import annotations

import argparse
import statistics
import time


def frame(n: int):
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(0)
    sections = np.array(["members", "registered_supporters", "affiliated_supporters", "all"])
    return pd.DataFrame({
        "election_id": [f"labour-leadership-{2015 + i % 2}-s{i % 5000}" for i in range(n)],
        "section": sections[rng.integers(0, 4, n)],
        "value": rng.integers(0, 400_000, n).astype(float),
        "stated_as": [f"{v:,}" for v in rng.integers(0, 400_000, n)],
    })


def checks(pa):
    return {
        "election_id": pa.Column(str, pa.Check.str_matches(r"^[a-z0-9]+(-[a-z0-9]+)*$"), nullable=False),
        "section": pa.Column(str, pa.Check.isin(["members", "registered_supporters", "affiliated_supporters", "all"])),
        "value": pa.Column(float, [pa.Check.ge(0), pa.Check.le(1e9)]),
        "stated_as": pa.Column(str, pa.Check.str_length(1, 100)),
    }


def timed(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--rows", type=int, default=1_000_000)
    p.add_argument("--runs", type=int, default=3)
    args = p.parse_args()
    import numpy as np
    import pandas as pd
    import pandera.pandas as pa

    base = frame(args.rows)
    schema = pa.DataFrameSchema(checks(pa))
    objects = base.astype({c: object for c in ("election_id", "section", "stated_as")})
    arrow = base.astype({c: pd.StringDtype("pyarrow", na_value=np.nan) for c in ("election_id", "section", "stated_as")})
    print(f"{args.rows:,} rows, median of {args.runs}")
    print(f"  pandas, object strings : {timed(lambda: schema.validate(objects, lazy=True), args.runs):6.2f} s")
    arrow_schema = pa.DataFrameSchema({k: pa.Column(None, v.checks, nullable=v.nullable) for k, v in checks(pa).items()})
    print(f"  pandas, Arrow strings  : {timed(lambda: arrow_schema.validate(arrow, lazy=True), args.runs):6.2f} s")
    try:
        import pandera.polars as ppl
        import polars as pl
    except ImportError:
        print("  polars                 : not installed (pip install polars)")
        return
    # An eager DataFrame: on a LazyFrame pandera checks only the schema, not the values, by default.
    eager = pl.from_pandas(base)
    polars_schema = ppl.DataFrameSchema(checks(ppl))
    print(f"  polars                 : {timed(lambda: polars_schema.validate(eager, lazy=True), args.runs):6.2f} s")


if __name__ == "__main__":
    main()
