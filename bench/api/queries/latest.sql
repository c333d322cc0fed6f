SELECT a.id, a.title, a.url, a.summary, a.published_at, s.name, s.slug
FROM article a JOIN source s ON s.id = a.source_id
ORDER BY a.sort_at DESC, a.id DESC LIMIT 21;
