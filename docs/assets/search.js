// The site's search (generator/pages/search.py writes the index under search-data/).
// Nothing is fetched until the reader types; then the manifest, the shards of the query's
// words and the metadata of the results shown. Briefings come first, then entities, then
// outlets; within each, whole names and whole words above words that only start with the
// query. Every text from the index is inserted with textContent.
(function () {
  "use strict";

  var KINDS = ["b", "e", "o"];
  var LIMITS = { b: 10, e: 5, o: 3 };
  var HEADINGS = { b: "Briefings", e: "Entities", o: "Outlets" };
  var NAMES = { b: ["briefing", "briefings"], e: ["entity", "entities"], o: ["outlet", "outlets"] };

  // ---- the query against the index: pure functions (tests call them) ----

  function fold(text) {
    return String(text)
      .normalize("NFKD")
      .replace(/[\p{Mn}\p{Me}\p{Cf}]/gu, "")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim();
  }

  function parse(query, stop) {
    var all = fold(query).split(" ").filter(Boolean);
    var words = all.filter(function (w) {
      return w.length > 1 && stop.indexOf(w) < 0;
    });
    var named = all[0] === "the" ? all.slice(1) : all;
    return { words: words, phrase: named.join(" ") };
  }

  // The shard keys that hold every token starting with `s`: the longest key that starts `s`,
  // and every longer key that starts with `s`.
  function shardKeys(s, keys) {
    var best = "";
    var out = [];
    keys.forEach(function (k) {
      if (k.length > s.length && k.slice(0, s.length) === s) out.push(k);
      else if (s.slice(0, k.length) === k && k.length > best.length) best = k;
    });
    if (best) out.unshift(best);
    return out;
  }

  function needed(query, manifest) {
    var q = parse(query, manifest.stop);
    var keys = Object.keys(manifest.shards).sort();
    var want = {};
    var strings = q.words.slice();
    if (q.phrase.indexOf(" ") > 0) strings.push(q.phrase);
    strings.forEach(function (s) {
      if (s.length < 2) return;
      shardKeys(s, keys).forEach(function (k) {
        want[k] = true;
      });
    });
    return Object.keys(want).sort();
  }

  // Calls visit(token, doc, weight) for every posting of every token starting with `s`.
  function scan(s, manifest, shards, visit) {
    var keys = Object.keys(manifest.shards).sort();
    shardKeys(s, keys).forEach(function (k) {
      var shard = shards[k] || {};
      Object.keys(shard).forEach(function (token) {
        if (token.slice(0, s.length) !== s) return;
        var p = shard[token];
        var doc = 0;
        for (var i = 0; i < p.length; i += 2) {
          doc += p[i];
          visit(token, doc, p[i + 1]);
        }
      });
    });
  }

  function kindOf(doc, counts) {
    if (doc < counts[0]) return "b";
    if (doc < counts[0] + counts[1]) return "e";
    return "o";
  }

  // Ranked documents by kind: {b: [...], e: [...], o: [...]}, each item
  // {doc, tier, score}; tier 0 = the query is a whole name, 1 = every word whole, 2 = some
  // word only starts a longer one.
  function rank(query, manifest, shards) {
    var q = parse(query, manifest.stop);
    var whole = manifest.whole;
    var out = { b: [], e: [], o: [] };
    if (!q.words.length) return out;
    var found = null;
    q.words.forEach(function (w) {
      var best = {};
      scan(w, manifest, shards, function (token, doc, weight) {
        if (token.indexOf(" ") >= 0) return;
        var exact = token === w;
        var base = weight % whole;
        var score = exact ? base * 2 : base;
        var named = exact && weight >= whole && q.words.length === 1 && q.phrase === w;
        var had = best[doc] || (best[doc] = { score: 0, exact: false, named: false });
        if (score > had.score) had.score = score;
        if (exact) had.exact = true;
        if (named) had.named = true;
      });
      if (found === null) {
        found = best;
      } else {
        var both = {};
        Object.keys(found).forEach(function (d) {
          if (best[d]) {
            both[d] = {
              score: found[d].score + best[d].score,
              exact: found[d].exact && best[d].exact,
              named: false,
            };
          }
        });
        found = both;
      }
    });
    if (q.phrase.indexOf(" ") > 0) {
      scan(q.phrase, manifest, shards, function (token, doc, weight) {
        var hit = found[doc];
        if (!hit) return;
        if (token === q.phrase && weight >= whole) {
          hit.named = true;
          hit.score += 20;
        } else if (!hit.phrased) {
          hit.phrased = true;
          hit.score += 10;
        }
      });
    }
    Object.keys(found).forEach(function (d) {
      var hit = found[d];
      var doc = Number(d);
      out[kindOf(doc, manifest.counts)].push({
        doc: doc,
        tier: hit.named ? 0 : hit.exact ? 1 : 2,
        score: hit.score,
      });
    });
    KINDS.forEach(function (k) {
      out[k].sort(function (a, b) {
        return a.tier - b.tier || b.score - a.score || a.doc - b.doc;
      });
    });
    return out;
  }

  // The results shown, in order: briefings, then entities, then outlets, each up to its limit.
  function order(ranked, limits) {
    var out = [];
    KINDS.forEach(function (k) {
      out = out.concat(ranked[k].slice(0, limits[k]));
    });
    return out;
  }

  var api = {
    fold: fold,
    parse: parse,
    shardKeys: shardKeys,
    needed: needed,
    rank: rank,
    order: order,
  };
  if (typeof window === "undefined") {
    if (typeof module !== "undefined") module.exports = api;
    return;
  }
  window.BriefingsSearch = api;

  // ---- the search box ----

  var box = document.querySelector("[data-bf-search]");
  var script = document.currentScript;
  if (!box || !script || !window.fetch) return;
  var input = box.querySelector("#bf-search-input");
  var list = box.querySelector("#bf-search-results");
  var meta = box.querySelector(".md-search-result__meta");
  var toggle = document.getElementById("__search");
  // Zensical: the search is a dialog, opened by its own button and by the header's icon.
  var dialog = box.tagName === "DIALOG" ? box : null;
  var siteRoot = new URL("../", script.src);
  var dataRoot = new URL("search-data/", siteRoot);
  var cache = {};
  var turn = 0;
  var state = { query: "", ranked: null, limits: {}, active: -1 };

  function get(path) {
    if (!cache[path]) {
      cache[path] = fetch(new URL(path, dataRoot).href).then(function (r) {
        if (!r.ok) throw new Error(r.status + " " + path);
        return r.json();
      });
      cache[path].catch(function () {
        delete cache[path];
      });
    }
    return cache[path];
  }

  function open(on) {
    if (dialog) {
      if (on && !dialog.open) dialog.showModal();
      if (!on && dialog.open) dialog.close();
    } else if (toggle && toggle.checked !== on) {
      toggle.checked = on;
    }
    input.setAttribute("aria-expanded", on && list.children.length ? "true" : "false");
  }

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function label(kind) {
    var text = String(kind || "");
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  function render(manifest, ranked, docs) {
    list.textContent = "";
    state.active = -1;
    input.removeAttribute("aria-activedescendant");
    var total = ranked.b.length + ranked.e.length + ranked.o.length;
    if (!total) {
      meta.textContent = "Nothing found for \u201c" + state.query + "\u201d";
      open(true);
      return;
    }
    var parts = [];
    KINDS.forEach(function (k) {
      var n = ranked[k].length;
      if (n) parts.push(n + " " + (n === 1 ? NAMES[k][0] : NAMES[k][1]));
    });
    meta.textContent = parts.join(", ");
    var n = 0;
    KINDS.forEach(function (k) {
      var items = ranked[k];
      if (!items.length) return;
      var head = el("li", "bf-sr-head", HEADINGS[k]);
      head.setAttribute("role", "presentation");
      list.appendChild(head);
      items.slice(0, state.limits[k]).forEach(function (item) {
        var d = docs[item.doc];
        if (!d) return;
        var li = el("li", "md-search-result__item bf-sr");
        li.setAttribute("role", "option");
        li.id = "bf-sr-" + n++;
        var a = el("a", "md-search-result__link");
        a.href = new URL(d[2], siteRoot).href;
        a.tabIndex = -1;
        var art = el("article", "md-search-result__article md-typeset");
        var line = el("p", "bf-sr-kind");
        line.appendChild(el("span", "bf-sr-label", label(d[0])));
        line.appendChild(document.createTextNode(" \u00b7 "));
        var time = el("time", "", d[4]);
        time.setAttribute("datetime", d[3]);
        line.appendChild(time);
        art.appendChild(line);
        art.appendChild(el("h1", "", d[1]));
        art.appendChild(el("p", "bf-sr-detail", d[5]));
        a.appendChild(art);
        li.appendChild(a);
        li.addEventListener("mousemove", function () {
          activate(Number(li.id.slice(6)));
        });
        list.appendChild(li);
      });
      var left = items.length - state.limits[k];
      if (left > 0) {
        var more = el("li", "bf-sr-more");
        more.setAttribute("role", "presentation");
        var button = el("button", "md-button", "Show " + Math.min(left, 20) + " more");
        button.type = "button";
        button.addEventListener("click", function () {
          state.limits[k] += 20;
          show(manifest).then(function () {
            input.focus();
          });
        });
        more.appendChild(button);
        list.appendChild(more);
      }
    });
    open(true);
  }

  function show(manifest) {
    var mine = turn;
    var items = order(state.ranked, state.limits);
    var chunks = {};
    items.forEach(function (it) {
      chunks[Math.floor(it.doc / manifest.chunk)] = true;
    });
    var names = Object.keys(chunks);
    return Promise.all(
      names.map(function (c) {
        return get("m/" + c + ".json");
      })
    ).then(function (loaded) {
      if (mine !== turn) return;
      var docs = {};
      loaded.forEach(function (chunk, i) {
        var start = Number(names[i]) * manifest.chunk;
        chunk.forEach(function (d, j) {
          docs[start + j] = d;
        });
      });
      render(manifest, state.ranked, docs);
    });
  }

  function run() {
    var query = input.value;
    var mine = ++turn;
    if (!fold(query)) {
      list.textContent = "";
      meta.textContent = "Type a name, a place or a word of a headline";
      input.setAttribute("aria-expanded", "false");
      return;
    }
    get("manifest.json")
      .then(function (manifest) {
        var q = parse(query, manifest.stop);
        if (!q.words.length) {
          if (mine === turn) {
            list.textContent = "";
            meta.textContent = "Type at least two letters of a word";
          }
          return null;
        }
        var keys = needed(query, manifest);
        return Promise.all(
          keys.map(function (k) {
            return get("t/" + manifest.shards[k] + ".json");
          })
        ).then(function (loaded) {
          if (mine !== turn) return;
          var shards = {};
          keys.forEach(function (k, i) {
            shards[k] = loaded[i];
          });
          state.query = query;
          state.ranked = rank(query, manifest, shards);
          state.limits = { b: LIMITS.b, e: LIMITS.e, o: LIMITS.o };
          return show(manifest);
        });
      })
      .catch(function () {
        if (mine === turn) meta.textContent = "Search could not load its index";
      });
  }

  function options() {
    return list.querySelectorAll("li[role=option]");
  }

  function activate(i) {
    var all = options();
    if (!all.length) return;
    i = (i + all.length) % all.length;
    if (state.active >= 0 && all[state.active]) {
      all[state.active].classList.remove("bf-sr--active");
      all[state.active].setAttribute("aria-selected", "false");
    }
    state.active = i;
    all[i].classList.add("bf-sr--active");
    all[i].setAttribute("aria-selected", "true");
    input.setAttribute("aria-activedescendant", all[i].id);
    all[i].scrollIntoView({ block: "nearest" });
  }

  var timer = 0;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(run, 80);
  });
  input.addEventListener("focus", function () {
    open(true);
  });
  input.addEventListener("keydown", function (ev) {
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      ev.preventDefault();
      activate(state.active + (ev.key === "ArrowDown" ? 1 : state.active < 0 ? 0 : -1));
    } else if (ev.key === "Enter") {
      ev.preventDefault();
      var all = options();
      var pick = all[state.active >= 0 ? state.active : 0];
      if (pick) window.location.href = pick.querySelector("a").href;
    } else if (ev.key === "Escape") {
      ev.preventDefault();
      open(false);
      input.blur();
    }
  });
  box.querySelector("form").addEventListener("submit", function (ev) {
    ev.preventDefault();
  });
  box.querySelector("form").addEventListener("reset", function () {
    turn++;
    list.textContent = "";
    meta.textContent = "Type a name, a place or a word of a headline";
    input.setAttribute("aria-expanded", "false");
    setTimeout(function () {
      input.focus();
    });
  });
  if (toggle) {
    toggle.addEventListener("change", function () {
      if (!toggle.checked) return;
      if (dialog) {
        toggle.checked = false;
        open(true);
      }
      input.focus();
    });
  }
  if (dialog) {
    document.querySelectorAll("[data-bf-search-open]").forEach(function (button) {
      button.addEventListener("click", function () {
        open(true);
        input.focus();
      });
    });
    // A click on the backdrop (outside the dialog's box) closes it.
    dialog.addEventListener("click", function (ev) {
      if (ev.target === dialog) open(false);
    });
  }
  // "/", "s" or Ctrl+K anywhere else on the page goes to the search box, as in Material.
  document.addEventListener("keydown", function (ev) {
    var t = ev.target;
    var ctrlK = (ev.ctrlKey || ev.metaKey) && ev.key === "k";
    if (!ctrlK && (ev.ctrlKey || ev.metaKey || ev.altKey)) return;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    if (ctrlK || ev.key === "/" || ev.key === "s") {
      ev.preventDefault();
      open(true);
      input.focus();
    }
  });
})();
