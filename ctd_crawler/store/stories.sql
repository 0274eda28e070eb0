-- Migration 7: stories (copies of one event on several sites count once) and one figure
-- per value within an article. Append-only like every migration.

-- One row per story: the articles that report the same event (ctd_crawler/stories/).
CREATE TABLE stories (
    id INTEGER PRIMARY KEY,
    first_published TEXT,                -- earliest published_at of its copies
    canonical_article_id INTEGER REFERENCES articles(id),   -- the chapter's copy, else the earliest
    province TEXT,                       -- the canonical copy's articles.province
    articles INTEGER NOT NULL DEFAULT 0  -- how many copies
);
ALTER TABLE articles ADD COLUMN story_id INTEGER REFERENCES stories(id);
CREATE INDEX idx_articles_story ON articles(story_id);
-- What finds an article's copies: LSH band hashes of its text (kind 0) and its figures
-- (kind 1), each under the article's publication week (days since 1970 // 7).
CREATE TABLE story_keys (
    key INTEGER NOT NULL, week INTEGER NOT NULL, article_id INTEGER NOT NULL, kind INTEGER NOT NULL,
    PRIMARY KEY (key, week, article_id)
) WITHOUT ROWID;
CREATE INDEX idx_story_keys_article ON story_keys(article_id);
-- Related stories that are not copies: a follow-up with new totals, the same text much later.
CREATE TABLE story_links (
    story_id INTEGER NOT NULL REFERENCES stories(id),          -- the lower story id of the two
    related_story_id INTEGER NOT NULL REFERENCES stories(id),
    reason TEXT, similarity REAL,
    PRIMARY KEY (story_id, related_story_id)
);
CREATE INDEX idx_story_links_related ON story_links(related_story_id);
-- An older archive: one story per article until `ctd-archive stories rebuild` groups them.
INSERT INTO stories (id, first_published, canonical_article_id, province, articles)
SELECT id, published_at, id, province, 1 FROM articles;
UPDATE articles SET story_id = id;

-- National articles are counted under 'national' (extract/attribution.py).
DROP VIEW v_article_province;
CREATE VIEW v_article_province AS
SELECT a.id AS article_id, a.province,
       CASE WHEN s.province IS NOT NULL THEN 'site' WHEN a.province = 'national' THEN 'national'
            WHEN a.province IS NOT NULL THEN 'places' END AS province_source
FROM articles a LEFT JOIN sites s ON s.id = a.site;

-- Money, one row per value within an article: an amount in the headline and again in the
-- body is one figure. The row's text and context are those of its first mention.
CREATE VIEW v_article_money AS
SELECT m.article_id, a.story_id, m.currency, m.amount_vnd, m.amount_vnd_max, m.amount, m.per_unit,
       MIN(m.id) AS money_id, m.qualifier, m.per, m.context, m.text, COUNT(*) AS mentions
FROM money m JOIN articles a ON a.id = m.article_id
GROUP BY m.article_id, m.currency, COALESCE(m.amount_vnd, m.amount), m.amount_vnd_max, m.per_unit;

-- Money, one row per value within a story, whichever copies report it.
CREATE VIEW v_story_money AS
SELECT a.story_id, m.currency, m.amount_vnd, m.amount_vnd_max, m.amount, m.per_unit,
       MIN(m.id) AS money_id, m.article_id, m.qualifier, m.per, m.context, m.text,
       COUNT(DISTINCT m.article_id) AS copies
FROM money m JOIN articles a ON a.id = m.article_id
GROUP BY a.story_id, m.currency, COALESCE(m.amount_vnd, m.amount), m.amount_vnd_max, m.per_unit;

-- Counts, one row per value and unit within a story.
CREATE VIEW v_story_counts AS
SELECT a.story_id, c.value, c.unit, MIN(c.id) AS count_id, c.article_id, c.qualifier, c.text,
       COUNT(DISTINCT c.article_id) AS copies
FROM counts c JOIN articles a ON a.id = c.article_id
GROUP BY a.story_id, c.value, c.unit;

-- People and places of a story: the union of its copies'.
CREATE VIEW v_story_people AS
SELECT a.story_id, pm.person_id, MIN(pm.id) AS mention_id, pm.title, COUNT(DISTINCT pm.article_id) AS copies
FROM person_mentions pm JOIN articles a ON a.id = pm.article_id
GROUP BY a.story_id, pm.person_id;

CREATE VIEW v_story_places AS
SELECT a.story_id, pm.place_id, MIN(pm.id) AS mention_id, pm.text, COUNT(DISTINCT pm.article_id) AS copies
FROM place_mentions pm JOIN articles a ON a.id = pm.article_id
GROUP BY a.story_id, pm.place_id;

