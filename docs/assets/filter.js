// The timeline's filter: on a page of events, choose an actor, a place or a status and only
// the events that match stay visible; a line says how many. Each event carries its data
// (data-actors, data-places: page names separated by spaces; data-status). Without
// JavaScript the form stays hidden and every event shows. Material loads pages without a
// reload ("instant" navigation is off here, but document$ is used when present).
(function () {
  function setUp(form) {
    if (form.dataset.bfReady) return;
    form.dataset.bfReady = "1";
    var content = form.closest("article") || document;
    var events = Array.prototype.slice.call(content.querySelectorAll("li.bf-event"));
    var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-bf-key]"));
    var count = form.querySelector(".bf-filter-count");

    function matches(li) {
      return selects.every(function (s) {
        if (!s.value) return true;
        var have = (li.getAttribute("data-" + s.getAttribute("data-bf-key")) || "").split(" ");
        return have.indexOf(s.value) >= 0;
      });
    }

    function apply() {
      var shown = 0;
      events.forEach(function (li) {
        var ok = matches(li);
        li.hidden = !ok;
        if (ok) shown += 1;
      });
      // A month whose events are all hidden hides its heading and its list too.
      content.querySelectorAll("ol.bf-timeline").forEach(function (ol) {
        var any = ol.querySelector("li.bf-event:not([hidden])") !== null;
        ol.hidden = !any;
        var h = ol.previousElementSibling;
        if (h && /^H[2-4]$/.test(h.tagName)) h.hidden = !any;
      });
      var active = selects.some(function (s) { return s.value; });
      if (count) {
        count.textContent = active
          ? "Showing " + shown + " of " + events.length + " events."
          : events.length + " events.";
      }
    }

    selects.forEach(function (s) { s.addEventListener("change", apply); });
    form.addEventListener("reset", function () { setTimeout(apply, 0); });
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    form.hidden = false;
    apply();
  }

  function ready() {
    document.querySelectorAll("form[data-bf-filter]").forEach(setUp);
  }
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(ready);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ready);
  } else {
    ready();
  }
})();
