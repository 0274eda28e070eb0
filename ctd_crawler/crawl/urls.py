"""URL canonicalisation: one URL per page, so no page is fetched or archived twice."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Tracking and session parameters that never change what a page shows.
TRACKING = {"fbclid", "gclid", "zarsrc", "zalo", "sid", "sessionid", "phpsessid", "ref", "share", "amp"}
TRACKING_PREFIXES = ("utm_", "_ga", "mc_")


def canonical_url(url: str, scheme: str = "https") -> str:
    """Lowercase host without www, one scheme, no fragment, no default port, no tracking
    parameters, query parameters in a stable order."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().removeprefix("www.")
    if parts.port and parts.port not in (80, 443):
        host += f":{parts.port}"
    query = [
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if k.lower() not in TRACKING and not k.lower().startswith(TRACKING_PREFIXES)
    ]
    path = parts.path or "/"
    return urlunsplit((scheme, host, path, urlencode(sorted(query)), ""))
