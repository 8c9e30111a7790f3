// A sortable, filterable table: column headers are buttons (aria-sort says the order), one search
// box filters rows on any cell, and a live line says how many rows show.
import { h } from "./dom.js";

// columns: [{ name, title?, description?, type }]; cell(column, row) -> a Node or text.
export function dataTable({ caption, columns, rows, cell }) {
  let order = { column: null, dir: 1 };
  let filter = "";
  const id = `t${Math.random().toString(36).slice(2, 8)}`;
  const count = h("p", { class: "row-count", "aria-live": "polite", "data-total": String(rows.length) });
  const input = h("input", { type: "search", id: `${id}-filter`, autocomplete: "off" });
  const headers = columns.map((c) => {
    const button = h("button", { type: "button", title: c.description || "" }, c.title || c.name);
    button.addEventListener("click", () => sortBy(c.name));
    return h("th", { scope: "col", "data-column": c.name }, button);
  });
  const body = h("tbody");
  const text = rows.map((r) => columns.map((c) => (r[c.name] === null ? "" : String(r[c.name]))).join("\u0000").toLowerCase());

  // A column whose longest value is long gets a wrapping width of its own.
  const long = Object.fromEntries(columns.map((c) => [c.name, rows.some((r) => String(r[c.name] ?? "").length > 60)]));

  function sortBy(name) {
    order = { column: name, dir: order.column === name ? -order.dir : 1 };
    headers.forEach((th) => {
      if (th.dataset.column === name) th.setAttribute("aria-sort", order.dir > 0 ? "ascending" : "descending");
      else th.removeAttribute("aria-sort");
    });
    draw();
  }

  function draw() {
    let shown = rows.map((r, i) => i).filter((i) => text[i].includes(filter));
    if (order.column) {
      const k = order.column;
      // Nulls last whichever the direction.
      shown.sort((a, b) => {
        const x = rows[a][k], y = rows[b][k];
        if (x === null || y === null) return (x === null) - (y === null);
        return compare(x, y) * order.dir;
      });
    }
    body.replaceChildren(...shown.map((i) => h("tr", {}, ...columns.map((c) => h("td", { "data-column": c.name, class: long[c.name] ? "long" : null }, cell(c, rows[i]))))));
    count.textContent = shown.length === rows.length ? `${rows.length} rows` : `${shown.length} of ${rows.length} rows`;
    count.dataset.shown = String(shown.length);
  }

  input.addEventListener("input", () => {
    filter = input.value.trim().toLowerCase();
    draw();
  });
  draw();
  return h("div", { class: "data-table" },
    h("div", { class: "table-tools" }, h("label", { for: input.id }, "Filter rows"), input, count),
    h("div", { class: "scroll", tabindex: "0", role: "region", "aria-label": caption },
      h("table", {}, h("caption", {}, caption), h("thead", {}, h("tr", {}, ...headers)), body)));
}

// Numbers as numbers, the rest as text.
function compare(a, b) {
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b));
}
