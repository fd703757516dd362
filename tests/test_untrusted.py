"""Untrusted text stays text: payloads in seeds and in every record field, built with both
engines and opened in Chromium, never run a script, load anything or become a live link."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.records import dump_record
from generator.seeds import sha256_bytes

from .browser import chromium, page_urls, require_browser, serve
from .sitebuild import build, make_repo

PAYLOADS = [
    "<script>window.__xss=1;alert(1)</script>",
    '<img src=x onerror="window.__xss=1;alert(2)">',
    "<svg onload=window.__xss=1>",
    '<a href="javascript:window.__xss=1">click</a>',
    "[click me](javascript:window.__xss=1)",
    "![pixel](https://evil.example/pixel.png)",
    "[phish](https://evil.example/phish)",
    "<https://evil.example/autolink>",
    '<iframe src="javascript:window.__xss=1"></iframe>',
    '" onmouseover="window.__xss=1" x="',
    "' onfocus='window.__xss=1' autofocus '",
    '{: onclick="window.__xss=1" }',
    "<style>body{display:none}</style>",
    "</title><script>window.__xss=1</script>",
    "{{ 7*7 }} {% raw %} ${7*7}",
    '--8<-- "mkdocs.yml"',
    "```mermaid graph TD; A-->B ```",
    "<!-- hidden --> &lt;script&gt;window.__xss=1&lt;/script&gt;",
    "javascript:window.__xss=1",
    "<details open ontoggle=window.__xss=1>",
]
LINE = " ".join(PAYLOADS)


def payload_repo(root: Path) -> Path:
    make_repo(root)
    seeds = {
        "2024-01-01-payloads.txt": (
            "Payloads in plain text\n\n"
            + "\n\n".join(PAYLOADS)
            + "\n\nOfficials said on Monday that nothing ran.\n"
        ),
        "2024-01-02-payloads.md": (
            "---\ntitle: '<script>window.__xss=1</script>'\n---\n"
            "# Markdown payloads\n\n" + "\n\n".join(PAYLOADS) + "\n"
        ),
        "2024-01-03-payloads.html": (
            "<html><head><title>&lt;script&gt;window.__xss=1"
            "&lt;/script&gt;</title><script>window.__xss=1</script>"
            "</head><body><h1>HTML payloads</h1><p>&lt;img src=x "
            'onerror=window.__xss=1&gt;</p><p onclick="window.__xss=1">'
            "[x](javascript:window.__xss=1) {{ 7*7 }}</p></body></html>"
        ),
    }
    for i, (name, text) in enumerate(seeds.items()):
        data = text.encode("utf-8")
        (root / "seeds" / name).write_bytes(data)
        from generator.seeds import read_seed

        seed_text = read_seed(root / "seeds" / name, root).text
        quote = (
            next(p for p in PAYLOADS if " ".join(p.split()) in " ".join(seed_text.split()))
            if i < 2
            else "[x](javascript:window.__xss=1) {{ 7*7 }}"
        )
        rid = name.rsplit(".", 1)[0]
        record = {
            "id": rid,
            "title": f"{PAYLOADS[i]} title {PAYLOADS[-1 - i]}",
            "date": f"2024-01-0{i + 1}",
            "seed": {"path": f"seeds/{name}", "sha256": sha256_bytes(data)},
            "status": "draft",
            "tags": [PAYLOADS[0], PAYLOADS[4], f"tag {i}"],
            "summary": LINE,
            "actors": [
                {
                    "name": p,
                    "type": "other",
                    "role": p,
                    "aliases": [p, PAYLOADS[0]],
                    "evidence": quote,
                }
                for p in PAYLOADS
            ],
            "timeline": [
                {"date": "2024-01", "event": p, "status": "occurred", "evidence": quote}
                for p in PAYLOADS[:5]
            ],
            "source_chain": [{"name": p, "role": "primary", "evidence": quote} for p in PAYLOADS]
            + [
                {
                    "name": PAYLOADS[1],
                    "role": "original",
                    "date": "2023-12-31",
                    "authors": PAYLOADS[:3],
                    "url": "javascript:window.__xss=1",
                    "title": PAYLOADS[13],
                    "evidence": quote,
                },
                {
                    "name": PAYLOADS[5],
                    "role": "republisher",
                    "url": PAYLOADS[6],
                    "title": PAYLOADS[15],
                },
            ],
        }
        (root / "briefings" / f"{rid}.yaml").write_text(dump_record(record), "utf-8")
    return root


@pytest.fixture(scope="module", params=["mkdocs", "zensical"])
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    require_browser()
    root = payload_repo(tmp_path_factory.mktemp(f"xss-{request.param}") / "repo")
    return build(root, request.param)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with chromium() as b:
        yield b


LIVE = """() => {
  const bad = [];
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) {
      const v = a.value.toLowerCase();
      if (a.name.startsWith('on') && v.includes('__xss')) bad.push('handler ' + a.name);
      if (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(a.name)
          && (v.trim().startsWith('javascript:') || v.includes('evil.example')))
        bad.push(a.name + '=' + a.value);
    }
  }
  for (const sel of ['iframe', 'object', 'embed', '.mermaid', 'script:not([src])']) {
    for (const el of document.querySelectorAll(sel)) {
      if (sel !== 'script:not([src])' || el.textContent.includes('__xss')) bad.push(sel);
    }
  }
  if (window.__xss) bad.push('marker set');
  return bad;
}"""


def test_no_payload_becomes_live_on_any_page(site: Path, browser) -> None:
    problems: list[str] = []
    with serve(site) as base:
        context = browser.new_context()
        page = context.new_page()
        current = {"url": ""}

        def on_dialog(dialog) -> None:
            problems.append(f"{current['url']}: dialog {dialog.message!r}")
            dialog.dismiss()

        page.on("dialog", on_dialog)
        page.on(
            "request",
            lambda r: (
                problems.append(f"{current['url']}: request {r.url}")
                if "evil.example" in r.url or r.url.startswith("javascript:")
                else None
            ),
        )
        urls = page_urls(site, base)
        for url in urls:
            current["url"] = url
            page.goto(url, wait_until="load")
            problems += [f"{url}: {p}" for p in page.evaluate(LIVE)]
            for handle in page.query_selector_all("[onmouseover], [onfocus], details"):
                handle.dispatch_event("mouseover")
            if page.evaluate("window.__xss"):
                problems.append(f"{url}: marker set after events")
            if not page.locator("body").is_visible():
                problems.append(f"{url}: an injected style hid the page")
        context.close()
    briefing = (site / "briefings" / "2024-01-01-payloads" / "index.html").read_text("utf-8")
    assert "site_name:" not in briefing, "a snippet marker included a file"
    assert problems == []


def test_payloads_are_shown_as_text(site: Path, browser) -> None:
    with serve(site) as base:
        page = browser.new_page()
        page.goto(f"{base}briefings/2024-01-01-payloads/")
        text = page.locator("article").inner_text()
        for payload in [
            "<script>window.__xss=1;alert(1)</script>",
            "{{ 7*7 }}",
            "[click me](javascript:window.__xss=1)",
            '--8<-- "mkdocs.yml"',
        ]:
            assert payload in text
        page.close()
