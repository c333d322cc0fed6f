-- API keys for the API's protected operations. Only a SHA-256 hash of each key is kept: the key
-- itself is shown once, when it is created, and cannot be read back.
CREATE TABLE api_key (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name         TEXT        NOT NULL,
    -- SHA-256 of the key, lowercase hex.
    key_hash     TEXT        NOT NULL,
    -- 'admin' may change sources; 'reader' identifies a client and may only read.
    role         TEXT        NOT NULL DEFAULT 'admin' CHECK (role IN ('admin', 'reader')),
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_used_at TIMESTAMPTZ,
    -- A revoked key authenticates no more; its row stays for the record.
    revoked_at   TIMESTAMPTZ,
    CONSTRAINT api_key_hash_key UNIQUE (key_hash)
);

-- One live key per name; a revoked key's name may be used again.
CREATE UNIQUE INDEX api_key_live_name_idx ON api_key (name) WHERE revoked_at IS NULL;
