// The labour2016 explorer: pages by URL hash (#/, #/view/NAME, #/table/NAME, #/source/ID, #/sql),
// each answered by DuckDB in the browser from queries/views.sql over the package's CSVs.
import { open, rows, literal } from "./db.js";
import { h } from "./dom.js";
import { dataTable } from "./table.js";
import { showEvidence, sourceCard } from "./evidence.js";
import { resultChart } from "./chart.js";

const ELECTION = "labour-leadership-2016";
const main = document.getElementById("main");
const status = document.getElementById("status");
let ctx;

async function start() {
  const { site, conn, viewsSql } = await open();
  const byId = (r, key) => Object.fromEntries(r.rows.map((x) => [x[key], x]));
  ctx = {
    site, conn,
    tables: Object.fromEntries(site.tables.map((t) => [t.name, t])),
    sources: byId(await rows(conn, "select * from sources order by published, source_id"), "source_id"),
    names: Object.fromEntries((await rows(conn, "select entity_id, name from entities")).rows.map((r) => [r.entity_id, r.name])),
  };
  // For the browser tests: the exact text given to DuckDB, to compare with queries/views.sql.
  window.explorer = { viewsSql };
  status.textContent = "";
  // Only "#/..." is a page; another hash (the skip link's #main) is an anchor in this one.
  window.addEventListener("hashchange", () => (location.hash.startsWith("#/") || !location.hash) && route());
  await route();
  document.documentElement.dataset.ready = "true";
}

