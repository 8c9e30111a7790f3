// DuckDB in the browser over the package: each CSV registered under the path views.sql reads
// (data/x.csv), then queries/views.sql run exactly as fetched, so the page answers from the same
// views as the CLI. Everything comes from this site's own folder; nothing from the internet.
import * as duckdb from "@duckdb/duckdb-wasm";

const here = (path) => new URL(path, document.baseURI).href;

const BUNDLES = {
  mvp: { mainModule: here("duckdb/duckdb-mvp.wasm"), mainWorker: here("duckdb/duckdb-browser-mvp.worker.js") },
  eh: { mainModule: here("duckdb/duckdb-eh.wasm"), mainWorker: here("duckdb/duckdb-browser-eh.worker.js") },
};

async function fetchText(path) {
  const response = await fetch(here(path));
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.text();
}

// The WebAssembly module, fetched here rather than by the worker so that its progress can be shown:
// onProgress(bytes so far, bytes in all) as it arrives; then handed to the worker as a blob: URL.
async function fetchModule(url, onProgress) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const total = Number(response.headers.get("content-length")) || 0;
  const reader = response.body.getReader();
  const parts = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    loaded += value.length;
    onProgress(loaded, total);
  }
  return URL.createObjectURL(new Blob(parts, { type: "application/wasm" }));
}

// Opens the database; resolves to { site, conn, viewsSql } once every view is defined.
export async function open(onProgress = () => {}) {
  const site = JSON.parse(await fetchText("site.json"));
  const bundle = await duckdb.selectBundle(BUNDLES);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), new Worker(bundle.mainWorker));
  await db.instantiate(await fetchModule(bundle.mainModule, onProgress));
  const texts = await Promise.all(site.tables.map((t) => fetchText(t.path)));
  await Promise.all(site.tables.map((t, i) => db.registerFileText(t.path, texts[i])));
  const conn = await db.connect();
  // Extensions would be downloaded from the internet: the views need none, so never fetch one.
  await conn.query("set autoinstall_known_extensions = false");
  await conn.query("set autoload_known_extensions = false");
  const viewsSql = await fetchText(site.views_sql);
  await conn.query(viewsSql);
  return { site, conn, viewsSql };
}

// An Arrow table's rows as plain objects, with the column types, for display.
export function rows(table) {
  const columns = table.schema.fields.map((f) => ({ name: f.name, type: String(f.type) }));
  return { columns, rows: table.toArray().map((r) => plain(r.toJSON(), columns)) };
}

// Arrow gives BIGINT as BigInt and DATE as milliseconds: make them numbers and ISO dates.
function plain(row, columns) {
  const out = {};
  for (const { name, type } of columns) {
    const v = row[name];
    if (v === null || v === undefined) out[name] = null;
    else if (typeof v === "bigint") out[name] = Number(v);
    else if (type.startsWith("Date")) out[name] = new Date(v).toISOString().slice(0, 10);
    else out[name] = v;
  }
  return out;
}

