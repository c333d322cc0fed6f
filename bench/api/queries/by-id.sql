\set id random(1, __MAX_ID__)
SELECT a.id, a.title, a.url, a.summary, a.text, a.published_at, a.byline, a.credit, s.name, s.slug,
  ARRAY(SELECT t.tag FROM article_tag t WHERE t.article_id = a.id ORDER BY t.tag)
FROM article a JOIN source s ON s.id = a.source_id WHERE a.id = :id;
