"""The briefings list, the home page's parts (latest briefings, the publishing policy) and the
feed."""

from __future__ import annotations

from .context import SiteContext
from .feed import atom_feed

LATEST_COUNT = 10


def pages(ctx: SiteContext) -> dict[str, str]:
    env, records, held_back, site = ctx.env, ctx.records, ctx.held_back, ctx.site
    return {
        "briefings/index.md": env.get_template("index.md.j2").render(
            items=records, held_back=held_back
        ),
        "briefings/.latest.md": env.get_template("latest.md.j2").render(
            items=records[:LATEST_COUNT], total=len(records), held_back=held_back
        ),
        "briefings/.policy.md": env.get_template("policy.md.j2").render(
            publish_drafts=site.publish_drafts,
            drafts=sum(1 for r in records if r["status"] != "reviewed"),
        ),
        "feed.xml": atom_feed(
            [
                r
                if r["status"] == "reviewed"
                else {**r, "title": f"Draft, not yet checked: {r['title']}"}
                for r in records
            ],
            site.site_name,
            site.site_url,
        ),
    }
