"""The one CSV reader: DuckDB reads each resource once, into a table every check queries in place.

`load(con, resource, k)` makes table `t<k>`: each field's cell as text (`r<i>`, NULL where the
schema's missingValues say so), each non-text field parsed by its type (`v<i>`, NULL where the
cell does not parse), and `_line`, the physical line the row starts on. Column names are
positional, so no name from a package becomes SQL; the views `t<k>_raw` and `t<k>_typed` give
the fields their names, quoted. Windows, Excel and other editors' CSV is read as its LF original:
a byte-order mark is dropped and CRLF inside a quoted cell becomes LF.

DuckDB is the fast path. It skips blank lines silently, so the file's line breaks are counted to
prove that nothing was skipped; a file it refuses or cannot account for is read again by the csv
module, which names every bad line (the slow path, for broken files only). DuckDB reads a quote
left open at the end of a file without a word, so every table's last record is read again too.
"""
from __future__ import annotations

import csv
import io
import re
import sys
from dataclasses import dataclass

from . import invisible, model
from .problems import Problem, Rule

STEP = "files"
EMPTY_FILE = Rule("empty-file", "Empty file", "a CSV file is empty",
                  "restore the header row and data, or remove the resource", STEP)
HEADER = Rule("header-error", "Header error", "a CSV header is not the schema's fields in order",
              "the header must be: {header}", STEP)
SOURCE = Rule("source-error", "Source error",
              "a CSV cannot be parsed, or DuckDB (which the views read with) cannot read it",
              "close the quoted value (a missing \" ?)", STEP)
MISSING_CELL = Rule("missing-cell", "Missing cell", "a row has fewer cells than the header",
                    "make every row have one field per header column; quote values containing commas", STEP)
EXTRA_CELL = Rule("extra-cell", "Extra cell", "a row has more cells than the header",
                  "make every row have one field per header column (a comma too many at the end of the row?); "
                  "quote values containing commas", STEP)
BLANK_ROW = Rule("blank-row", "Blank row", "a row is blank, or every cell of it is empty",
                 "remove the blank line, or fill in the row", STEP)
ENCODING = next(r for r in model.RULES if r.id == "encoding-error")
RULES = (EMPTY_FILE, HEADER, SOURCE, MISSING_CELL, EXTRA_CELL, BLANK_ROW)

LINE = "_line"
CHUNK = 1 << 23
_EXTRA = "_extra"


@dataclass(frozen=True)
class Table:
    resource: model.Resource
    k: int
    rows: int
    hidden: bool  # whether a cell may hold a character no editor shows (labour2016.invisible)
    line: str  # SQL: a row's line in the file, from `base`

    @property
    def raw(self) -> str:
        """The view of text cells by field name (NULL where missing), with _line."""
        return f"t{self.k}_raw"

    @property
    def typed(self) -> str:
        """The view of cells parsed by type (NULL where missing or not of the type), with _line."""
        return f"t{self.k}_typed"

    @property
    def file(self) -> str:
        return self.resource.path

    @property
    def base(self) -> str:
        """The table the views `raw` and `typed` select from."""
        return f"t{self.k}"

    def typed_cells(self, name: str) -> str:
        """SQL: the column of `base` that the view `typed` names `name`. A query reading many
        columns of many tables reads them here: DuckDB plans a view wherever a query names it."""
        i = self.resource.names.index(name)
        return f"{self.base}.{_typed_column(i, self.resource.fields[i])}"

    def raw_cells(self, name: str) -> str:
        """SQL: the column of `base` that the view `raw` names `name`."""
        return f"{self.base}.r{self.resource.names.index(name)}"


@dataclass(frozen=True)
class _Bytes:
    """What one pass over a file's bytes finds (`_scan`)."""
    size: int
    breaks: int  # line feeds
    ends_with_break: bool
    head: bytes  # the first bytes
    bare: int  # carriage returns before no line feed
    hidden: bool  # whether it may hold a character no editor shows


def _scan(path) -> _Bytes:
    """The file read once, in chunks, each looked at once (labour2016.invisible.Scan)."""
    size = 0
    last = head = b""
    scan = None
    with open(path, "rb") as f:
        while chunk := f.read(CHUNK):
            if not head:
                head = chunk[:1 << 16]
                scan = invisible.Scan(crlf=b"\r\n" in head)
            size += len(chunk)
            last = chunk[-1:]
            scan.feed(chunk)
    if scan is None:
        return _Bytes(0, 0, False, b"", 0, False)
    hidden = scan.close()
    return _Bytes(size, scan.breaks, last == b"\n", head, scan.bare, hidden)


