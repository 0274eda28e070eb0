"""Scrapy settings: polite defaults for the real sites; CTD_* settings for the project.

Every setting can be overridden with `-s NAME=value` or an environment variable of
the same name (CTD_ARCHIVE, CTD_MIRROR, ...).
"""

import os

BOT_NAME = "ctd_crawler"
SPIDER_MODULES = ["ctd_crawler.crawl.spider"]
NEWSPIDER_MODULE = "ctd_crawler.crawl.spider"

# --- politeness (real sites) -------------------------------------------------
USER_AGENT = "ctd_crawler/0.1 (+https://github.com/ctd-crawler/ctd_crawler; archive of Red Cross news)"
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 8
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 1.0
DOWNLOAD_DELAY_JITTER = 0.5  # ±50% around the delay
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
DOWNLOAD_TIMEOUT = 30.0  # a float, as Scrapy reads it (the settings check goes by the type)
RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [429, 500, 502, 503, 504, 522, 524, 408]
DOWNLOAD_MAXSIZE = 10 * 1024 * 1024  # no news page is bigger; refuses runaway responses
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024
REDIRECT_MAX_TIMES = 5
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False
HTTPERROR_ALLOW_ALL = False
REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
FEED_EXPORT_ENCODING = "utf-8"
# Scrapy re-reads and parses the source of a callback for each request to warn about a
# generator returning a value (its cache is keyed weakly on bound methods, which die at
# once): 0.15 s a demo crawl. Our callbacks return no value (tests/crawl cover them).
WARN_ON_GENERATOR_RETURN_VALUE = False
LOG_LEVEL = os.environ.get("CTD_LOG_LEVEL", "INFO")

# Every request goes through the mirror handler: plain HTTP unless CTD_MIRROR is set.
DOWNLOAD_HANDLERS = {
    "http": "ctd_crawler.crawl.downloader.MirrorDownloadHandler",
    "https": "ctd_crawler.crawl.downloader.MirrorDownloadHandler",
}

DOWNLOADER_MIDDLEWARES = {
    # process_response runs from high to low: see redirects before RedirectMiddleware (600),
    # 429/503 before RetryMiddleware (550) re-queues them
    "ctd_crawler.crawl.middlewares.RedirectLoopMiddleware": 650,
    "ctd_crawler.crawl.middlewares.RetryAfterMiddleware": 560,
    # next to the download handler: the request as sent (all headers set) and the response as
    # received (still content-encoded, before redirects and retries); off unless CTD_WARC_DIR
    "ctd_crawler.webarchive.scrapy_warc.WarcRecorder": 950,
}
EXTENSIONS = {"ctd_crawler.crawl.jobdir.CrashSafeJobdir": 0, "ctd_crawler.crawl.progress.CrawlProgress": 0}
ADDONS = {"ctd_crawler.crawl.downloader.MirrorAddon": 0}  # the offline mirror drops the delays
DUPEFILTER_CLASS = "ctd_crawler.crawl.seen.DiskDupeFilter"  # fingerprints on disk: flat memory

ITEM_PIPELINES = {
    "ctd_crawler.pipelines.text.TextPipeline": 100,
    "ctd_crawler.pipelines.dates.DatesPipeline": 200,
    "ctd_crawler.pipelines.entities.EntitiesPipeline": 300,
    "ctd_crawler.pipelines.validate.ValidationPipeline": 400,
    "ctd_crawler.pipelines.archive.ArchivePipeline": 900,
}

# --- project settings (prefix CTD_) ------------------------------------------
CTD_ARCHIVE = os.environ.get("CTD_ARCHIVE", "archive/ctd.sqlite")
CTD_MIRROR = os.environ.get("CTD_MIRROR", "")  # URL of a running mirror, or a folder of saved sites
CTD_MAX_LISTING_PAGES = int(os.environ.get("CTD_MAX_LISTING_PAGES", "50"))  # per site and run
CTD_SITES = os.environ.get("CTD_SITES", "")  # another registry file; default ctd_crawler/sites.toml
CTD_SAMPLE = 0  # stop once this many articles are read (`ctd-archive sites check`); 0: no limit

