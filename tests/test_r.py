"""R/labour2016.R, run by Rscript: a table typed from its Table Schema, and the SQLite build with
its views. Without R (or readr, jsonlite, RSQLite) the tests skip, saying why; CI sets
LABOUR2016_REQUIRE_R=1 (.ci/run installs Debian's R), which makes a missing piece a failure."""
import os
import shutil
import subprocess

import pytest

from conftest import ROOT

PACKAGES = "r-base-core r-cran-readr r-cran-jsonlite r-cran-rsqlite"


@pytest.fixture(scope="session")
def rscript() -> str:
    def missing(why: str):
        if os.environ.get("LABOUR2016_REQUIRE_R") == "1":
            pytest.fail(f"LABOUR2016_REQUIRE_R=1 but {why}")
        pytest.skip(f"{why} (apt-get install {PACKAGES}; LABOUR2016_REQUIRE_R=1 makes this a failure)")

    found = shutil.which("Rscript")
    if found is None:
        missing("no Rscript on PATH")
    probe = subprocess.run([found, "-e", "library(readr); library(jsonlite); library(RSQLite)"],
                           capture_output=True, text=True, timeout=120)
    if probe.returncode != 0:
        missing(f"R lacks a package: {probe.stderr.strip().splitlines()[-1] if probe.stderr.strip() else '?'}")
    return found


def r(rscript: str, code: str) -> list[str]:
    done = subprocess.run([rscript, "-e", f'source("R/labour2016.R"); {code}'], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


def test_a_table_reads_with_the_types_its_schema_gives(rscript, tables):
    out = r(rscript, """
        v <- labour2016_read("votes")
        cat(nrow(v), class(v$value), class(v$round), sum(is.na(v$round)), "\\n")
        cat(unique(v$value[v$candidate_id == "jeremy-corbyn" & v$measure == "votes" & v$section == "all" &
                           v$election_id == "labour-leadership-2016"]), "\\n")
        e <- labour2016_read("events")
        cat(class(e$date), format(e$date[e$event_type == "no_confidence_vote"]), "\\n")
        c <- labour2016_read("candidates")
        cat(class(c$incumbent), c$incumbent[c$candidate_id == "jeremy-corbyn" & c$election_id == "labour-leadership-2016"], "\\n")
    """)
    gaps = sum(1 for row in tables["votes"] if row["round"] == "")
    assert out == [f"{len(tables['votes'])} numeric integer {gaps} ", "313209 ", "Date 2016-06-28 ", "logical TRUE "]


def test_every_table_reads_without_a_problem(rscript, tables):
    out = r(rscript, 'for (t in jsonlite::fromJSON("datapackage.json")$resources$name) cat(t, nrow(labour2016_read(t)), "\\n")')
    assert out == [f"{name} {len(rows)} " for name, rows in tables.items()]


def test_a_cell_that_is_not_its_type_stops_the_read_naming_it(rscript, tmp_path):
    from conftest import copy_package

    copy = copy_package(tmp_path / "pkg")
    events = copy / "data" / "events.csv"
    events.write_text(events.read_text(encoding="utf-8").replace("2016-06-28", "28 June 2016", 1), encoding="utf-8")
    done = subprocess.run([rscript, "-e", f'source("{ROOT}/R/labour2016.R"); labour2016_read("events", "{copy}")'],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode != 0
    assert "labour2016: data/events.csv line" in done.stderr and "28 June 2016 is not date like %Y-%m-%d" in done.stderr


def test_the_sqlite_build_opens_with_its_views(rscript, built):
    out, _ = built
    lines = r(rscript, f"""
        con <- labour2016_sqlite("{out / 'labour2016.sqlite'}")
        x <- DBI::dbGetQuery(con, "select candidate_id, votes from results where election_id = 'labour-leadership-2016'
                                   and section = 'all' order by votes desc")
        for (i in seq_len(nrow(x))) cat(x$candidate_id[i], x$votes[i], "\\n")
        m <- DBI::dbGetQuery(con, "select winner_id, margin_votes from margins where election_id = 'labour-leadership-2016'
                                   and section = 'all'")
        cat(m$winner_id, m$margin_votes, "\\n")
        DBI::dbDisconnect(con)
    """)
    assert lines == ["jeremy-corbyn 313209 ", "owen-smith 193229 ", f"jeremy-corbyn {313209 - 193229} "]


def test_the_readme_example_prints_what_it_shows(rscript, built):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("\n## In R\n"):]
    code, after = section.split("```r\n", 1)[1].split("```\n", 1)
    shown = after.split("```\n", 1)[1].split("```", 1)[0].rstrip("\n")
    out, _ = built
    assert "build/labour2016.sqlite" in code
    done = subprocess.run([rscript, "-e", code.replace("build/labour2016.sqlite", str(out / "labour2016.sqlite"))],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.rstrip("\n") == shown
