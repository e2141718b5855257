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
    // every place named beside its marker when there are no tiles and few places
    var permanent = !tiles && data.length <= 40;
    var labelled = [];
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
        // Leaflet reads a string as HTML: the label goes in as text, so a name from
        // data ("<img onerror=...>") is shown, never run.
        var tip = document.createElement("span");
        tip.textContent = p.label;
        marker.bindTooltip(tip, { permanent: permanent, direction: "right", className: "map-label" });
        if (permanent) { labelled.push({ marker: marker, rank: p.radius || 7, order: labelled.length }); }
      }
      bounds.push([p.lat, p.lon]);
    });
    if (bounds.length === 1) { map.setView(bounds[0], 10); }
    else if (bounds.length) { map.fitBounds(bounds, { padding: [30, 30] }); }
    else { map.setView([43.5, -80.5], 7); }
    if (permanent) {
      declutter(labelled);
      map.on("zoomend", function () { declutter(labelled); });
    }
    el.dataset.ready = String(bounds.length);
  }

  // Places close together (Toronto's neighbours, say) would print their labels over
  // one another: a label that would cover one already shown is hidden, the larger
  // markers' first, and shows while the pointer is on its marker.
  function declutter(labelled) {
    var shown = [];
    labelled.slice().sort(function (a, b) { return b.rank - a.rank || a.order - b.order; })
      .forEach(function (item) {
        var tip = item.marker.getTooltip();
        var node = tip && tip.getElement();
        if (!node) { return; }
        node.classList.remove("map-label-hidden");
        var box = node.getBoundingClientRect();
        var covers = shown.some(function (other) {
          return box.left < other.right && other.left < box.right &&
            box.top < other.bottom && other.top < box.bottom;
        });
        if (covers) {
          node.classList.add("map-label-hidden");
          if (!item.hover) {
            item.hover = true;
            item.marker.on("mouseover", function () { node.classList.add("map-label-hover"); });
            item.marker.on("mouseout", function () { node.classList.remove("map-label-hover"); });
          }
        } else {
          shown.push(box);
        }
      });
  }

  function init() {
    if (typeof L === "undefined") { return; }
    document.querySelectorAll("[data-map]").forEach(drawMap);
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); }
  else { init(); }
})();