# --- incremental crawls (see README, "Scheduled crawls") ----------------------
CTD_REFETCH_DAYS = float(os.environ.get("CTD_REFETCH_DAYS", "7"))  # known articles: not re-requested sooner
CTD_RECHECK_HOURS = float(os.environ.get("CTD_RECHECK_HOURS", "6"))  # listings, sitemaps, feeds: idem
CTD_RETRY_AFTER_MAX = float(os.environ.get("CTD_RETRY_AFTER_MAX", "120"))  # cap on a server's Retry-After
CTD_BACKOFF_SECONDS = float(os.environ.get("CTD_BACKOFF_SECONDS", "1"))  # a 429/503 without Retry-After

# --- end-of-run checks (ctd_crawler/crawl/monitor.py) --------------------------------
CTD_MONITOR_MAX_ERROR_RATE = float(os.environ.get("CTD_MONITOR_MAX_ERROR_RATE", "0.2"))
CTD_MONITOR_MIN_REQUESTS = int(os.environ.get("CTD_MONITOR_MIN_REQUESTS", "20"))
CTD_MONITOR_MIN_SAMPLE = int(os.environ.get("CTD_MONITOR_MIN_SAMPLE", "3"))
CTD_MONITOR_MIN_ARTICLES = int(os.environ.get("CTD_MONITOR_MIN_ARTICLES", "0"))  # 0: off

# --- web archives (ctd_crawler/webarchive/; `ctd-archive backfill`, `import`, WARC out) ----
# A crawl writes every response as WARC 1.1 into this folder when it is set (off when empty).
CTD_WARC_DIR = os.environ.get("CTD_WARC_DIR", "")
CTD_WARC_MAX_BYTES = int(os.environ.get("CTD_WARC_MAX_BYTES", str(1_000_000_000)))  # a file is rotated past this
# The services backfill reads (tests point them at loopback), and the least time between two
# requests to each: the Wayback CDX API allows about 24 a minute, replay more; Common Crawl asks
# for calm clients too.
CTD_WAYBACK_URL = os.environ.get("CTD_WAYBACK_URL", "https://web.archive.org")
CTD_CC_INDEX_URL = os.environ.get("CTD_CC_INDEX_URL", "https://index.commoncrawl.org")
CTD_CC_DATA_URL = os.environ.get("CTD_CC_DATA_URL", "https://data.commoncrawl.org")
CTD_WAYBACK_CDX_INTERVAL = float(os.environ.get("CTD_WAYBACK_CDX_INTERVAL", "2.5"))
CTD_WAYBACK_REPLAY_INTERVAL = float(os.environ.get("CTD_WAYBACK_REPLAY_INTERVAL", "1"))
CTD_CC_INDEX_INTERVAL = float(os.environ.get("CTD_CC_INDEX_INTERVAL", "1"))
CTD_CC_DATA_INTERVAL = float(os.environ.get("CTD_CC_DATA_INTERVAL", "0.5"))
CTD_WEBARCHIVE_RETRIES = int(os.environ.get("CTD_WEBARCHIVE_RETRIES", "4"))  # per request, on 429/5xx/no answer
CTD_WEBARCHIVE_BACKOFF = float(os.environ.get("CTD_WEBARCHIVE_BACKOFF", "2"))  # first wait (s), doubled each retry
CTD_WEBARCHIVE_TIMEOUT = float(os.environ.get("CTD_WEBARCHIVE_TIMEOUT", "30"))
CTD_WAYBACK_PAGE_SIZE = int(os.environ.get("CTD_WAYBACK_PAGE_SIZE", "5000"))  # CDX lines per request
CTD_PROGRESS = True  # progress of long runs (ctd_crawler/crawl/progress.py); --quiet turns it off
CTD_PROGRESS_SECONDS = float(os.environ.get("CTD_PROGRESS_SECONDS", "30"))  # log line period off a terminal
