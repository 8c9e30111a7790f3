// The SQL page: duckdb-wasm over the package's CSVs and queries/views.sql, loaded here only, with
// its progress shown. Each query runs read-only (see readOnly); its result can be downloaded as
// CSV, and the page's address (?q=...) carries the query, so a link runs it again.
import { open, rows } from "./db.js";
import { h } from "./dom.js";

const form = document.getElementById("sql-form");
const box = document.getElementById("sql");
const run = form.querySelector("button[type=submit]");
const out = document.getElementById("sql-result");
const engine = document.getElementById("engine");
const progress = document.getElementById("engine-progress");
const counter = document.getElementById("engine-count");
const asked = new URLSearchParams(location.search).get("q");
if (asked) box.value = asked;
let conn;

const mb = (n) => `${(n / 1e6).toFixed(1)} MB`;

open((loaded, total) => {
  progress.max = total || progress.max;
  progress.value = loaded;
  counter.textContent = ` ${mb(loaded)} of ${mb(total || Number(progress.dataset.bytes))}`;
}).then(async (db) => {
  conn = db.conn;
  await conn.query("set lock_configuration = true");
  window.explorer = { viewsSql: db.viewsSql };  // for the tests: the exact text given to DuckDB
  engine.replaceChildren("The SQL engine is ready.");
  run.disabled = false;
  if (asked) await query();
  document.documentElement.dataset.ready = "true";
}).catch((e) => {
  engine.replaceChildren(h("pre", { role: "alert", class: "error" }, `The SQL engine could not start: ${e.message || e}`));
  throw e;
});

// A query runs read-only, three ways over: its first word must be a query's (SELECT, WITH, FROM,
// VALUES, DESCRIBE, SUMMARIZE, SHOW, EXPLAIN, PIVOT, TABLE); DuckDB prepares it, which refuses
// more than one statement; and it runs in a transaction that is always rolled back, so nothing it
// did lasts past it. The configuration is locked once the views are loaded (no SET).
const QUERY = /^(select|with|from|values|table|describe|summarize|show|explain|pivot|unpivot)\b/i;
const firstWords = (sql) => sql.replace(/^(\s+|--[^\n]*(\n|$)|\/\*[\s\S]*?\*\/|\()+/, "");

async function readOnly(sql) {
  if (!QUERY.test(firstWords(sql))) {
    throw new Error("Only a query runs here (SELECT, WITH ... SELECT, FROM ..., DESCRIBE, SUMMARIZE): this explorer's database cannot be changed.");
  }
  const statement = await conn.prepare(sql);
  await conn.query("begin transaction");
  try {
    return await statement.query();
  } finally {
    await conn.query("rollback");
    await statement.close();
  }
}

async function query() {
  const sql = box.value;
  const url = new URL(location.href);
  url.searchParams.set("q", sql);
  history.replaceState(null, "", url);
  out.replaceChildren(h("p", { role: "status" }, "Running…"));
  try {
    out.replaceChildren(...result(rows(await readOnly(sql)), url.href));
  } catch (e) {
    // DuckDB's message as it is, its lines and caret kept.
    out.replaceChildren(h("pre", { role: "alert", class: "error" }, String(e.message || e)));
  }
}

function result(data, link) {
  const csv = toCsv(data);
  const download = h("a", { href: URL.createObjectURL(new Blob([csv], { type: "text/csv" })), download: "query.csv" }, "Download CSV");
  return [
    h("p", { class: "downloads" }, h("a", { href: link, id: "query-link" }, "Link to this query"), " · ", download),
    h("p", { class: "row-count", "data-total": String(data.rows.length) }, `${data.rows.length} rows`),
    h("div", { class: "scroll", tabindex: "0", role: "region", "aria-label": "Query result" },
      h("table", {}, h("caption", {}, "Query result"),
        h("thead", {}, h("tr", {}, ...data.columns.map((c) => h("th", { scope: "col", "data-column": c.name }, c.name)))),
        h("tbody", {}, ...data.rows.map((r) => h("tr", {}, ...data.columns.map((c) => h("td", { "data-column": c.name }, show(r[c.name])))))))),
  ];
}

// A float as at most four places (the CSV keeps every digit).
const show = (v) => (v === null ? "" : typeof v === "number" && !Number.isInteger(v) ? String(Number(v.toFixed(4))) : String(v));

function toCsv({ columns, rows: data }) {
  const field = (v) => {
    const s = v === null ? "" : String(v);
    return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return [columns.map((c) => field(c.name)).join(","), ...data.map((r) => columns.map((c) => field(r[c.name])).join(","))].join("\n") + "\n";
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  if (conn) query();
});
box.addEventListener("keydown", (e) => { if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) form.requestSubmit(); });
