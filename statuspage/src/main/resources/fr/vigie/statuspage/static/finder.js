/* Vigie: the service finder on the home page. Progressive enhancement: without this script the page is the
   full list, grouped by region; with it, a search box filters the cards by ENT name, region or académie.
   A static file allowed by the CSP (script-src 'self'): no inline script, no third party, no storage. */
(function () {
  "use strict";
  var finder = document.getElementById("finder");
  var input = document.getElementById("finder-q");
  var count = document.getElementById("finder-count");
  if (!finder || !input || !count) return;
  var fold = function (s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();
  };
  var cards = Array.prototype.slice.call(document.querySelectorAll(".svc[data-search]"));
  var keys = cards.map(function (c) { return fold(c.getAttribute("data-search")); });
  var lists = Array.prototype.slice.call(document.querySelectorAll("ul.services"));
  function apply() {
    var words = fold(input.value).split(" ").filter(Boolean);
    var shown = 0;
    cards.forEach(function (card, i) {
      var match = words.every(function (w) { return keys[i].indexOf(w) >= 0; });
      card.hidden = !match;
      if (match) shown++;
    });
    // A region heading with nothing left under it goes too.
    lists.forEach(function (list) {
      var any = list.querySelector(".svc:not([hidden])") !== null;
      list.hidden = !any;
      var head = list.previousElementSibling;
      while (head && head.tagName !== "H3" && head.tagName !== "H2") head = head.previousElementSibling;
      if (head && head.tagName === "H3") head.hidden = !any;
    });
    count.textContent = words.length === 0 ? "" : count.getAttribute("data-template").replace("{0}", shown);
  }
  input.addEventListener("input", apply);
  finder.hidden = false;
  if (input.value) apply();
})();