const PAGES = [
  [/^#?\/?$/, home],
  [/^#\/view\/([\w]+)$/, viewPage],
  [/^#\/table\/([\w]+)$/, tablePage],
  [/^#\/source\/(.+)$/, sourcePage],
  [/^#\/sql$/, sqlPage],
];

async function route() {
  const hash = location.hash.startsWith("#/") ? location.hash : "";
  const [page, arg] = PAGES.map(([re, fn]) => [fn, hash.match(re)]).find(([, m]) => m) ?? [notFound, null];
  main.dataset.page = "loading";
  let title;
  try {
    title = await page(arg && arg[1] && decodeURIComponent(arg[1]));
  } catch (e) {
    // Say so on the page as well as in the console (where the tests see it).
    main.replaceChildren(h("h1", { tabindex: "-1" }, "This page could not be shown"), h("p", { role: "alert", class: "error" }, String(e.message || e)));
    throw e;
  }
  document.title = `${title} · labour2016 explorer`;
  main.dataset.page = hash || "#/";
  const h1 = main.querySelector("h1");
  if (h1 && hash) h1.focus();
}

function notFound() {
  main.replaceChildren(h("h1", { tabindex: "-1" }, "Not found"), h("p", {}, h("a", { href: "#/" }, "Back to the result")));
  return "Not found";
}

// ---- home: the result, its chart, then what the package answers ---------------------------

async function home() {
  const { conn, names, site, sources } = ctx;
  const election = (await rows(conn, `select * from elections where election_id = ${literal(ELECTION)}`)).rows[0];
  const result = await rows(conn, `select * from results where election_id = ${literal(ELECTION)}
    order by section = 'all' desc, section, candidate_id = ${literal(election.winner_id)} desc`);
  const candidates = [...new Set(result.rows.map((r) => r.candidate_id))];
  const sections = [...new Set(result.rows.map((r) => r.section))];
  const at = (s, c) => result.rows.find((r) => r.section === s && r.candidate_id === c);
  const winner = at("all", election.winner_id);

  const table = h("table", { id: "result" },
    h("caption", {}, "Votes and shares by section, from the ", h("a", { href: "#/view/results" }, "results"), " view"),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Section"),
      ...candidates.map((c) => h("th", { scope: "col", class: "num" }, names[c] || c)))),
    h("tbody", {}, ...sections.map((s) => h("tr", { "data-section": s }, h("th", { scope: "row" }, sectionName(s)),
      ...candidates.map((c) => resultCell(at(s, c), result.columns, names[c] || c, s))))));

  main.replaceChildren(
    h("h1", { tabindex: "-1" }, "The 2016 Labour leadership election"),
    h("p", { class: "lede" }, `${names[winner.candidate_id]} won with `, h("strong", { id: "winner-votes" }, fmt(winner.votes)),
      ` votes (${pct(winner.share_pct)}), declared on ${election.result_date}. Every figure below comes from a named source, and each opens the exact words it was read from.`),
    h("section", { "aria-labelledby": "result-h" }, h("h2", { id: "result-h" }, "The result by section"),
      h("div", { class: "result-grid" },
        h("div", { class: "scroll", tabindex: "0", role: "region", "aria-label": "The result by section" }, table),
        resultChart(sections.map((s) => ({ label: sectionName(s), parts: candidates.map((c) => ({ name: names[c] || c, share: at(s, c)?.share_pct ?? null })) })))),
      h("p", { class: "note" }, "Shares are computed from the counts where every candidate has one; the ",
        h("a", { href: "#/view/discrepancies" }, "discrepancies"), " view lists where the sources print something else.")),
    h("section", { "aria-labelledby": "questions-h" }, h("h2", { id: "questions-h" }, "Questions the package answers"),
      h("ul", { class: "questions" }, ...site.views.map((v) => h("li", {},
        h("a", { href: `#/view/${v.name}` }, capitalise(v.question)), " ", h("code", {}, v.name))))),
    h("section", { "aria-labelledby": "tables-h" }, h("h2", { id: "tables-h" }, "The tables"),
      h("p", {}, "What the sources report, one row per reported figure or passage, each with its source and evidence."),
      h("ul", { class: "tables" }, ...site.tables.map((t) => h("li", {},
        h("a", { href: `#/table/${t.name}` }, t.title), " (", h("code", {}, t.name), `): ${t.description}`)))),
    h("section", { "aria-labelledby": "sources-h" }, h("h2", { id: "sources-h" }, "The sources"),
      h("ul", { class: "sources" }, ...Object.values(sources).map((s) => h("li", {},
        h("a", { href: `#/source/${encodeURIComponent(s.source_id)}` }, s.title), ` — ${s.publisher || "publisher not stated"}, ${s.published || "undated"}`)))),
  );
  return "2016 result";
}

// A candidate's count and share in a section, with the source it is from and its evidence.
function resultCell(r, columns, name, section) {
  if (!r) return h("td", {}, "—");
  const source = ctx.sources[r.source_id];
  const evidence = h("button", { type: "button", class: "evidence-button", "aria-label": `Evidence for ${name}'s ${fmt(r.votes)} votes (${sectionName(section)})` }, "evidence");
  evidence.addEventListener("click", () => rowEvidence(r, columns.map((c) => c.name), `${name}, ${sectionName(section)}: ${fmt(r.votes)} votes`));
  const from = source
    ? h("span", { class: "from" }, h("a", { href: `#/source/${encodeURIComponent(r.source_id)}` }, source.publisher), " · ", evidence)
    : h("span", { class: "from" }, r.source_id);
  return h("td", { class: "num", "data-candidate": r.candidate_id, title: r.why },
    h("span", { class: "votes" }, fmt(r.votes)), h("span", { class: "share", "data-share": r.candidate_id }, pct(r.share_pct)), from);
}

// ---- a view, a table, a source ------------------------------------------------------------

async function viewPage(name) {
  const view = ctx.site.views.find((v) => v.name === name);
  if (!view) return notFound();
  const data = await rows(ctx.conn, `select * from "${name}"`);
  const sql = (await rows(ctx.conn, `select sql from duckdb_views() where view_name = ${literal(name)}`)).rows[0]?.sql;
  // A view row quoting its span (precision) opens it; one naming only its source gets a button
  // that finds the fact rows it rests on.
  const has = (n) => data.columns.some((c) => c.name === n);
  const meta = { name, title: `the ${name} view`, spans: has("evidence") ? ["evidence"] : [] };
  const linked = has("source_id") && !has("evidence");
  // view.fields are the view's described columns, in the order DuckDB gives them (a test holds them to it).
  const columns = linked ? [...view.fields, { name: "evidence", title: "evidence", description: "the rows of the tables this row rests on, with their spans" }] : view.fields;
  main.replaceChildren(
    h("h1", { tabindex: "-1" }, capitalise(view.question)),
    h("p", { class: "grain" }, `${capitalise(view.grain)}. The `, h("code", {}, name), " view of ", h("a", { href: ctx.site.views_sql }, ctx.site.views_sql), ", as the CLI and the Python API run it."),
    columnNotes(view.fields),
    sql ? h("details", {}, h("summary", {}, "How it is computed (SQL)"), h("pre", {}, h("code", {}, sql))) : null,
    dataTable({ caption: `${name}: ${view.question}`, columns, rows: data.rows,
      cell: (c, row) => (c.name === "evidence" && linked ? evidenceButton(row, data.columns) : cellFor(meta, c, row)) }));
  return view.name;
}

// What each column holds, from its Table Schema (the data dictionary's words).
function columnNotes(fields) {
  return h("details", { class: "columns" }, h("summary", {}, "What each column means"),
    h("dl", {}, ...fields.flatMap((f) => [h("dt", {}, h("code", {}, f.name), ` (${f.type})`), h("dd", {}, f.description)])));
}

async function tablePage(name) {
  const meta = ctx.tables[name];
  if (!meta) return notFound();
  const data = await rows(ctx.conn, `select * from "${name}"`);
  main.replaceChildren(
    h("h1", { tabindex: "-1" }, meta.title),
    h("p", {}, meta.description, " Download: ", h("a", { href: meta.path }, meta.path), "."),
    columnNotes(meta.fields),
    dataTable({ caption: `${meta.title} (${name})`, columns: meta.fields, rows: data.rows, cell: (c, row) => cellFor(meta, c, row) }));
  return meta.title;
}

async function sourcePage(id) {
  const source = ctx.sources[id];
  if (!source) return notFound();
  const cited = [];
  for (const t of ctx.site.tables) {
    if (t.name === "sources" || !t.fields.some((f) => f.name === "source_id")) continue;
    const data = await rows(ctx.conn, `select * from "${t.name}" where source_id = ${literal(id)}`);
    if (data.rows.length) cited.push(h("section", {}, h("h2", {}, `${t.title}: ${data.rows.length} rows`),
      dataTable({ caption: `${t.title} citing ${id}`, columns: t.fields, rows: data.rows, cell: (c, row) => cellFor(t, c, row) })));
  }
  main.replaceChildren(
    h("h1", { tabindex: "-1" }, source.title),
    sourceCard(source),
    h("p", {}, source.reliability_notes || ""),
    h("p", { class: "note" }, `Archived as ${source.archive || "?"}; SHA-256 ${source.sha256 || "not recorded"} (${source.bytes ?? "?"} bytes). `,
      "The text itself belongs to its publisher and is not redistributed: each row below quotes only its evidence span."),
    ...(cited.length ? cited : [h("p", {}, "No row cites this source.")]));
  return source.publisher || source.title;
}

// ---- the SQL box --------------------------------------------------------------------------

async function sqlPage() {
  const box = h("textarea", { id: "sql", rows: "6", spellcheck: "false",
    "aria-describedby": "sql-help" }, sessionStorage.getItem("sql") || `select section, candidate_id, votes, round(share_pct, 2) as share_pct, source_id\nfrom results where election_id = '${ELECTION}'\norder by section, votes desc`);
  const run = h("button", { type: "submit" }, "Run query");
  const out = h("div", { id: "sql-result" });
  const form = h("form", { class: "sql" }, h("label", { for: "sql" }, "SQL query"), box,
    h("p", { id: "sql-help", class: "note" }, "Any DuckDB query over the tables and views; Ctrl+Enter runs it. Nothing leaves your browser."), run);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    sessionStorage.setItem("sql", box.value);
    out.replaceChildren(h("p", { role: "status" }, "Running…"));
    try {
      const data = await rows(ctx.conn, box.value);
      out.replaceChildren(dataTable({ caption: "Query result", columns: data.columns, rows: data.rows, cell: (c, row) => cellFor(null, c, row) }));
    } catch (e) {
      out.replaceChildren(h("p", { role: "alert", class: "error" }, String(e.message || e)));
    }
  });
  box.addEventListener("keydown", (e) => { if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) form.requestSubmit(); });
  main.replaceChildren(h("h1", { tabindex: "-1" }, "Query the package in SQL"),
    h("p", {}, "The tables and the views of ", h("a", { href: ctx.site.views_sql }, ctx.site.views_sql), " are loaded; e.g. ",
      h("code", {}, "select * from discrepancies"), "."), form, out);
  return "SQL";
}