def _from_line(path, line: int, breaks: int) -> bytes:
    """The bytes of a file from the start of `line` to its end, read backwards from the end: the line
    feeds after the line's start are `breaks` (the file's) less the line - 1 before it."""
    need = max(breaks - (line - 1) + 1, 0)  # the line feeds from the end up to the one that ends line - 1
    parts: list[bytes] = []
    with open(path, "rb") as f:
        pos = f.seek(0, io.SEEK_END)
        while pos > 0:
            step = min(CHUNK, pos)
            pos -= step
            f.seek(pos)
            chunk = f.read(step)
            found = chunk.count(b"\n")
            if found >= need:
                parts.append(chunk[len(chunk.rsplit(b"\n", need)[0]) + 1:])
                break
            parts.append(chunk)
            need -= found
    return b"".join(reversed(parts))


def _last_record(resource: model.Resource, line: int, breaks: int) -> list[Problem]:
    """The csv module's problem with a table's last record, which starts on `line`: a quote left
    open runs to the end of the file, so it is in that record, and DuckDB's reader of one thread
    reads it without a word (it drops the open value, or takes it to the end of the file). The quote
    marks' number cannot tell: a 5" in an unquoted cell is a value."""
    try:
        text = _from_line(resource.file, line, breaks).decode("utf-8")
    except UnicodeDecodeError:
        return _records(resource)[1]
    return _parse(resource, text, line)[1]


def _typed_expr(f: model.Field, cell: str) -> str | None:
    """SQL parsing a text cell by the field's type (None for text). The patterns and spellings
    are this library's constants (model.TYPES, FORMATS, DEFAULT_TRUE/FALSE), never a package's."""
    kind = f.type.name
    if kind == "string":
        return None
    if kind == "boolean":
        trues = ", ".join(f"'{v}'" for v in f.true_values)
        falses = ", ".join(f"'{v}'" for v in f.false_values)
        return f"case when {cell} in ({trues}) then true when {cell} in ({falses}) then false end"
    return f"case when regexp_full_match({cell}, '{f.syntax}') then try_cast({cell} as {f.type.duckdb}) end"


def _read_csv(resource: model.Resource) -> str:
    cols = ", ".join(f"'c{i}': 'VARCHAR'" for i in range(len(resource.fields))) + f", '{_EXTRA}': 'VARCHAR'"
    # nullstr matches nothing, so an empty cell stays '' and only a cell the row lacks is NULL
    return (f"read_csv(?, header = {'true' if resource.header else 'false'}, delim = ?, quote = '\"', escape = '\"', "
            f"nullstr = ['\x01'], auto_detect = false, null_padding = true, parallel = false, "
            f"columns = {{{cols}}})")


def _create(con, resource: model.Resource, k: int, crlf: bool) -> None:
    n = len(resource.fields)
    text = [f"replace(c{i}, chr(13) || chr(10), chr(10))" if crlf else f"c{i}" for i in range(n)]
    cells = [f"case when list_contains(?, {t}) then null else {t} end as r{i}" for i, t in enumerate(text)]
    typed = [f"{e} as v{i}" for i, f in enumerate(resource.fields) if (e := _typed_expr(f, f"r{i}")) is not None]
    # no window over the rows: the table keeps the file's order (preserve_insertion_order), so a
    # row's rowid is its record number, and its line follows from the line breaks before it
    con.execute(
        f"create or replace table t{k} as "
        f"select *{''.join(', ' + e for e in typed)} from ("
        f"  select {', '.join(cells)}, {_EXTRA} is not null as _extra_cell, c{n - 1} is null as _short "
        f"  from {_read_csv(resource)})",
        [*([list(resource.missing_values)] * n), str(resource.file), resource.delimiter])


def _in_cells(n: int, text: str) -> str:
    """SQL: how often `text` (SQL for a constant string) stands in a row's n cells. strpos finds it in
    almost no cell, and is far cheaper than counting."""
    return " + ".join(f"(case when strpos(r{i}, {text}) > 0 then (length(r{i}) - length(replace(r{i}, {text}, ''))) "
                      f"// length({text}) else 0 end)" for i in range(n))


def _count_breaks(con, k: int, n: int) -> int:
    """The line breaks inside the n cells of t<k>'s rows, each row's kept in temporary table
    t<k>_breaks (row, breaks) where it has any."""
    con.execute(f"create or replace temp table t{k}_breaks as select * from (select rowid as r, "
                f"{_in_cells(n, 'chr(10)')} as b from t{k}) where b > 0")
    return con.execute(f"select coalesce(sum(b), 0) from t{k}_breaks").fetchone()[0]


