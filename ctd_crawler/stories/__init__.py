"""Stories: the copies of one event on several sites (or twice on one), grouped so that
their facts are counted once.

* features.py: what an article is compared by (its folded text's word shingles, its
  figures, provinces, language and publication day) and the keys it is found by (MinHash
  LSH band hashes of the shingles, its figures; each with its publication week).
* match.py: the verdict on two articles: copies of one story, related (a follow-up: same
  text, other figures or much later), or neither; thresholds measured in
  benchmarks/bench_stories.py.

The archive side (tables stories, story_keys, story_links; assignment when an article is
saved; `ctd-archive stories rebuild`) is ctd_crawler/store/stories.py.
"""

from ctd_crawler.stories.features import Copy, story_keys
from ctd_crawler.stories.match import Verdict, compare

__all__ = ["Copy", "Verdict", "compare", "story_keys"]