// ---- cells and evidence -------------------------------------------------------------------

// A cell: a span column opens its evidence; a source id (in source_id, source_a, ...) links to its page.
function cellFor(meta, column, row) {
  const v = row[column.name];
  if (v === null) return "";
  if (meta && meta.spans.includes(column.name)) {
    const button = h("button", { type: "button", class: "span-button", title: "Show the source of this span" }, `“${v}”`);
    button.addEventListener("click", () => showEvidence([{ table: meta.name, row, spans: meta.spans }], ctx.sources, `Evidence (${meta.title})`));
    return button;
  }
  if (typeof v === "string" && ctx.sources[v]) return h("a", { href: `#/source/${encodeURIComponent(v)}` }, v);
  return String(v);
}

function evidenceButton(row, columns) {
  if (!ctx.sources[row.source_id]) return "derived: see why";
  const button = h("button", { type: "button", class: "evidence-button" }, "evidence");
  button.addEventListener("click", () => rowEvidence(row, columns.map((c) => c.name), "Evidence for this row"));
  return button;
}

// The fact rows a view row rests on: in the tables sharing the most of its columns (and its
// source), the rows that agree with it on every shared column.
async function rowEvidence(row, names, heading) {
  let best = [];
  let most = 0;
  for (const t of ctx.site.tables) {
    const shared = t.fields.map((f) => f.name).filter((n) => names.includes(n));
    if (!t.spans.length || !shared.includes("source_id") || shared.length < most) continue;
    const where = shared.map((n) => (row[n] === null ? `"${n}" is null` : `"${n}" = ${literal(row[n])}`)).join(" and ");
    const found = (await rows(ctx.conn, `select * from "${t.name}" where ${where}`)).rows;
    if (!found.length) continue;
    if (shared.length > most) { best = []; most = shared.length; }
    best.push(...found.map((r) => ({ table: t.name, row: r, spans: t.spans })));
  }
  showEvidence(best, ctx.sources, heading);
}

const fmt = (n) => (n === null ? "—" : n.toLocaleString("en-GB"));
const pct = (n) => (n === null ? "—" : `${n.toFixed(2)}%`);
const capitalise = (s) => s.charAt(0).toUpperCase() + s.slice(1);
const sectionName = (s) => (s === "all" ? "All sections" : capitalise(s.replaceAll("_", " ")));

start().catch((e) => {
  status.textContent = `The explorer could not start: ${e.message || e}`;
  status.setAttribute("role", "alert");
  throw e;
});
