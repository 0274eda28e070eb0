"""What went wrong with a request, as the stats key it is counted under (`ctd/<key>`),
and pages that arrive with 200 but say the page does not exist."""

from __future__ import annotations

import re

from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadFailedError,
    DownloadTimeoutError,
    IgnoreRequest,
    ResponseDataLossError,
)
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet.error import (
    ConnectionDone,
    ConnectionLost,
    DNSLookupError,
    TCPTimedOutError,
    TimeoutError,
)
from twisted.web._newclient import ResponseFailed

from ctd_crawler.extract.text import fold

# Failures that say nothing about the site being incompletely crawled.
PERMANENT_STATUS = {404, 410}
# A 200 page that says the page does not exist (soft 404), folded. Matched in the title,
# or in a body too short to be an article.
_ERROR_PAGE = re.compile(r"trang (ban (yeu cau|tim) )?khong ton tai|khong tim thay (trang|bai viet|noi dung)|"
                         r"(bai viet|noi dung|tin) (nay )?khong ton tai|page not found|\b404\b.{0,20}not found|"
                         r"(loi|error) 404|da bi xoa hoac khong ton tai")
_ERROR_PAGE_MAX_BODY = 400


def failure_key(failure) -> str:
    """The stats key of a failed request: http_error/404, timeout, too_large, robots_forbidden..."""
    if failure.check(HttpError):
        return f"http_error/{failure.value.response.status}"
    if failure.check(DownloadTimeoutError, TimeoutError, TCPTimedOutError):
        return "timeout"
    if failure.check(DNSLookupError, CannotResolveHostError):
        return "dns_error"
    if failure.check(DownloadCancelledError):
        return "too_large" if "size" in failure.getErrorMessage() else "download_error"
    if failure.check(IgnoreRequest):
        message = failure.getErrorMessage()
        if "robots.txt" in message:
            return "robots_forbidden"
        if "DOWNLOAD_MAXSIZE" in message or "max size" in message:
            return "too_large"
        if "redirect" in message.lower():
            return "redirect_limit"
        return "ignored"
    if failure.check(ResponseDataLossError, ResponseFailed, ConnectionLost, ConnectionDone, DownloadFailedError):
        return "connection_lost"
    return "download_error"


def is_transient(failure, key: str) -> bool:
    """Whether a failure may have hidden articles (so the site's crawl is incomplete)."""
    permanent = failure.check(HttpError) and failure.value.response.status in PERMANENT_STATUS
    return not (permanent or key == "robots_forbidden")


def looks_like_error_page(title: str | None, body: str | None) -> bool:
    """A page served with 200 that says the page does not exist (a "soft 404")."""
    if title and _ERROR_PAGE.search(fold(title)):
        return True
    body = (body or "").strip()
    return len(body) < _ERROR_PAGE_MAX_BODY and bool(_ERROR_PAGE.search(fold(body)))
