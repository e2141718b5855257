// Charts drawn with the vendored Chart.js from data the page embeds (json_script).
// Every chart is a picture of a table that is also on the page, so nothing is
// known only to people who can see the canvas.
(function () {
  "use strict";
  // Colours chosen for contrast against white and for telling series apart.
  var PALETTE = ["#12355b", "#c0392b", "#2e7d32", "#8e44ad", "#d35400", "#00796b", "#5d4037", "#455a64"];

  function draw(canvas) {
    var spec = JSON.parse(document.getElementById(canvas.dataset.chart).textContent);
    var round = spec.type === "doughnut" || spec.type === "pie";
    var datasets = spec.datasets.map(function (d, i) {
      var colour = d.colour || PALETTE[i % PALETTE.length];
      return Object.assign({
        backgroundColor: round ? spec.labels.map(function (_, j) { return PALETTE[j % PALETTE.length]; }) : colour,
        borderColor: colour,
        borderWidth: spec.type === "line" ? 2 : 0,
        fill: false
      }, d);
    });
    // Counts get whole-number ticks (no "0.5 municipalities").
    var whole = spec.datasets.every(function (d) {
      return d.data.every(function (v) { return v === null || Number.isInteger(v); });
    });
    var valueTicks = whole ? { color: "#222", precision: 0 } : { color: "#222" };
    var scales = round ? {} : {
      x: { stacked: !!spec.stacked, beginAtZero: !!spec.horizontal, ticks: spec.horizontal ? valueTicks : { color: "#222" } },
      y: { stacked: !!spec.stacked, beginAtZero: !spec.horizontal, ticks: spec.horizontal ? { color: "#222" } : valueTicks }
    };
    new Chart(canvas, {
      type: spec.type,
      data: { labels: spec.labels, datasets: datasets },
      options: {
        indexAxis: spec.horizontal ? "y" : "x",
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: scales,
        plugins: { legend: { display: datasets.length > 1 || round, labels: { color: "#222" } } }
      }
    });
    canvas.dataset.ready = "1";
  }

  function init() {
    if (typeof Chart === "undefined") { return; }
    document.querySelectorAll("canvas[data-chart]").forEach(draw);
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); }
  else { init(); }
})();
