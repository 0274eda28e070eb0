"""The registry of real sites (ctd_crawler/sites.toml): data, not code.

Adding a site on a known CMS family is one `[[site]]` entry (plus its saved pages in
fixtures/sites/<host>/ for the offline mirror). A registry with a mistake stops at once,
with one line naming the file, the entry and the field (`RegistryError`).
"""

from __future__ import annotations

import json
import os
import re
import tomllib
from dataclasses import dataclass, field, fields
from functools import cache, cached_property
from pathlib import Path
from urllib.parse import urlsplit

REGISTRY = Path(__file__).with_name("sites.toml")
REQUIRED = ("id", "name", "base_url")
LANGS = ("vi", "en")
AUTO_FAMILY = "auto"  # the archive's family of a site whose pages have not shown theirs yet
TOPICS = ("red-cross",)  # a general paper: only its stories on this topic are kept
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class RegistryError(ValueError):
    """The registry file is malformed, or a site id is unknown."""


@dataclass(frozen=True)
class Site:
    id: str
    name: str
    base_url: str
    family: str | None = None  # None: recognised from its pages
    start_urls: tuple[str, ...] = ()
    province: str | None = None  # before 1 July 2025
    province_2025: str | None = None
    evidence: str | None = field(default=None, compare=False)  # one URL (or URL shape) seen
    topic: str | None = None
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
        return self.owns_host(bare_host(url))

    def owns_host(self, host: str) -> bool:
        """Whether a bare host (`bare_host`) is this site's or one of its subdomains."""
        return any(host == d or host.endswith("." + d) for d in self._domains)

    @cached_property
    def _domains(self) -> tuple[str, ...]:
        return self.allowed_domains or (self.host,)


_LISTS = {f.name for f in fields(Site) if "tuple" in str(f.type)}
_URL_LISTS = ("start_urls", "sitemaps", "feeds")


def bare_host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower().removeprefix("www.")


def _site(entry: object, where: str) -> Site:
    """One registry entry checked field by field (the first mistake is the message)."""
    if not isinstance(entry, dict):
        raise RegistryError(f"{where}: an entry must be a table of fields ([[site]])")
    known = {f.name for f in fields(Site)}
    for key, value in entry.items():
        if key not in known:
            raise RegistryError(f"{where}: unknown field {key!r} (fields: {', '.join(sorted(known))})")
        if key in _LISTS:
            if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
                raise RegistryError(f"{where}: {key} must be a list of strings, e.g. {key} = [\"https://...\"]")
        elif not isinstance(value, str):
            raise RegistryError(f"{where}: {key} must be a string")
    missing = [k for k in REQUIRED if not entry.get(k)]
    if missing:
        raise RegistryError(f"{where}: lacks {', '.join(missing)}")
    if not _ID.match(entry["id"]):
        raise RegistryError(f"{where}: id {entry['id']!r} must be lowercase letters, digits and dashes")
    if urlsplit(entry["base_url"]).scheme not in ("http", "https") or not bare_host(entry["base_url"]):
        raise RegistryError(f"{where}: base_url {entry['base_url']!r} is not an http(s) address")
    from ctd_crawler.page.layouts import FAMILIES, GENERIC

    if "family" in entry and entry["family"] not in (*FAMILIES, GENERIC):
        raise RegistryError(f"{where}: unknown family {entry['family']!r} (known: {', '.join((*FAMILIES, GENERIC))})")
    if "topic" in entry and entry["topic"] not in TOPICS:
        raise RegistryError(f"{where}: unknown topic {entry['topic']!r} (known: {', '.join(TOPICS)})")
    if entry.get("lang", "vi") not in LANGS:
        raise RegistryError(f"{where}: lang must be one of {', '.join(LANGS)}")
    for key in ("article_url", "listing_url"):
        if entry.get(key):
            try:
                re.compile(entry[key])
            except re.error as exc:
                raise RegistryError(f"{where}: {key} is not a valid regex ({exc})") from None
    site = Site(**{k: tuple(v) if k in _LISTS else v for k, v in entry.items()})
    for key in _URL_LISTS:
        for url in getattr(site, key):
            if not site.owns(url):
                raise RegistryError(f"{where}: {key} has {url!r}, which is not on the site ({site.host})")
    return site


@cache
def load_sites(path: Path = REGISTRY) -> tuple[Site, ...]:
    try:
        data = tomllib.loads(Path(path).read_text("utf-8"))
    except OSError as exc:
        raise RegistryError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise RegistryError(f"{path}: not valid TOML ({exc})") from None
    entries = data.get("site", [])
    if not isinstance(entries, list):
        raise RegistryError(f"{path}: `site` must be a list of [[site]] tables")
    sites: list[Site] = []
    for n, entry in enumerate(entries, 1):
        where = f"{path}: site #{n} ({entry.get('id', '?') if isinstance(entry, dict) else '?'})"
        site = _site(entry, where)
        if any(s.id == site.id for s in sites):
            raise RegistryError(f"{where}: duplicate id {site.id!r}")
        sites.append(site)
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
    host = bare_host(url)  # once, not once per site
    return next((s for s in sites or load_sites() if s.owns_host(host)), None)


# TLD labels that say nothing of the site: dropped from an id made from the host.
_TLD_LABELS = {"vn", "com", "org", "net", "gov", "edu", "info", "www"}


def id_for(base_url: str) -> str:
    """An id made from the address: chuthapdo.vinhphuc.gov.vn -> chuthapdo-vinhphuc."""
    labels = [label for label in bare_host(base_url).split(".") if label not in _TLD_LABELS]
    return re.sub(r"[^a-z0-9-]+", "-", "-".join(labels) or bare_host(base_url)).strip("-")


def entry_toml(fields: dict[str, str | list[str]]) -> str:
    """One [[site]] table (JSON strings and arrays of strings are TOML's too)."""
    return "[[site]]\n" + "".join(f"{key} = {json.dumps(value, ensure_ascii=False)}\n" for key, value in fields.items())


def add_site(path: Path, fields: dict[str, str]) -> Site:
    """Append an entry to a registry file, checked as every entry is; the file is replaced
    only once the whole new registry reads (a temporary file beside it, then a rename)."""
    path = Path(path)
    text = path.read_text("utf-8") if path.exists() else ""
    site = _site(fields, f"{path}: the new entry ({fields.get('id', '?')})")
    for other in load_sites(path) if text.strip() else ():
        if other.id == site.id:
            raise RegistryError(f"{path}: a site with id {site.id!r} is there already ({other.base_url}); give --id")
        if other.owns(site.base_url) or site.owns(other.base_url):
            raise RegistryError(f"{path}: {site.host} is there already, as {other.id!r}")
    tmp = path.with_name(f".{path.name}.part")
    tmp.write_text(text.rstrip("\n") + ("\n\n" if text.strip() else "") + entry_toml(fields), "utf-8")
    try:
        load_sites.cache_clear()
        load_sites(tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
        load_sites.cache_clear()
    return site
