// Evidence links point into the collapsed seed text: open it and show the quote.
(function () {
  function reveal(hash) {
    if (!hash || hash.length < 2) return;
    var target = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (!target) return;
    var details = target.closest("details");
    if (details && !details.open) details.open = true;
    target.scrollIntoView({ block: "center" });
    var id = target.id;
    document.querySelectorAll("mark.bf-current").forEach(function (m) {
      m.classList.remove("bf-current");
    });
    var marks = document.querySelectorAll("mark[data-evidence]");
    marks.forEach(function (m) {
      if ((" " + m.getAttribute("data-evidence") + " ").indexOf(" " + id + " ") >= 0) {
        m.classList.add("bf-current");
      }
    });
    var mark = target.nextElementSibling;
    if (mark && mark.tagName === "MARK") {
      mark.classList.add("bf-flash");
      setTimeout(function () { mark.classList.remove("bf-flash"); }, 1600);
    }
  }
  // Pages reached from an index (a briefing, an actor, a year) are not in the navigation:
  // mark the section they belong to, the nearest navigation link whose address holds them.
  function markSection() {
    if (document.querySelector(".md-sidebar--primary .md-nav__link--active")) return;
    var here = location.href.split("#")[0].split("?")[0];
    var logo = document.querySelector("a.md-logo");
    var home = logo ? logo.href.split("#")[0] : "";
    var best = null;
    var links = document.querySelectorAll(".md-sidebar--primary a.md-nav__link[href]");
    // The breadcrumb names the section first (a place's page lives under actors/ but is
    // reached from the places index); else the nearest link whose address holds the page.
    var crumb = document.querySelector(".bf-crumbs a[href]");
    if (crumb) {
      var section = crumb.href.split("#")[0];
      links.forEach(function (a) { if (!best && a.href.split("#")[0] === section) best = a; });
    }
    if (!best) links.forEach(function (a) {
      var href = a.href.split("#")[0];
      if (href === home || href.slice(-1) !== "/" || here.indexOf(href) !== 0) return;
      if (!best || href.length > best.href.split("#")[0].length) best = a;
    });
    if (best) {
      best.classList.add("md-nav__link--active");
      best.setAttribute("aria-current", "location");
    }
  }

  // Browsers without ::details-content print closed <details> empty: open them to print.
  var opened = [];
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details.bf-seed:not([open])").forEach(function (d) {
      d.open = true;
      opened.push(d);
    });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });
  window.addEventListener("hashchange", function () { reveal(location.hash); });
  function ready() {
    markSection();
    reveal(location.hash);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ready);
  } else {
    ready();
  }
})();
