-- Full-text search for PostGraphile, which has none of its own: the same SQL our server runs (the
-- newest 1,000 matches, ranked, recency breaking ties), as a function PostGraphile exposes as
-- Query.benchSearch. Created in the benchmark database only.
CREATE OR REPLACE FUNCTION bench_search(q TEXT) RETURNS SETOF article
    LANGUAGE sql STABLE AS
$$
SELECT m.* FROM (
    SELECT * FROM article a WHERE a.search_vector @@ newsdesk_tsquery(q)
    ORDER BY a.sort_at DESC, a.id DESC LIMIT 1000) m
ORDER BY ts_rank(m.search_vector, newsdesk_tsquery(q), 1) DESC, m.sort_at DESC, m.id DESC
$$;
