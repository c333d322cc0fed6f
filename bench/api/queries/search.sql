SELECT r.id, r.title, r.url, r.published_at, s.name FROM (
  SELECT m.*, ts_rank(m.search_vector, newsdesk_tsquery('__TERM__'), 1) AS score FROM (
    SELECT a.id, a.title, a.url, a.published_at, a.sort_at, a.source_id, a.search_vector FROM article a
    WHERE a.search_vector @@ newsdesk_tsquery('__TERM__')
    ORDER BY a.sort_at DESC, a.id DESC LIMIT 1000) m) r
JOIN source s ON s.id = r.source_id
ORDER BY r.score DESC, r.sort_at DESC, r.id DESC LIMIT 21;
