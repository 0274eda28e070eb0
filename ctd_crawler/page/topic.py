"""Whether a page's story is on a site's topic: a general paper contributes its Red Cross
stories and nothing else (sites.toml `topic`).

A story is on topic when a cue of the topic (extract/data/topics/<topic>.txt) stands in its
headline or its lead (the first paragraph): where a paper says what a story is about. A
cue deep in the body ("... with the help of the Red Cross") does not make a story about
it, and neither do its tags: the tag page is where a paper's stories are found, and a
story tagged by mistake carries the tag too. `slug_on_topic` asks the same of a URL's words, for links a paper's home page or
sitemap gives before any page is fetched.
"""

from __future__ import annotations

import re
from functools import cache
from urllib.parse import unquote, urlsplit

from ctd_crawler.extract.lexicon import data_lines
from ctd_crawler.extract.text import fold


@cache
def _cues(topic: str) -> re.Pattern:
    words = sorted({fold(line) for line in data_lines(f"topics/{topic}.txt")}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)")


def on_topic(topic: str, title: str | None, body: str) -> bool:
    lead = body.split("\n\n", 1)[0]
    return any(_cues(topic).search(fold(text)) for text in (title or "", lead) if text)


def slug_on_topic(topic: str, url: str) -> bool:
    """The URL's words carry a cue ("/hoi-chu-thap-do-tinh-trao-qua-post12.html")."""
    words = re.sub(r"[-_/.]+", " ", unquote(urlsplit(url).path))
    return bool(_cues(topic).search(fold(words)))
