-- Story assignment off the storing path. Storing a batch of articles queues them here in its own
-- transaction; the assigner (on importer replicas) takes the queue in order in large batches,
-- under the assignment lock, and removes what it assigned in the same transaction. A crash at any
-- point leaves every stored article either assigned or still queued.
CREATE TABLE story_queue (
    article_id BIGINT PRIMARY KEY REFERENCES article (id) ON DELETE CASCADE
);

-- Every article assignment adds one to the frequency of each of its terms: room on the page for
-- the new row versions (updates that touch no index), and vacuum after a few thousand dead ones.
ALTER TABLE story_term SET (fillfactor = 70,
                            autovacuum_vacuum_scale_factor = 0.0,
                            autovacuum_vacuum_threshold = 5000);
