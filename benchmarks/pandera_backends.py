"""Which pandera backend should validate's column checks run on? Times one table's checks, built
the way validate builds them (enum, pattern, range, length, required), on N rows held four ways:
pandas with Python-object strings (validate before 0.2.0), pandas with Arrow-backed strings
(validate 0.2.0), polars (pandera's polars backend, what validate uses now), and a DuckDB table in
place through ibis (pandera's ibis backend), when ibis is installed; and each backend's import, in
a fresh interpreter: on the real package, of tens of rows, the import is most of the cost.

    python benchmarks/pandera_backends.py --rows 1000000

Prints one line per backend (median of --runs); `make bench` does not run it (ibis is not a
dependency), and benchmarks/RESULTS.md records its numbers by hand with the command that made them.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
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
    try:
        import ibis
        import pandera.ibis as pib
    except ImportError:
        print("  ibis (DuckDB in place) : not installed (pip install 'pandera[ibis]' 'ibis-framework[duckdb]')")
    else:
        con = ibis.duckdb.connect()
        con.con.register("src", pl.from_pandas(base).to_arrow())
        con.con.execute("create table t as select * from src")  # a DuckDB table, checked where it is
        table = con.table("t")
        ibis_schema = pib.DataFrameSchema(checks(pib))
        print(f"  ibis (DuckDB in place) : {timed(lambda: ibis_schema.validate(table, lazy=True), args.runs):6.2f} s")
    print("import in a fresh interpreter (median of --runs):")
    for name, code in IMPORTS.items():
        if subprocess.run([sys.executable, "-c", code], capture_output=True).returncode:
            print(f"  {name:22} : not installed")
            continue
        print(f"  {name:22} : {timed(lambda: subprocess.run([sys.executable, '-c', code], check=True), args.runs):6.2f} s")


# What validate would import for each backend: pandera's polars API without pandas is what
# labour2016.validate.tables does (pandera imports pandas whenever it is installed).
IMPORTS = {
    "python alone": "pass",
    "pandera.pandas": "import pandera.pandas",
    "pandera.polars": "import pandera.polars",
    "pandera.polars, no pandas": ("import sys\nclass NoPandas:\n    def find_spec(self, name, path=None, target=None):\n"
                                  "        if name.split('.')[0] == 'pandas':\n"
                                  "            raise ModuleNotFoundError(f'No module named {name!r}')\n"
                                  "sys.meta_path.insert(0, NoPandas())\nimport pandera.polars"),
    "pandera.ibis": "import pandera.ibis, ibis",
}


if __name__ == "__main__":
    main()
