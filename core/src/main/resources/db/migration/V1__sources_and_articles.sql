-- Sources: the sites Newsdesk follows, with the context needed to read them and the fetch state.
CREATE TABLE source (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug               TEXT        NOT NULL,
    name               TEXT        NOT NULL,
    homepage           TEXT,
    feed_url           TEXT,
    kind               TEXT        NOT NULL CHECK (kind IN ('RSS', 'ATOM', 'JSON_FEED', 'ARTICLE_PAGE', 'ARCHIVE')),
    language           TEXT,
    time_zone          TEXT        NOT NULL DEFAULT 'UTC',
    -- NULL: unknown, read from each document (an unambiguous date, or the weekday its text names).
    date_order         TEXT        CHECK (date_order IN ('DMY', 'MDY', 'YMD')),
    active             BOOLEAN     NOT NULL DEFAULT TRUE,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_fetch_at      TIMESTAMPTZ,
    next_fetch_at      TIMESTAMPTZ,
    etag               TEXT,
    last_modified      TEXT,
    consecutive_errors INTEGER     NOT NULL DEFAULT 0,
    last_error         TEXT,
    CONSTRAINT source_slug_key UNIQUE (slug)
);

-- The scheduler claims due sources: only active ones, ordered by due time.
CREATE INDEX source_due_idx ON source (next_fetch_at) WHERE active;
CREATE INDEX source_feed_url_idx ON source (feed_url);
CREATE INDEX source_homepage_idx ON source (homepage);

-- Articles. identity is what makes an article the same one when it is imported again
-- (its guid, else its canonical link, else a hash of title and date), unique per source.
-- sort_at is the publication instant, or the first-seen instant when the source gave none:
-- the key of every "newest first" listing, paired with id for a stable keyset cursor.
CREATE TABLE article (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source_id     BIGINT      NOT NULL REFERENCES source (id),
    identity      TEXT        NOT NULL,
    url           TEXT,
    external_id   TEXT,
    title         TEXT        NOT NULL,
    summary       TEXT,
    content       TEXT,
    text          TEXT,
    byline        TEXT,
    credit        TEXT,
    image_url     TEXT,
    image_caption TEXT,
    published_at  TIMESTAMPTZ,
    updated_at    TIMESTAMPTZ,
    first_seen_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    sort_at       TIMESTAMPTZ NOT NULL,
    language      TEXT,
    content_hash  TEXT        NOT NULL,
    CONSTRAINT article_identity_key UNIQUE (source_id, identity)
);

-- Latest first, across all sources and per source (keyset: sort_at, id).
CREATE INDEX article_latest_idx ON article (sort_at DESC, id DESC);
CREATE INDEX article_source_latest_idx ON article (source_id, sort_at DESC, id DESC);
-- Time-range filters on the publication date.
CREATE INDEX article_published_idx ON article (published_at DESC, id DESC);
CREATE INDEX article_url_idx ON article (url);

-- Tags (categories) of an article, as given by the source (plain text, trimmed).
CREATE TABLE article_tag (
    article_id BIGINT NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    tag        TEXT   NOT NULL,
    PRIMARY KEY (article_id, tag)
);
CREATE INDEX article_tag_tag_idx ON article_tag (tag, article_id);

-- Small facts the platform keeps about itself (for example that the bundled samples were imported).
CREATE TABLE app_state (
    key        TEXT PRIMARY KEY,
    value      TEXT        NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
