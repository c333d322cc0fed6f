SELECT count(*) FROM (SELECT 1 FROM article WHERE source_id = __SOURCE_ID__ LIMIT 10001) x;