def _count_bare(con, k: int, n: int, crlf: bool) -> int:
    """The carriage returns before no line feed inside the n cells of t<k>'s rows. A CRLF file's
    cells hold its CRLFs as LFs, so each CR left is one."""
    bare = _in_cells(n, "chr(13)") if crlf else f"{_in_cells(n, 'chr(13)')} - ({_in_cells(n, 'chr(13) || chr(10)')})"
    return con.execute(f"select coalesce(sum({bare}), 0) from t{k}").fetchone()[0]


def _number_lines(con, k: int) -> None:
    """Give t<k> its _line where some of its cells span lines: the record's first line, counted
    from the line breaks inside the cells of the records before it (an as-of join on the few rows
    that have any, from _count_breaks). Without such cells a record's line is its rowid + 2, and the
    views say so. A column added and updated in place: ten times faster than copying the table
    with it."""
    con.execute(f"alter table t{k} add column {LINE} bigint")
    con.execute(
        f"update t{k} set {LINE} = t{k}.rowid + 2 + coalesce(o.before, 0) "
        f"from t{k} x asof left join (select r, sum(b) over (order by r) as before from t{k}_breaks) o "
        f"on x.rowid > o.r where t{k}.rowid = x.rowid")


def _typed_column(i: int, f: model.Field) -> str:
    return f"v{i}" if f.type.name != "string" else f"r{i}"


def _views(con, resource: model.Resource, k: int, line: str) -> None:
    from .sqlgen import ident

    names = [ident(f.name) for f in resource.fields]
    raw = ", ".join(f"r{i} as {name}" for i, name in enumerate(names))
    typed = ", ".join(f"{_typed_column(i, f)} as {name}" for i, (f, name) in enumerate(zip(resource.fields, names)))
    con.execute(f"create or replace view t{k}_raw as select {line} as {LINE}, {raw} from t{k}")
    con.execute(f"create or replace view t{k}_typed as select {line} as {LINE}, {typed} from t{k}")


def load(con, resource: model.Resource, k: int) -> tuple[Table | None, list[Problem]]:
    """Table t<k> of the resource, or None with the problems that make it unreadable; the problems
    of a readable table (blank rows, dropped) come with it."""
    import duckdb

    file = resource.path
    found = _scan(resource.file)
    size, breaks, head = found.size, found.breaks, found.head
    if not size or (size <= len(head) and head.isspace()):
        return None, [EMPTY_FILE(file, 1, None, None, "the file is empty")]
    names = resource.names
    text = head.decode("utf-8", errors="replace").removeprefix("\ufeff")
    header = next(csv.reader(io.StringIO(text, newline=""), delimiter=resource.delimiter), [])
    if header != names:
        problems = _undecodable(resource)
        if problems:
            return None, problems
        missing = [n for n in names if n not in header]
        extra = [h for h in header if h not in names]
        detail = "; ".join(x for x in (missing and f"missing {missing}", extra and f"unexpected {extra}") if x)
        return None, [HEADER(file, 1, None, resource.delimiter.join(header),
                             f"header does not match the schema's fields ({detail or 'different order'})",
                             header=resource.delimiter.join(names))]
    crlf = b"\r\n" in head
    # One reader thread a file, the files read side by side (validate.files): DuckDB's parallel reader
    # refuses a quoted line break (the real package: five files have one), and where it does not it
    # took longer, by hand, order kept across its threads: at 10^6 rows per table, 19.2 to 19.6 s
    # against 17.6 to 17.7 s; at 10^5 rows, 1.73 to 1.76 s against 1.63 to 1.70 s.
    try:
        _create(con, resource, k, crlf)
    except duckdb.Error as e:
        return None, _slow(resource, str(e))
    (rows,), inner = con.execute(f"select count(*) from t{k}").fetchone(), 0
    # Every record ends in a line break (the last may not), and so does the header; a line break
    # inside a cell, or a blank line DuckDB skipped, adds one more. Only a file with more line breaks
    # than that, or with a bare CR (records may end in one, as Excel for Mac writes, with LFs inside
    # cells to balance the count), has its cells' line breaks counted.
    outside = rows + 1 - (not found.ends_with_break)
    if breaks != outside or found.bare:
        try:
            inner = _count_breaks(con, k, len(names))
            if inner and breaks == outside + inner:
                _number_lines(con, k)
        finally:
            con.execute(f"drop table if exists t{k}_breaks")
        # DuckDB ends a record at a bare CR too, which is no line: every one must be inside a cell
        if breaks != outside + inner or (found.bare and _count_bare(con, k, len(names), crlf) != found.bare):
            return None, _slow(resource, None)
    line = f"t{k}.{LINE}" if inner else f"(t{k}.rowid + 2)"
    last = con.execute(f"select max({line}) from t{k}").fetchone()[0] if rows else 2
    problems = _last_record(resource, last, breaks)
    if problems:
        return None, problems
    blank = " and ".join(f"r{i} is null" for i in range(len(names)))
    odd = con.execute(f"select {line}, _extra_cell, _short from t{k} where _extra_cell or _short or ({blank}) "
                      f"order by 1").fetchall()
    ragged = [(at, extra) for at, extra, short in odd if extra or short]
    if ragged:
        return None, [(EXTRA_CELL if extra else MISSING_CELL)(
            file, at, None, None, f"row has {'more' if extra else 'fewer'} fields than the header's {len(names)}")
            for at, extra in ragged]
    problems = [BLANK_ROW(file, at, None, None, "every cell of this row is empty") for at, _, _ in odd]
    if problems:
        con.execute(f"delete from t{k} where {blank}")
        rows -= len(problems)
    _views(con, resource, k, line)
    return Table(resource, k, rows, found.hidden, line), problems


