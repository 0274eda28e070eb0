-- Migration 2: views for the analysts' common questions (see archive/README.md).
-- Append-only like every migration: a later change to a view is a new migration that
-- drops and recreates it, never an edit here.

-- One row per article with its site and the site's province (NULL for national sites).
CREATE VIEW v_articles AS
SELECT a.id, a.url, a.site, s.name AS site_name, s.province AS site_province,
       a.title, a.published_at,
       substr(a.published_at, 1, 10) AS published_date,   -- YYYY-MM-DD
       substr(a.published_at, 1, 7) AS month,             -- YYYY-MM
       a.author, a.lang, a.layout, a.body_text,
       a.first_seen, a.last_seen, a.changed_at
FROM articles a LEFT JOIN sites s ON s.id = a.site;

-- The one province an article is counted under, so that a sum per province counts each
-- article once: a provincial chapter's site reports on its own province, so its province
-- wins; a national site (redcross.org.vn, nhandaoonline.vn) has none, so the province of
-- the article's first resolved place mention (in reading order) stands in. NULL when
-- neither exists. Province names are those of the unit as written (63-province era for
-- most articles); v_activity_by_province_2025 groups them under today's provinces.
CREATE VIEW v_article_province AS
SELECT a.id AS article_id,
       COALESCE(s.province, (
           SELECT pl.province FROM place_mentions pm JOIN places pl ON pl.id = pm.place_id
           WHERE pm.article_id = a.id AND pm.resolved = 1 AND pl.province IS NOT NULL
           ORDER BY pm.id LIMIT 1)) AS province,
       CASE WHEN s.province IS NOT NULL THEN 'site'
            WHEN EXISTS (SELECT 1 FROM place_mentions pm JOIN places pl ON pl.id = pm.place_id
                         WHERE pm.article_id = a.id AND pm.resolved = 1 AND pl.province IS NOT NULL)
            THEN 'places' END AS province_source
FROM articles a LEFT JOIN sites s ON s.id = a.site;

-- Money per province (as in v_article_province) and month of publication. Only amounts
-- in đồng (currency VND) that are not per-unit values ("15 triệu đồng/con" is a price,
-- not money raised) are summed. total_vnd adds every such mention, so an article that
-- gives a total and its parts counts both: max_article_vnd_sum (the largest amount of each
-- article, summed) is the conservative figure.
CREATE VIEW v_money_by_province_month AS
WITH per_article AS (
    SELECT m.article_id, COUNT(*) AS mentions, SUM(m.amount_vnd) AS total_vnd, MAX(m.amount_vnd) AS max_vnd
    FROM money m
    WHERE m.currency = 'VND' AND m.per_unit = 0 AND m.amount_vnd IS NOT NULL
    GROUP BY m.article_id
)
SELECT ap.province, substr(a.published_at, 1, 7) AS month,
       COUNT(*) AS articles, SUM(pa.mentions) AS mentions,
       SUM(pa.total_vnd) AS total_vnd, SUM(pa.max_vnd) AS max_article_vnd_sum
FROM per_article pa
JOIN articles a ON a.id = pa.article_id
JOIN v_article_province ap ON ap.article_id = pa.article_id
GROUP BY ap.province, month;

-- Who held which title when: one row per person and title as written, with the first
-- and last publication date of the articles that give it.
CREATE VIEW v_people_titles AS
SELECT p.id AS person_id, p.name, p.scope, pm.title,
       MIN(substr(a.published_at, 1, 10)) AS first_date,
       MAX(substr(a.published_at, 1, 10)) AS last_date,
       COUNT(*) AS mentions, COUNT(DISTINCT pm.article_id) AS articles
FROM person_mentions pm
JOIN people p ON p.id = pm.person_id
JOIN articles a ON a.id = pm.article_id
WHERE pm.title IS NOT NULL AND pm.title <> ''
GROUP BY p.id, pm.title;

-- Activity per province of today's map (34 provinces since 1 July 2025): every mention of
-- a place whose unit now lies in that province, old units (Bắc Kạn, Hà Giang, Quảng Nam...)
-- grouped under the province that absorbed them. An article that names places in two
-- provinces counts in both; money_vnd sums its amounts (as in v_money_by_province_month).
CREATE VIEW v_activity_by_province_2025 AS
WITH mentions AS (
    SELECT DISTINCT pl.province_2025, pm.article_id, pl.province
    FROM place_mentions pm JOIN places pl ON pl.id = pm.place_id
    WHERE pl.province_2025 IS NOT NULL
), per_province_article AS (
    SELECT DISTINCT province_2025, article_id FROM mentions
)
SELECT ppa.province_2025,
       COUNT(*) AS articles,
       (SELECT group_concat(province, ', ') FROM (
            SELECT DISTINCT m.province FROM mentions m
            WHERE m.province_2025 = ppa.province_2025 AND m.province IS NOT NULL ORDER BY m.province)
       ) AS provinces_before_2025,
       (SELECT COUNT(DISTINCT pl.id) FROM places pl WHERE pl.province_2025 = ppa.province_2025) AS places,
       SUM((SELECT SUM(m.amount_vnd) FROM money m WHERE m.article_id = ppa.article_id
            AND m.currency = 'VND' AND m.per_unit = 0)) AS money_vnd,
       MIN(substr(a.published_at, 1, 10)) AS first_date,
       MAX(substr(a.published_at, 1, 10)) AS last_date
FROM per_province_article ppa JOIN articles a ON a.id = ppa.article_id
GROUP BY ppa.province_2025;

-- Articles whose content changed between crawls: one row per earlier version kept in
-- article_versions, with the title then and now.
CREATE VIEW v_changed_articles AS
SELECT a.id AS article_id, a.url, a.site, v.title AS old_title, a.title AS title,
       v.content_hash AS old_hash, a.content_hash AS hash,
       v.first_seen AS version_first_seen, v.replaced_at, a.changed_at,
       (SELECT COUNT(*) FROM article_versions v2 WHERE v2.article_id = a.id) AS versions
FROM article_versions v JOIN articles a ON a.id = v.article_id;
