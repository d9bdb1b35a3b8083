// Measures a report's charts as the browser laid them out, and writes what it found as JSON
// into <pre id="layout-check">, for scripts/check-report-dom.py to read from --dump-dom.
// check-report adds it to a copy of the report; the report itself has no scripts.
(function () {
  const problems = [];
  const charts = [];
  // The corners of a text's box, shrunk by half a pixel, in its chart's coordinates.
  const quad = (t) => {
    const b = t.getBBox(), m = t.getCTM(), svg = t.ownerSVGElement, p = svg.createSVGPoint();
    return [[b.x + 0.5, b.y + 0.5], [b.x + b.width - 0.5, b.y + 0.5], [b.x + b.width - 0.5, b.y + b.height - 0.5],
            [b.x + 0.5, b.y + b.height - 0.5]].map(([x, y]) => { p.x = x; p.y = y; const q = p.matrixTransform(m); return [q.x, q.y]; });
  };
  // Whether two convex quadrilaterals overlap: no edge of either separates them.
  const intersect = (a, b) => {
    for (const poly of [a, b]) {
      for (let i = 0; i < poly.length; i++) {
        const [x1, y1] = poly[i], [x2, y2] = poly[(i + 1) % poly.length];
        const nx = y2 - y1, ny = x1 - x2;
        const project = (q) => q.map(([x, y]) => nx * x + ny * y);
        const pa = project(a), pb = project(b);
        if (Math.max(...pa) <= Math.min(...pb) || Math.max(...pb) <= Math.min(...pa)) return false;
      }
    }
    return true;
  };
  const colourOf = (group) => {
    for (const el of group.querySelectorAll("*")) {
      for (const key of ["fill", "stroke"]) {
        const v = (el.getAttribute(key) || "").toUpperCase();
        if (v && v !== "NONE" && v !== "#FFFFFF" && !el.classList.contains("error") && !el.classList.contains("error-cap")) {
          return v;
        }
      }
    }
    return null;
  };
  document.querySelectorAll("figure.chart svg").forEach((svg, index) => {
    const name = (svg.querySelector("title") || {}).textContent || `chart ${index + 1}`;
    const where = `chart ${index + 1} (${name})`;
    const box = svg.getBoundingClientRect();
    const series = [...svg.querySelectorAll("g.plot g.series")].map((g) => ({
      name: g.getAttribute("data-series"), colour: colourOf(g),
    }));
    const legend = [...svg.querySelectorAll("g.legend g.legend-item")].map((g) => g.getAttribute("data-series"));
    const label = (axis) => [...svg.querySelectorAll(`g.${axis} text.axis-label`)].map((t) => t.textContent.trim());
    charts.push({ where, kind: svg.getAttribute("class"), series, legend,
                  yLabels: label("axis-y"), xLabels: label("axis-x") });
    const texts = [...svg.querySelectorAll("text")].filter((t) => t.textContent.trim() !== "");
    for (const t of texts) {
      const text = t.textContent.trim();
      if (text.includes("…")) problems.push(`${where}: "${text}" is cut short`);
      const r = t.getBoundingClientRect();
      if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1) {
        problems.push(`${where}: "${text}" runs outside the chart`);
      }
      const room = parseFloat(t.getAttribute("data-width"));
      if (!isNaN(room) && t.getBBox().width > room + 1) {
        problems.push(`${where}: "${text}" is ${t.getBBox().width.toFixed(0)} px wide in a ${room} px box`);
      }
    }
    // No two labels run into each other: ticks, axis labels, legend and key entries, titles.
    // Each label is the rectangle of its text turned as drawn (tick labels may be at 35°).
    const quads = texts.map((t) => [t.textContent.trim(), quad(t)]);
    for (let i = 0; i < quads.length; i++) {
      for (let j = i + 1; j < quads.length; j++) {
        if (intersect(quads[i][1], quads[j][1])) problems.push(`${where}: "${quads[i][0]}" and "${quads[j][0]}" overlap`);
      }
    }
  });
  // The page's own text (not the scenario's lines quoted under "Data and assumptions").
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement.closest("ul.assumptions, code, script")) continue;
    if (node.textContent.includes("…")) problems.push(`the page cuts text short: "${node.textContent.trim().slice(0, 60)}"`);
  }
  const out = document.createElement("pre");
  out.id = "layout-check";
  out.textContent = JSON.stringify({ charts, problems });
  document.body.appendChild(out);
})();