def _undecodable(resource: model.Resource) -> list[Problem]:
    raw = resource.file.read_bytes()
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw[:e.start].count(b"\n") + 1
        return [ENCODING(resource.path, line, None, repr(raw[e.start:e.end]), f"bytes that are not UTF-8 at byte {e.start}",
                         hint="re-save the file as UTF-8 (not Latin-1/Windows-1252)")]
    return []


def _records(resource: model.Resource) -> tuple[list[tuple[int, list[str]]], list[Problem]]:
    """The csv module's records of a file, each with the line it starts on, or the problem that
    stops it: bytes that are not UTF-8, or a quote the csv module cannot parse (an open one)."""
    problems = _undecodable(resource)
    if problems:
        return [], problems
    return _parse(resource, resource.file.read_bytes().decode("utf-8").removeprefix("\ufeff"), 1)


def _parse(resource: model.Resource, text: str, line: int) -> tuple[list[tuple[int, list[str]]], list[Problem]]:
    """The csv module's records of text that starts a record on `line` of the file."""
    csv.field_size_limit(sys.maxsize)  # a long quotation is a value, not an attack on the reader
    records, prev = [], line - 1
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=resource.delimiter, strict=True)
    try:
        for row in reader:
            records.append((prev + 1, row))
            prev = line - 1 + reader.line_num
    except csv.Error as e:
        return [], [SOURCE(resource.path, prev + 1, None, None, f"the CSV cannot be parsed here: {e}")]
    return records, []


def _slow(resource: model.Resource, duckdb_error: str | None) -> list[Problem]:
    """The csv module, row by row: slow, but it names every ragged row, blank line and open quote.
    Only a file DuckDB refused or could not account for comes here."""
    file = resource.path
    names = resource.names
    records, problems = _records(resource)
    if problems:
        return problems
    last = max((ln for ln, row in records if row), default=1)
    for ln, row in records[1:]:
        if not row:
            where = "at the end of the file" if ln > last else "inside the table"
            problems.append(BLANK_ROW(file, ln, None, None, f"a blank line {where}"))
        elif len(row) != len(names):
            rule = EXTRA_CELL if len(row) > len(names) else MISSING_CELL
            problems.append(rule(file, ln, None, None, f"row has {len(row)} fields, the header has {len(names)}"))
    if problems:
        return problems
    line = re.search(r"Line: (\d+)", duckdb_error or "")
    reason = (duckdb_error or "it did not account for every line break").split("\n")[0]
    return [SOURCE(file, int(line.group(1)) if line else None, None, None,
                   "DuckDB, which the views read the file with, cannot read it: "
                   + reason.removeprefix("Invalid Input Error: "),
                   hint="write plain CSV: one kind of line ending throughout, every quote closed")]


def text_rows(resource: model.Resource) -> list[dict]:
    """A table's rows as dicts of strings (a missing value is ""), for documents and citations."""
    import duckdb

    con = duckdb.connect()
    try:
        table, problems = load(con, resource, 0)
        if table is None or problems:
            p = problems[0]
            raise model.PackageError(f"{resource.path}:{p.line}: {p.rule} — {p.message} (run labour2016 validate)")
        cur = con.execute(f"select * exclude ({LINE}) from {table.raw} order by {LINE}")
        names = [d[0] for d in cur.description]
        return [{k: ("" if v is None else v) for k, v in zip(names, row)} for row in cur.fetchall()]
    finally:
        con.close()
