-- Related stories: per-article term vectors, an inverted index bounded by time, stories (clusters
-- of articles about one event), near-duplicates (wire copy) and each article's precomputed list of
-- related articles. Everything is derived from the articles when they are stored, incrementally.

-- Stories. The centroid is the sum of the members' unit vectors, cut to its strongest terms.
-- hotness = log2(1 + source_count) + extract(epoch from last_seen_at) / 45000: coverage by twice
-- as many sources weighs as much as 12.5 hours of recency; stored, so paging by it is stable.
CREATE TABLE story (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    headline            TEXT             NOT NULL,
    headline_article_id BIGINT           REFERENCES article (id) ON DELETE SET NULL,
    first_seen_at       TIMESTAMPTZ      NOT NULL,
    last_seen_at        TIMESTAMPTZ      NOT NULL,
    article_count       INTEGER          NOT NULL,
    source_count        INTEGER          NOT NULL,
    centroid_terms      TEXT[]           NOT NULL,
    centroid_weights    REAL[]           NOT NULL,
    top_terms           TEXT[]           NOT NULL,
    hotness             DOUBLE PRECISION NOT NULL
);
CREATE INDEX story_hot_idx ON story (hotness DESC, id DESC);
CREATE INDEX story_last_seen_idx ON story (last_seen_at DESC, id DESC);

-- The features of one article: its weighted terms (weights without idf), the norm of its tf-idf
-- vector when it was stored, the entities it names, a MinHash signature of its text, its story
-- and, for a republication of the same copy, the first article that carried it.
CREATE TABLE article_features (
    article_id   BIGINT      PRIMARY KEY REFERENCES article (id) ON DELETE CASCADE,
    source_id    BIGINT      NOT NULL,
    at           TIMESTAMPTZ NOT NULL,
    terms        TEXT[]      NOT NULL,
    weights      REAL[]      NOT NULL,
    norm         REAL        NOT NULL,
    entities     TEXT[]      NOT NULL,
    minhash      INTEGER[]   NOT NULL,
    story_id     BIGINT      REFERENCES story (id) ON DELETE SET NULL,
    duplicate_of BIGINT      REFERENCES article (id) ON DELETE SET NULL
);
CREATE INDEX article_features_story_idx ON article_features (story_id, at DESC, article_id DESC);
CREATE INDEX article_features_duplicate_idx ON article_features (duplicate_of, at, article_id)
    WHERE duplicate_of IS NOT NULL;

-- Document frequencies for idf, kept as articles arrive; the row with term '' counts articles.
CREATE TABLE story_term (
    term TEXT    PRIMARY KEY,
    df   INTEGER NOT NULL
);
INSERT INTO story_term (term, df) VALUES ('', 0);

-- Inverted index: term -> articles, ordered by time so that a lookup reads one time window.
CREATE TABLE term_posting (
    term       TEXT        NOT NULL,
    at         TIMESTAMPTZ NOT NULL,
    article_id BIGINT      NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    PRIMARY KEY (term, at, article_id)
);
CREATE INDEX term_posting_article_idx ON term_posting (article_id);

-- The precomputed related list of each article (at most the configured size, best first), with
-- the reasons: SAME_STORY, SHARED_ENTITIES:<names>, SIMILAR_TEXT, SAME_WIRE_COPY, TIME_PROXIMITY.
CREATE TABLE related_article (
    article_id BIGINT NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    related_id BIGINT NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    score      REAL   NOT NULL,
    reasons    TEXT[] NOT NULL,
    PRIMARY KEY (article_id, related_id)
);
CREATE INDEX related_article_rank_idx ON related_article (article_id, score DESC, related_id);
CREATE INDEX related_article_related_idx ON related_article (related_id);
