SELECT name FROM source WHERE slug = '__SLUG__';
SELECT id, title, url, published_at FROM article
WHERE source_id = __SOURCE_ID__ AND (sort_at, id) < ('__CURSOR_AT__', __CURSOR_ID__)
ORDER BY sort_at DESC, id DESC LIMIT 21;
