// Every page's script, small and without the database: the pages are readable without it. It adds
// a filter over what each row shows (kept in the URL's ?q=, so Back and a shared link keep it),
// sorting by a column, and opens the evidence of the row a link points at (#row-id).

// The first explorer's addresses (#/view/NAME ...) lead to the pages that replaced them.
const old = location.hash.match(/^#\/(view|table|source)\/([\w-]+)$/) || location.hash.match(/^#\/(sql)$/);
if (old) location.replace(old[1] === "sql" ? "sql.html" : `${old[1]}/${old[2]}.html`);

document.querySelectorAll("[data-filterable]").forEach(setUp);
openTarget();
window.addEventListener("hashchange", openTarget);

function openTarget() {
  const row = location.hash.length > 1 && document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (row && row.tagName === "TR") row.querySelectorAll("details.evidence").forEach((d) => { d.open = true; });
}

// What a reader sees in a cell: its text, and the full names a short one stands for (an entity's
// description, a source's title), so "NEC" finds the National Executive Committee's rows.
function shown(td) {
  return [td.textContent, ...[...td.querySelectorAll("[title]")].map((e) => e.title)].join(" ");
}

function setUp(box) {
  const tools = box.querySelector(".table-tools");
  const input = tools.querySelector("input");
  const count = tools.querySelector(".row-count");
  const body = box.querySelector("tbody");
  const rows = [...body.rows];
  const text = new Map(rows.map((tr) => [tr, [...tr.cells].filter((td) => !td.classList.contains("raw-cell")).map(shown).join(" ").toLowerCase()]));
  tools.hidden = false;

  function apply() {
    const q = input.value.trim().toLowerCase();
    let n = 0;
    for (const tr of rows) {
      const hit = !q || text.get(tr).includes(q);
      tr.hidden = !hit;
      n += hit;
    }
    count.textContent = n === rows.length ? `${rows.length} rows` : `${n} of ${rows.length} rows`;
    count.dataset.shown = String(n);
  }

  input.addEventListener("input", () => {
    apply();
    const url = new URL(location.href);
    if (input.value) url.searchParams.set("q", input.value);
    else url.searchParams.delete("q");
    history.replaceState(history.state, "", url);
  });
  // On load, and when Back restores the page: the filter is the URL's.
  const fromUrl = () => { input.value = new URLSearchParams(location.search).get("q") || ""; apply(); };
  window.addEventListener("pageshow", fromUrl);
  fromUrl();

  let order = { column: null, dir: 1 };
  box.querySelectorAll("thead th[data-column]").forEach((th, index) => {
    const button = document.createElement("button");
    button.type = "button";
    button.append(...th.childNodes);
    th.append(button);
    button.addEventListener("click", () => {
      order = { column: th.dataset.column, dir: order.column === th.dataset.column ? -order.dir : 1 };
      box.querySelectorAll("thead th").forEach((other) => other.removeAttribute("aria-sort"));
      th.setAttribute("aria-sort", order.dir > 0 ? "ascending" : "descending");
      const key = (tr) => {
        const td = tr.cells[index];
        return td.dataset.sort !== undefined ? td.dataset.sort : td.textContent.trim() || null;
      };
      const numeric = rows.every((tr) => tr.cells[index].dataset.sort === undefined || !Number.isNaN(Number(tr.cells[index].dataset.sort)))
        && rows.some((tr) => tr.cells[index].dataset.sort !== undefined && !tr.cells[index].dataset.sort.includes("-"));
      const sorted = [...rows].sort((a, b) => {
        const x = key(a), y = key(b);
        if (x === null || y === null) return (x === null) - (y === null); // empty cells last, either way
        return (numeric ? Number(x) - Number(y) : x.localeCompare(y)) * order.dir;
      });
      body.append(...sorted);
    });
  });
}