-- Stories with their canonical copy and where their copies appeared.
CREATE VIEW v_stories AS
SELECT st.id AS story_id, st.first_published, substr(st.first_published, 1, 7) AS month, st.province,
       st.articles AS copies, ca.site AS canonical_site, ca.url AS canonical_url, ca.title,
       (SELECT group_concat(site, ', ') FROM (SELECT DISTINCT x.site FROM articles x
            WHERE x.story_id = st.id ORDER BY x.site)) AS sites,
       (SELECT group_concat(lang, ', ') FROM (SELECT DISTINCT x.lang FROM articles x
            WHERE x.story_id = st.id ORDER BY x.lang)) AS languages
FROM stories st LEFT JOIN articles ca ON ca.id = st.canonical_article_id;

-- Money per province and month, per story: each story once, under its province and the
-- month of its first publication; each figure once per story.
DROP VIEW v_money_by_province_month;
CREATE VIEW v_money_by_province_month AS
WITH per_story AS (
    SELECT sm.story_id, COUNT(*) AS figures, SUM(sm.amount_vnd) AS total_vnd, MAX(sm.amount_vnd) AS max_vnd
    FROM v_story_money sm
    WHERE sm.currency = 'VND' AND sm.per_unit = 0 AND sm.amount_vnd IS NOT NULL
    GROUP BY sm.story_id
)
SELECT st.province, substr(st.first_published, 1, 7) AS month,
       COUNT(*) AS stories, SUM(st.articles) AS articles, SUM(ps.figures) AS figures,
       SUM(ps.total_vnd) AS total_vnd, SUM(ps.max_vnd) AS max_story_vnd_sum
FROM per_story ps JOIN stories st ON st.id = ps.story_id
GROUP BY st.province, month;

-- The same per article (every copy counted, one figure per value within an article).
CREATE VIEW v_money_by_province_month_per_article AS
WITH per_article AS (
    SELECT am.article_id, COUNT(*) AS figures, SUM(am.amount_vnd) AS total_vnd, MAX(am.amount_vnd) AS max_vnd
    FROM v_article_money am
    WHERE am.currency = 'VND' AND am.per_unit = 0 AND am.amount_vnd IS NOT NULL
    GROUP BY am.article_id
)
SELECT a.province, substr(a.published_at, 1, 7) AS month,
       COUNT(*) AS articles, SUM(pa.figures) AS figures,
       SUM(pa.total_vnd) AS total_vnd, SUM(pa.max_vnd) AS max_article_vnd_sum
FROM per_article pa JOIN articles a ON a.id = pa.article_id
GROUP BY a.province, month;

-- Who held which title when; stories count each story once, whichever copies name them.
DROP VIEW v_people_titles;
CREATE VIEW v_people_titles AS
SELECT p.id AS person_id, p.name, p.scope, pm.title,
       MIN(substr(a.published_at, 1, 10)) AS first_date,
       MAX(substr(a.published_at, 1, 10)) AS last_date,
       COUNT(*) AS mentions, COUNT(DISTINCT pm.article_id) AS articles, COUNT(DISTINCT a.story_id) AS stories
FROM person_mentions pm
JOIN people p ON p.id = pm.person_id
JOIN articles a ON a.id = pm.article_id
WHERE pm.title IS NOT NULL AND pm.title <> ''
GROUP BY p.id, pm.title;

-- Activity per province of today's map, per story: a story naming places in two
-- provinces counts in both; money_vnd sums each story's figures once.
DROP VIEW v_activity_by_province_2025;
CREATE VIEW v_activity_by_province_2025 AS
WITH mentions AS (
    SELECT DISTINCT pl.province_2025, a.story_id, pl.province
    FROM place_mentions pm JOIN places pl ON pl.id = pm.place_id JOIN articles a ON a.id = pm.article_id
    WHERE pl.province_2025 IS NOT NULL
), per_province_story AS (
    SELECT DISTINCT province_2025, story_id FROM mentions
)
SELECT pps.province_2025,
       COUNT(*) AS stories,
       SUM(st.articles) AS articles,
       (SELECT group_concat(province, ', ') FROM (
            SELECT DISTINCT m.province FROM mentions m
            WHERE m.province_2025 = pps.province_2025 AND m.province IS NOT NULL ORDER BY m.province)
       ) AS provinces_before_2025,
       (SELECT COUNT(DISTINCT pl.id) FROM places pl WHERE pl.province_2025 = pps.province_2025) AS places,
       SUM((SELECT SUM(sm.amount_vnd) FROM v_story_money sm WHERE sm.story_id = pps.story_id
            AND sm.currency = 'VND' AND sm.per_unit = 0)) AS money_vnd,
       MIN(substr(st.first_published, 1, 10)) AS first_date,
       MAX(substr(st.first_published, 1, 10)) AS last_date
FROM per_province_story pps JOIN stories st ON st.id = pps.story_id
GROUP BY pps.province_2025;
