"""Download handler that sends every request to the offline mirror when one is set.

With `CTD_MIRROR` unset it is plain Scrapy HTTP. With `CTD_MIRROR` set to a mirror URL
(`http://127.0.0.1:8800`) or to a folder of saved sites (then a mirror is started on a
free loopback port), `https://host/path?q` is fetched as `<mirror>/host/path?q` and the
response carries the real URL again, so everything above the handler (middlewares,
spider, pipelines, archive) sees the real site.
"""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import urlsplit

from scrapy import Request
from scrapy.core.downloader.handlers.base import BaseDownloadHandler
from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler
from scrapy.http import Response

from ctd_crawler.crawl.mirror import MirrorServer

logger = logging.getLogger(__name__)


class MirrorAddon:
    """With CTD_MIRROR set, the crawl drops its delays (the mirror is a local server, not a
    site to be polite to) whether it runs through `ctd-archive` or `scrapy crawl`; robots.txt
    and the concurrency limits stay. A delay given on the command line still wins."""

    SETTINGS = {"DOWNLOAD_DELAY": 0, "DOWNLOAD_DELAY_JITTER": 0, "AUTOTHROTTLE_ENABLED": False}

    def update_settings(self, settings) -> None:
        if (settings.get("CTD_MIRROR") or "").strip():
            for name, value in self.SETTINGS.items():
                settings.set(name, value, priority="spider")  # over the project's, under -s


class MirrorDownloadHandler(BaseDownloadHandler):
    lazy = False

    def __init__(self, crawler):
        super().__init__(crawler)
        self._http = HTTP11DownloadHandler.from_crawler(crawler)
        self._crawler = crawler
        target = (crawler.settings.get("CTD_MIRROR") or "").strip()
        if target and not target.startswith(("http://", "https://")):
            target = _shared_server(crawler, Path(target)).url
        self.mirror = target.rstrip("/") or None

    async def download_request(self, request: Request) -> Response:
        if not self.mirror:
            return await self._http.download_request(request)
        parts = urlsplit(request.url)
        local = f"{self.mirror}/{parts.hostname}{parts.path or '/'}" + (f"?{parts.query}" if parts.query else "")
        response = await self._http.download_request(request.replace(url=local))
        return response.replace(url=request.url, request=request)

    async def close(self) -> None:
        await self._http.close()
        _release_server(self._crawler)


# One mirror server per crawl, shared by the http and https handlers (Scrapy builds one
# handler per scheme), stopped when the last of them closes.
def _shared_server(crawler, root: Path) -> MirrorServer:
    server, users = getattr(crawler, "_ctd_mirror", (None, 0))
    if server is None:
        server = MirrorServer(root).start()
        logger.info("offline mirror of %s serving at %s", root.name or root, server.url)
    crawler._ctd_mirror = (server, users + 1)
    return server


def _release_server(crawler) -> None:
    server, users = getattr(crawler, "_ctd_mirror", (None, 0))
    if server is None:
        return
    if users <= 1:
        server.stop()
        crawler._ctd_mirror = (None, 0)
    else:
        crawler._ctd_mirror = (server, users - 1)
