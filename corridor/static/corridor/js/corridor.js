// Corridor's own script: maps drawn from data the page embeds (json_script), so the
// map works with no tile server and everything it shows is also in a table.
(function () {
  "use strict";

  function drawMap(el) {
    var data = JSON.parse(document.getElementById(el.dataset.points).textContent);
    var map = L.map(el, { scrollWheelZoom: false, keyboard: true });
    var tiles = el.dataset.tiles;
    if (tiles) {
      L.tileLayer(tiles, { maxZoom: 18, attribution: el.dataset.attribution || "" }).addTo(map);
    }
    var bounds = [];
    data.forEach(function (p) {
      var marker = L.circleMarker([p.lat, p.lon], {
        radius: p.radius || 7, color: "#12355b", weight: 2,
        fillColor: p.colour || "#2f7dd1", fillOpacity: 0.85
      }).addTo(map);
      var label = document.createElement("div");
      var link = document.createElement(p.url ? "a" : "span");
      link.textContent = p.label;
      if (p.url) { link.href = p.url; }
      label.appendChild(link);
      if (p.detail) {
        var detail = document.createElement("div");
        detail.textContent = p.detail;
        label.appendChild(detail);
      }
      marker.bindPopup(label);
      if (!tiles) {
        marker.bindTooltip(p.label, { permanent: data.length <= 40, direction: "right", className: "map-label" });
      }
      bounds.push([p.lat, p.lon]);
    });
    if (bounds.length === 1) { map.setView(bounds[0], 10); }
    else if (bounds.length) { map.fitBounds(bounds, { padding: [30, 30] }); }
    else { map.setView([43.5, -80.5], 7); }
    el.dataset.ready = String(bounds.length);
  }

  function init() {
    if (typeof L === "undefined") { return; }
    document.querySelectorAll("[data-map]").forEach(drawMap);
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); }
  else { init(); }
})();
