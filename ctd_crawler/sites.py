"""The registry of real sites (ctd_crawler/sites.toml): data, not code.

Adding a site on a known CMS family is one `[[site]]` entry (plus its saved pages in
fixtures/sites/<host>/ for the offline mirror).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

REGISTRY = Path(__file__).with_name("sites.toml")
REQUIRED = ("id", "name", "base_url", "family", "start_urls")


class RegistryError(ValueError):
    """The registry file is malformed, or a site id is unknown."""


@dataclass(frozen=True)
class Site:
    id: str
    name: str
    base_url: str
    family: str
    start_urls: tuple[str, ...]
    province: str | None = None
    lang: str = "vi"
    allowed_domains: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    feeds: tuple[str, ...] = ()
    article_url: str | None = None
    listing_url: str | None = None
    notes: str | None = field(default=None, compare=False)

    @property
    def host(self) -> str:
        return bare_host(self.base_url)

    def owns(self, url: str) -> bool:
        """Whether a URL is on this site (www and http/https variants included)."""
        host = bare_host(url)
        return any(host == d or host.endswith("." + d) for d in self.allowed_domains or (self.host,))


def bare_host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower().removeprefix("www.")


@cache
def load_sites(path: Path = REGISTRY) -> tuple[Site, ...]:
    data = tomllib.loads(Path(path).read_text("utf-8"))
    sites = []
    for n, entry in enumerate(data.get("site", []), 1):
        missing = [k for k in REQUIRED if not entry.get(k)]
        if missing:
            raise RegistryError(f"{path}: site #{n} ({entry.get('id', '?')}) lacks {', '.join(missing)}")
        tuples = {k: tuple(v) for k, v in entry.items() if isinstance(v, list)}
        try:
            site = Site(**{**entry, **tuples})
        except TypeError as exc:
            raise RegistryError(f"{path}: site {entry['id']}: {exc}") from None
        sites.append(site)
    ids = [s.id for s in sites]
    if len(set(ids)) != len(ids):
        raise RegistryError(f"{path}: duplicate site ids in {ids}")
    return tuple(sites)


def select_sites(ids: str | None, path: Path = REGISTRY) -> tuple[Site, ...]:
    """Sites named in a comma-separated list (all when None or empty)."""
    sites = load_sites(path)
    if not ids:
        return sites
    wanted = [i.strip() for i in ids.split(",") if i.strip()]
    by_id = {s.id: s for s in sites}
    unknown = [i for i in wanted if i not in by_id]
    if unknown:
        raise RegistryError(f"unknown site id(s): {', '.join(unknown)}; known ids: {', '.join(by_id)}")
    return tuple(by_id[i] for i in wanted)


def site_for_url(url: str, sites: tuple[Site, ...] | None = None) -> Site | None:
    return next((s for s in sites or load_sites() if s.owns(url)), None)
