-- Scheduled fetching: leases that let any number of importer replicas share the due sources, the
-- adaptive interval, soft removal, and a log of each source's recent fetch attempts.

ALTER TABLE source
    -- The replica that claimed the source for a fetch, and until when the claim holds; a claim
    -- whose time has passed (the replica died) is free again.
    ADD COLUMN lease_owner            TEXT,
    ADD COLUMN lease_until            TIMESTAMPTZ,
    -- The current polling interval, adapted to the source's publishing rhythm and its caching
    -- headers; NULL until the first successful fetch.
    ADD COLUMN fetch_interval_seconds INTEGER CHECK (fetch_interval_seconds > 0),
    ADD COLUMN last_success_at        TIMESTAMPTZ,
    -- SHA-256 of the last body read: an unchanged body is not parsed again.
    ADD COLUMN body_hash              TEXT,
    -- Fetch each entry's article page for the full text (feeds that carry only teasers).
    ADD COLUMN full_article           BOOLEAN     NOT NULL DEFAULT FALSE,
    -- Why the source is not fetched any more, when it was switched off (by an operator or after
    -- permanent errors): never disabled silently.
    ADD COLUMN disabled_reason        TEXT,
    -- Soft removal: the source no longer shows nor is fetched; its articles stay.
    ADD COLUMN removed_at             TIMESTAMPTZ;

-- The claim query: active, not removed sources by due time.
DROP INDEX source_due_idx;
CREATE INDEX source_due_idx ON source (next_fetch_at NULLS FIRST) WHERE active AND removed_at IS NULL;

-- The last attempts per source (the importer keeps the newest few per source).
CREATE TABLE fetch_log (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source_id       BIGINT      NOT NULL REFERENCES source (id) ON DELETE CASCADE,
    started_at      TIMESTAMPTZ NOT NULL,
    duration_ms     INTEGER     NOT NULL,
    -- OK (new content stored), NOT_MODIFIED (304 or the same body), ERROR
    outcome         TEXT        NOT NULL CHECK (outcome IN ('OK', 'NOT_MODIFIED', 'ERROR')),
    http_status     INTEGER,
    bytes           BIGINT      NOT NULL DEFAULT 0,
    new_count       INTEGER     NOT NULL DEFAULT 0,
    updated_count   INTEGER     NOT NULL DEFAULT 0,
    unchanged_count INTEGER     NOT NULL DEFAULT 0,
    failed_count    INTEGER     NOT NULL DEFAULT 0,
    error           TEXT,
    instance        TEXT
);
CREATE INDEX fetch_log_source_idx ON fetch_log (source_id, started_at DESC, id DESC);
