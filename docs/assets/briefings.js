// Evidence links point into the collapsed seed text: open it and show the quote.
(function () {
  function reveal(hash) {
    if (!hash || hash.length < 2) return;
    var target = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (!target) return;
    var details = target.closest("details");
    if (details && !details.open) details.open = true;
    target.scrollIntoView({ block: "center" });
    var mark = target.nextElementSibling;
    if (mark && mark.tagName === "MARK") {
      mark.classList.add("bf-flash");
      setTimeout(function () { mark.classList.remove("bf-flash"); }, 1600);
    }
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest('a[href^="#ev-"]');
    if (link) {
      event.preventDefault();
      history.replaceState(null, "", link.getAttribute("href"));
      reveal(link.getAttribute("href"));
    }
  });
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
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { reveal(location.hash); });
  } else {
    reveal(location.hash);
  }
})();
