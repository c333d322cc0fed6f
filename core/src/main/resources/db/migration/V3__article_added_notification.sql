-- Every new article is announced on the channel newsdesk_article_added (payload: its id), delivered
-- when the inserting transaction commits, to every server replica that listens: live updates need
-- no state in any one process.
CREATE FUNCTION newsdesk_notify_article_added() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    PERFORM pg_notify('newsdesk_article_added', NEW.id::text);
    RETURN NULL;
END
$$;

CREATE TRIGGER article_added_notify
    AFTER INSERT ON article
    FOR EACH ROW EXECUTE FUNCTION newsdesk_notify_article_added();
