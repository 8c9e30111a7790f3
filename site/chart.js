// The result as one bar per section, split by each candidate's share: an SVG drawn from the same
// rows as the table above it (which is its text equivalent for screen readers).
const NS = "http://www.w3.org/2000/svg";
const COLOURS = ["#b0102a", "#3b5a80"];

function svg(tag, attrs, text) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  if (text !== undefined) el.textContent = text;
  return el;
}

// bars: [{ label, parts: [{ name, share }] }] with shares in per cent.
export function resultChart(bars) {
  const row = 56, top = 30, width = 400;
  const scale = width / 100;
  const root = svg("svg", { viewBox: `0 0 ${width} ${top + row * bars.length}`, role: "img", "aria-labelledby": "chart-title", class: "chart" });
  root.append(svg("title", { id: "chart-title" }, "Share of the vote by section, 2016: " +
    bars.map((b) => `${b.label}: ${b.parts.map((p) => `${p.name} ${p.share === null ? "no share" : p.share.toFixed(1) + "%"}`).join(", ")}`).join("; ")));
  bars[0].parts.forEach((p, i) => {
    root.append(svg("rect", { x: i * 160, y: 4, width: 14, height: 14, fill: COLOURS[i % 2] }),
      svg("text", { x: i * 160 + 20, y: 16, class: "legend" }, p.name));
  });
  // Each bar under its label, full width, so it reads at a phone's width as at a desk's.
  bars.forEach((b, j) => {
    const y = top + j * row;
    root.append(svg("text", { x: 0, y: y + 14, class: "label" }, b.label));
    let x = 0;
    b.parts.forEach((p, i) => {
      if (p.share === null) return;
      const w = p.share * scale;
      root.append(svg("rect", { x, y: y + 20, width: w, height: 26, fill: COLOURS[i % 2] }),
        svg("text", { x: x + w / 2, y: y + 38, "text-anchor": "middle", class: "value" }, `${p.share.toFixed(1)}%`));
      x += w;
    });
  });
  return root;
}
