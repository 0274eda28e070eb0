"""Pure extractors: text or HTML in, dataclasses out. No Scrapy imports here."""
