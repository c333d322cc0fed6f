-- Claiming at scale. The claim reads due sources in (due time, id) order and stops at its limit, as
-- an index range: a source never fetched (no due time) counts as due since -infinity. Before, the
-- condition "next_fetch_at IS NULL OR next_fetch_at <= now()" and the order by id made PostgreSQL
-- collect and sort every due source at each claim, dead row versions included.
DROP INDEX source_due_idx;
CREATE INDEX source_due_idx
    ON source ((COALESCE(next_fetch_at, '-infinity'::timestamptz)), id)
    WHERE active AND removed_at IS NULL AND feed_url IS NOT NULL;

-- Each fetch updates its source twice (the claim, then the outcome): room on the page for the
-- new row versions, and vacuum after a few hundred dead ones rather than a fifth of the table.
ALTER TABLE source SET (fillfactor = 50,
                        autovacuum_vacuum_scale_factor = 0.0, autovacuum_vacuum_threshold = 500,
                        autovacuum_analyze_scale_factor = 0.05);
ALTER TABLE fetch_log SET (autovacuum_vacuum_scale_factor = 0.05);
