// SocialCard charts: horizontal bar charts drawn as SVG from a table on the same page.
//
//   <div class="chart" data-chart="stacked|grouped" data-chart-table="TABLE-ID" data-chart-title="…"></div>
//
// is filled with an SVG built from the table's header cells marked data-series="key" (one series each) and its
// body rows (the row's first cell is the label; a cell's data-value, else its text, is the number). The table
// stays the source of truth: screen readers, printers and browsers without JavaScript use it, and the chart can
// never show other numbers. Colours come from site.css through the classes series-KEY (the CSP allows no inline
// style); every bar carries data-series, data-value and a <title> that names it.
(function () {
  "use strict";

  var SVG = "http://www.w3.org/2000/svg";
  var FONT = 13; // px, the size site.css gives .chart text
  var STACKED_BAR = 20;
  var GROUPED_BAR = 12;
  var BAR_GAP = 2;
  var ROW_GAP = 14;
  var PAD = 8;
  var SWATCH = 12;
  var TICKS = 4;

  function node(name, attributes, parent) {
    var element = document.createElementNS(SVG, name);
    Object.keys(attributes || {}).forEach(function (key) {
      element.setAttribute(key, String(attributes[key]));
    });
    if (parent) parent.appendChild(element);
    return element;
  }

  function text(parent, x, y, content, attributes) {
    var element = node("text", Object.assign({ x: x, y: y }, attributes || {}), parent);
    element.textContent = content;
    return element;
  }

  function withTitle(element, content) {
    node("title", {}, element).textContent = content;
    return element;
  }

  function readTable(table) {
    var head = table.tHead && table.tHead.rows[0];
    if (!head) return null;
    var series = [];
    Array.prototype.forEach.call(head.cells, function (cell) {
      var key = cell.getAttribute("data-series");
      if (key) series.push({ key: key, name: cell.textContent.trim(), index: cell.cellIndex });
    });
    var rows = [];
    Array.prototype.forEach.call(table.tBodies, function (body) {
      Array.prototype.forEach.call(body.rows, function (row) {
        rows.push({
          label: row.cells[0].textContent.trim(),
          values: series.map(function (s) {
            var cell = row.cells[s.index];
            var value = Number(cell ? cell.getAttribute("data-value") || cell.textContent : 0);
            return isFinite(value) && value > 0 ? value : 0;
          }),
        });
      });
    });
    return { series: series, rows: rows };
  }

  // Widths are measured in the SVG itself, so CJK labels get the room they need in the font the page uses.
  function measurer(svg, className) {
    var probe = text(svg, 0, -1000, "", className ? { class: className } : {});
    return {
      width: function (content) {
        probe.textContent = content;
        var measured = probe.getComputedTextLength();
        return Math.ceil(measured > 0 ? measured : content.length * FONT); // not rendered (hidden): estimate
      },
      done: function () {
        svg.removeChild(probe);
      },
    };
  }

  function fit(measure, content, room) {
    if (measure.width(content) <= room) return content;
    var cut = content;
    while (cut.length > 1 && measure.width(cut + "…") > room) cut = cut.slice(0, -1);
    return cut + "…";
  }

  // A step of 1, 2 or 5 times a power of ten (at least 1, the counts are whole numbers).
  function niceStep(max) {
    var raw = Math.max(max, 1) / TICKS;
    var power = Math.pow(10, Math.floor(Math.log10(raw)));
    var multiples = [1, 2, 5, 10];
    for (var i = 0; i < multiples.length; i++) {
      if (multiples[i] * power >= raw) return Math.max(1, multiples[i] * power);
    }
    return Math.max(1, 10 * power);
  }

  function draw(container) {
    var table = document.getElementById(container.getAttribute("data-chart-table"));
    var data = table && readTable(table);
    while (container.firstChild) container.removeChild(container.firstChild);
    if (!data || data.rows.length === 0 || data.series.length === 0) return;

    var stacked = container.getAttribute("data-chart") === "stacked";
    var width = Math.max(360, Math.floor(container.clientWidth));
    var id = table.id + "-chart";
    var svg = node("svg", {
      xmlns: SVG,
      class: "chart-svg",
      role: "img",
      "aria-labelledby": id + "-title " + id + "-desc",
      width: width,
    }, container);
    node("title", { id: id + "-title" }, svg).textContent = container.getAttribute("data-chart-title") || "";
    node("desc", { id: id + "-desc" }, svg).textContent =
      (stacked ? "堆叠条形图" : "分组条形图") + "，共 " + data.rows.length + " 行；各项数值见图下的表格。";
    var measure = measurer(svg);

    // Legend, wrapped onto as many lines as the width needs.
    var legend = node("g", { class: "legend" }, svg);
    var lx = 0;
    var ly = 0;
    data.series.forEach(function (s) {
      var itemWidth = SWATCH + 4 + measure.width(s.name) + 18;
      if (lx > 0 && lx + itemWidth > width) {
        lx = 0;
        ly += FONT + 10;
      }
      node("rect", { x: lx, y: ly + 2, width: SWATCH, height: SWATCH, class: "swatch series-" + s.key }, legend);
      text(legend, lx + SWATCH + 4, ly + SWATCH, s.name);
      lx += itemWidth;
    });
    var top = ly + FONT + 2 * PAD;

    var totals = data.rows.map(function (row) {
      return row.values.reduce(function (a, b) { return a + b; }, 0);
    });
    var max = stacked ? Math.max.apply(null, totals) : Math.max.apply(null, data.rows.map(function (row) {
      return Math.max.apply(null, row.values);
    }));
    var step = niceStep(max);
    var axisMax = step * Math.max(1, Math.ceil(max / step));

    var labelWidth = Math.min(
      Math.max.apply(null, data.rows.map(function (row) { return measure.width(row.label); })),
      Math.floor(width * 0.35));
    var valueWidth = measure.width(String(axisMax)) + PAD;
    var plotX = labelWidth + PAD;
    var plotWidth = Math.max(60, width - plotX - valueWidth - PAD);
    var rowHeight = stacked ? STACKED_BAR : data.series.length * (GROUPED_BAR + BAR_GAP) - BAR_GAP;
    var plotHeight = data.rows.length * (rowHeight + ROW_GAP);
    var scale = function (value) { return (value / axisMax) * plotWidth; };

    var axis = node("g", { class: "axis" }, svg);
    for (var tick = 0; tick <= axisMax; tick += step) {
      var tx = plotX + scale(tick);
      node("line", { x1: tx, x2: tx, y1: top, y2: top + plotHeight }, axis);
      text(axis, tx, top + plotHeight + FONT + 4, String(tick), { "text-anchor": "middle" });
    }

    data.rows.forEach(function (row, r) {
      var y = top + ROW_GAP / 2 + r * (rowHeight + ROW_GAP);
      var group = node("g", { class: "row" }, svg);
      var shown = fit(measure, row.label, labelWidth);
      var rowLabel = text(group, labelWidth, y + rowHeight / 2, shown, { "text-anchor": "end", "dominant-baseline": "central" });
      if (shown !== row.label) withTitle(rowLabel, row.label);

      if (stacked) {
        var x = plotX;
        data.series.forEach(function (s, i) {
          var w = scale(row.values[i]);
          withTitle(node("rect", {
            x: x, y: y, width: w, height: STACKED_BAR,
            class: "bar series-" + s.key, "data-series": s.key, "data-value": row.values[i],
          }, group), row.label + " · " + s.name + "：" + row.values[i]);
          x += w;
        });
        text(group, x + 4, y + STACKED_BAR / 2, String(totals[r]), { class: "value", "dominant-baseline": "central" });
      } else {
        data.series.forEach(function (s, i) {
          var by = y + i * (GROUPED_BAR + BAR_GAP);
          var w = scale(row.values[i]);
          withTitle(node("rect", {
            x: plotX, y: by, width: w, height: GROUPED_BAR,
            class: "bar series-" + s.key, "data-series": s.key, "data-value": row.values[i],
          }, group), row.label + " · " + s.name + "：" + row.values[i]);
          text(group, plotX + w + 4, by + GROUPED_BAR / 2, String(row.values[i]), { class: "value small", "dominant-baseline": "central" });
        });
      }
    });
    node("line", { x1: plotX, x2: plotX, y1: top, y2: top + plotHeight, class: "baseline" }, axis);
    measure.done();

    var height = Math.ceil(top + plotHeight + FONT + 10);
    svg.setAttribute("height", String(height));
    svg.setAttribute("viewBox", "0 0 " + width + " " + height);
  }

  var charts = document.querySelectorAll(".chart[data-chart]");
  function drawAll() {
    Array.prototype.forEach.call(charts, draw);
  }
  drawAll();

  var lastWidth = window.innerWidth;
  var pending = 0;
  window.addEventListener("resize", function () {
    if (window.innerWidth === lastWidth) return;
    lastWidth = window.innerWidth;
    window.clearTimeout(pending);
    pending = window.setTimeout(drawAll, 150);
  });
})();
