-- Full-text search over articles: a stored, weighted vector (title A, summary B, body C) in the
-- text search configuration of the article's language.

-- The text search configuration for a language code such as 'en' or 'fr-FR'. Articles whose
-- language is unknown are read as English; languages PostgreSQL has no stemmer for use 'simple'.
CREATE FUNCTION newsdesk_ts_config(lang TEXT) RETURNS regconfig
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$
SELECT CASE lower(split_part(coalesce(lang, 'en'), '-', 1))
           WHEN 'en' THEN 'english'::regconfig
           WHEN '' THEN 'english'::regconfig
           WHEN 'fr' THEN 'french'::regconfig
           WHEN 'de' THEN 'german'::regconfig
           WHEN 'es' THEN 'spanish'::regconfig
           WHEN 'it' THEN 'italian'::regconfig
           WHEN 'pt' THEN 'portuguese'::regconfig
           WHEN 'nl' THEN 'dutch'::regconfig
           WHEN 'sv' THEN 'swedish'::regconfig
           WHEN 'da' THEN 'danish'::regconfig
           WHEN 'nb' THEN 'norwegian'::regconfig
           WHEN 'no' THEN 'norwegian'::regconfig
           WHEN 'fi' THEN 'finnish'::regconfig
           WHEN 'ru' THEN 'russian'::regconfig
           WHEN 'tr' THEN 'turkish'::regconfig
           WHEN 'hu' THEN 'hungarian'::regconfig
           WHEN 'ro' THEN 'romanian'::regconfig
           ELSE 'simple'::regconfig
           END
$$;

ALTER TABLE article
    ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector(newsdesk_ts_config(language), coalesce(title, '')), 'A') ||
        setweight(to_tsvector(newsdesk_ts_config(language), left(coalesce(summary, ''), 4000)), 'B') ||
        setweight(to_tsvector(newsdesk_ts_config(language), left(coalesce(text, ''), 200000)), 'C')
        ) STORED;

CREATE INDEX article_search_idx ON article USING gin (search_vector);
-- Rare terms are estimated well only with a larger sample of the vector column.
ALTER TABLE article ALTER COLUMN search_vector SET STATISTICS 1000;

-- Filters of the article listings.
CREATE INDEX article_credit_idx ON article (credit, sort_at DESC, id DESC) WHERE credit IS NOT NULL;
CREATE INDEX article_language_idx ON article (language, sort_at DESC, id DESC);

-- A search query in the syntax of web search engines ("quoted phrase", or, -exclusion), read in
-- every configuration articles are indexed with, so that it matches an article in any language.
CREATE FUNCTION newsdesk_tsquery(q TEXT) RETURNS tsquery
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$
SELECT websearch_to_tsquery('english', q) || websearch_to_tsquery('simple', q)
           || websearch_to_tsquery('french', q) || websearch_to_tsquery('german', q)
           || websearch_to_tsquery('spanish', q)
$$;
