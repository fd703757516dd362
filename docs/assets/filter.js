// The timeline's filter: on a page of events, choose an actor, a place or a status and only
// the events that match stay visible; a line says how many. Each event carries its data
// (data-actors, data-places: page names separated by spaces; data-status). The choice is
// kept in the address (?actor=...&place=...&status=...), so a filtered page can be linked
// to. Without JavaScript the form stays hidden and every event shows. Material loads pages
// without a reload when "instant" navigation is on: document$ is used when present.
(function () {
  function setUp(form) {
    if (form.dataset.bfReady) return;
    form.dataset.bfReady = "1";
    var content = form.closest("article") || document;
    var events = Array.prototype.slice.call(content.querySelectorAll("li.bf-event"));
    var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-bf-key]"));
    var count = form.querySelector(".bf-filter-count");
    var params = { actors: "actor", places: "place", status: "status" };
    var query = new URLSearchParams(location.search);
    selects.forEach(function (s) {
      var want = query.get(params[s.getAttribute("data-bf-key")] || "");
      if (want && s.querySelector('option[value="' + CSS.escape(want) + '"]')) s.value = want;
    });

    function remember() {
      var q = new URLSearchParams(location.search);
      selects.forEach(function (s) {
        var name = params[s.getAttribute("data-bf-key")];
        if (!name) return;
        if (s.value) q.set(name, s.value); else q.delete(name);
      });
      var text = q.toString();
      history.replaceState(history.state, "", location.pathname + (text ? "?" + text : "") + location.hash);
    }

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

    selects.forEach(function (s) {
      s.addEventListener("change", function () { apply(); remember(); });
    });
    form.addEventListener("reset", function () { setTimeout(function () { apply(); remember(); }, 0); });
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
