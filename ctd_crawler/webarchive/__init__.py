"""Web archives: pages from the Wayback Machine, Common Crawl and WARC files, and WARC out.

    services    one polite HTTP client per archive service (rate limit, retries with back-off)
    cdx         the capture indexes: Wayback CDX (paged by resume key), Common Crawl's per-crawl index
    fetch       one capture's bytes: Wayback `id_` replay, a Common Crawl record by HTTP Range
    records     a WARC record -> the archived HTTP response, or why it cannot be used
    ingest      an archived response -> the same page model and pipelines -> the one writer
    routing     which URLs of a site are articles (the one call of the site's routing)
    backfill    list, select, fetch and ingest the captures of one site
    warc_write  WARC 1.1 records and rotated files (export, the crawl's recorder)
    export      stored raw pages -> a WARC file
    importer    WARC files -> the archive
    scrapy_warc the crawl's downloader middleware that records every response (CTD_WARC_DIR)
    progress    a bar on a terminal, a periodic log line otherwise

Every count is a stats key `ctd/webarchive/<what>`; what a page's pipelines count keeps the
crawl's key (`ctd/missing_date`...). What was read is recorded in the archive's `captures`
table, so nothing is fetched twice.
"""
