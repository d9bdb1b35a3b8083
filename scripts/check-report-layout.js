// Measures a report's charts as the browser laid them out, and writes what it found as JSON
// into <pre id="layout-check">, for scripts/check-report-dom.py to read from --dump-dom.
// check-report adds it to a copy of the report; the report itself has no scripts.
(function () {
  const problems = [];
  const charts = [];
  const overlaps = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
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
    const boxes = texts.map((t) => [t.textContent.trim(), t.getBoundingClientRect()]);
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        if (overlaps(boxes[i][1], boxes[j][1])) problems.push(`${where}: "${boxes[i][0]}" and "${boxes[j][0]}" overlap`);
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
