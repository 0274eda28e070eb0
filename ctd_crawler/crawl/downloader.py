"""Download handler that sends every request to the offline mirror when one is set.

With `CTD_MIRROR` unset it is plain Scrapy HTTP. With `CTD_MIRROR` set to a mirror URL
(`http://127.0.0.1:8800`) or to a folder of saved sites (then a mirror is started on a
free loopback port), `https://host/path?q` is fetched as `<mirror>/host/path?q` and the
response carries the real URL again, so everything above the handler (middlewares,
spider, pipelines, archive) sees the real site.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from urllib.parse import urlsplit

from scrapy import Request
from scrapy.core.downloader.handlers.base import BaseDownloadHandler
from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler
from scrapy.http import Response

from ctd_crawler.crawl.mirror import MirrorServer

logger = logging.getLogger(__name__)


class MirrorDownloadHandler(BaseDownloadHandler):
    lazy = False

    def __init__(self, crawler):
        super().__init__(crawler)
        self._http = HTTP11DownloadHandler.from_crawler(crawler)
        self._server: MirrorServer | None = None
        target = (crawler.settings.get("CTD_MIRROR") or "").strip()
        if target and not target.startswith(("http://", "https://")):
            self._server = MirrorServer(Path(target))
            threading.Thread(target=self._server.serve_forever, daemon=True).start()
            logger.info("offline mirror of %s serving at %s", Path(target).name or target, self._server.url)
            target = self._server.url
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
        if self._server:
            self._server.shutdown()
            self._server.server_close()
