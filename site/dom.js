// h("p", { class: "x" }, "text", node): an element with attributes and children (text is escaped).
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null && v !== false) el.setAttribute(k, v);
  el.append(...children.flat().filter((c) => c !== null && c !== undefined));
  return el;
}
