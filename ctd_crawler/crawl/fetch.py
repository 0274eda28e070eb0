"""One page fetched outside a crawl (`ctd-archive extract URL`, `sites check`), with the
crawl's own limits: a size cap (DOWNLOAD_MAXSIZE), a timeout per read and a deadline for
the whole response (DOWNLOAD_TIMEOUT), compressed bodies inflated within the same cap (a
decompression bomb is refused, not expanded), the project's user agent.

Error policy: raises FetchError with a message for the user; never returns a partial body.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.request
import zlib
from dataclasses import dataclass
from urllib.parse import urlsplit

from ctd_crawler import settings

_CHUNK = 64 * 1024


class FetchError(OSError):
    """The page could not be fetched within the limits; the message says why."""


class BadAddress(ValueError):
    """Not an address that can be fetched ("http://[::1", "ftp://…")."""


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    status: int
    body: bytes
    content_type: str | None


def fetch(url: str, *, max_bytes: int | None = None, timeout: float | None = None) -> Fetched:
    """GET `url` within the limits (default: the crawl's settings)."""
    max_bytes = settings.DOWNLOAD_MAXSIZE if max_bytes is None else max_bytes
    timeout = settings.DOWNLOAD_TIMEOUT if timeout is None else timeout
    deadline = time.monotonic() + timeout
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError as exc:  # urlsplit's own: "Invalid IPv6 URL"
        raise BadAddress(f"{url!r} is not an http(s) address ({exc})") from None
    if parts.scheme not in ("http", "https") or not host:
        raise BadAddress(f"{url!r} is not an http(s) address")
    try:
        request = urllib.request.Request(url, headers={"User-Agent": settings.USER_AGENT,
                                                       "Accept-Encoding": "gzip, deflate"})
        with urllib.request.urlopen(request, timeout=timeout) as response:
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise FetchError(f"{url}: the page is {int(declared):,} bytes, over the {max_bytes:,}-byte limit")
            body = _read(response, url, max_bytes, deadline, timeout)
            encoding = (response.headers.get("Content-Encoding") or "").strip().lower()
            return Fetched(response.geturl(), response.status, _inflate(body, encoding, url, max_bytes),
                           response.headers.get("Content-Type"))
    except FetchError:
        raise
    except urllib.error.HTTPError as exc:
        raise FetchError(f"{url}: HTTP {exc.code} {exc.reason}") from None
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        raise FetchError(f"cannot fetch {url}: {reason}") from None


def _read(response, url: str, max_bytes: int, deadline: float, timeout: float) -> bytes:
    chunks, size = [], 0
    while chunk := response.read1(_CHUNK):
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"{url}: the page is over the {max_bytes:,}-byte limit")
        if time.monotonic() > deadline:
            raise FetchError(f"{url}: the page did not arrive whole within {timeout:g} s")
        chunks.append(chunk)
    return b"".join(chunks)


def _inflate(body: bytes, encoding: str, url: str, max_bytes: int) -> bytes:
    if encoding in ("", "identity"):
        return body
    if encoding not in ("gzip", "x-gzip", "deflate"):
        raise FetchError(f"{url}: unsupported Content-Encoding {encoding!r}")
    inflater = zlib.decompressobj(zlib.MAX_WBITS | 32 if encoding != "deflate" else zlib.MAX_WBITS)
    try:
        out = inflater.decompress(body, max_bytes + 1)
    except zlib.error as exc:
        raise FetchError(f"{url}: a broken {encoding} body ({exc})") from None
    if len(out) > max_bytes or inflater.unconsumed_tail:
        raise FetchError(f"{url}: the page inflates to over the {max_bytes:,}-byte limit (refused)")
    if not inflater.eof:
        raise FetchError(f"{url}: a broken {encoding} body (it ends before its stream does)")
    return out
