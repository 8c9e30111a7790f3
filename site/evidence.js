// The evidence dialog: each fact's exact span, quoted, with its source's title, publisher, date
// and link. A native <dialog>: focus moves into it, Escape closes it, focus returns to the opener.
import { h } from "./dom.js";

const dialog = h("dialog", { id: "evidence", "aria-labelledby": "evidence-title" });
document.body.append(dialog);

// facts: [{ table, row, spans: [field names holding verbatim spans] }]; sources: id -> sources row.
export function showEvidence(facts, sources, heading) {
  const opener = document.activeElement;
  const close = h("button", { type: "button", class: "close" }, "Close");
  close.addEventListener("click", () => dialog.close());
  // The facts grouped by source, each group closed by its source's card.
  const groups = [];
  for (const f of facts) {
    const last = groups[groups.length - 1];
    if (last && last.id === f.row.source_id) last.facts.push(f);
    else groups.push({ id: f.row.source_id, facts: [f] });
  }
  const items = groups.length
    ? groups.map((g) => h("section", { class: "fact" }, ...g.facts.map(fact), sourceCard(sources[g.id], spansOf(g.facts[0])[0])))
    : [h("p", {}, "No row of the package's tables carries this exact value from this source: see the row's explanation.")];
  dialog.replaceChildren(h("div", { class: "dialog-head" }, h("h2", { id: "evidence-title" }, heading || "Evidence"), close), ...items);
  dialog.addEventListener("close", () => opener && opener.focus && opener.focus(), { once: true });
  dialog.showModal();
}

const spansOf = ({ row, spans }) => spans.map((s) => row[s]).filter(Boolean);

function fact({ table, row, spans }) {
  const detail = ["measure", "value", "stated_as", "qualifier", "round", "section", "candidate_id"]
    .filter((k) => k in row && row[k] !== null)
    .map((k) => h("span", {}, h("b", {}, `${k} `), String(row[k])));
  return h("div", {},
    ...spans.filter((s) => row[s]).map((s) =>
      h("figure", {}, h("blockquote", { class: "span", "data-field": s }, row[s]),
        h("figcaption", {}, `${s} in ${table}, verbatim from the source`))),
    detail.length ? h("p", { class: "fact-detail" }, ...detail) : null);
}

// A source's title, publisher, date and link; with a span, a link that asks the browser to
// highlight it on the publisher's page (a text fragment; the live page may have changed).
export function sourceCard(source, span) {
  if (!source) return h("p", {}, "Source not in the sources table.");
  const date = source.published ? `${source.published} (${source.published_basis} date)` : "date not known";
  return h("dl", { class: "source-card" },
    h("dt", {}, "Source"), h("dd", {}, h("a", { href: `#/source/${encodeURIComponent(source.source_id)}`, class: "source-title" }, source.title)),
    h("dt", {}, "Publisher"), h("dd", {}, source.publisher || "not stated"),
    h("dt", {}, "Published"), h("dd", {}, date),
    h("dt", {}, "Link"), h("dd", {}, source.url
      ? [h("a", { href: source.url, rel: "noopener", target: "_blank" }, source.url),
         span ? h("a", { href: `${source.url}#:~:text=${fragment(span)}`, rel: "noopener", target: "_blank", class: "find" }, " (find this span there)") : null]
      : "none (no public address)"),
    h("dt", {}, "Reliability"), h("dd", {}, source.reliability || ""));
}

// Text fragments give "-", "," and "&" a meaning: encode each.
const fragment = (text) => encodeURIComponent(text).replaceAll("-", "%2D");
