package org.newsdesk.core.story;

import static org.newsdesk.core.db.Jdbc.instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.newsdesk.core.db.Jdbc;

/** The SQL of stories, article features, the inverted index and related lists. */
@ApplicationScoped
public class StoryRepository {

  /** Key of the transaction-level advisory lock that serialises story assignment. */
  static final long ASSIGN_LOCK = 0x4e44_5354_4f52_5931L;

  private final Jdbc.Connections db;

  @Inject
  public StoryRepository(EntityManager em) {
    this(Jdbc.of(em));
  }

  /** On connections of the caller's choosing (the ingest benchmark runs it on plain JDBC). */
  public StoryRepository(Jdbc.Connections db) {
    this.db = db;
  }

  /** The text of a stored article, as the computation reads it. */
  record Text(long id, long sourceId, String title, String summary, String body, Instant at) {}

  /** A story's centroid and times, as assignment reads them. */
  record Centroid(
      long id, String[] terms, float[] weights, Instant firstSeen, Instant lastSeen, int size) {}

  /** One row of a related list. */
  record RelatedRow(long articleId, long relatedId, float score, List<String> reasons) {}

  <T> T work(Jdbc.Work<T> w) {
    return db.work(w);
  }

  /** Queues articles for story assignment (in the storing transaction). */
  void enqueue(Collection<Long> articleIds) {
    work(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO story_queue (article_id) SELECT unnest(?::bigint[]) ORDER BY 1"
                      // an article being assigned (its row locked) is queued again once that
                      // commits: the update waits for the lock, then finds the row gone
                      + " ON CONFLICT (article_id) DO UPDATE SET article_id = EXCLUDED.article_id")) {
            ps.setArray(1, c.createArrayOf("bigint", articleIds.toArray()));
            ps.executeUpdate();
          }
          return null;
        });
  }

  /**
   * Takes (locks until commit) the first {@code limit} queued articles that no other transaction
   * holds, oldest first.
   */
  List<Long> takeQueued(int limit) {
    return work(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT article_id FROM story_queue ORDER BY article_id LIMIT ?"
                      + " FOR UPDATE SKIP LOCKED")) {
            ps.setInt(1, limit);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                ids.add(rs.getLong(1));
              }
            }
            return ids;
          }
        });
  }

  /** Removes assigned articles from the queue. */
  void dequeue(Collection<Long> articleIds) {
    work(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("DELETE FROM story_queue WHERE article_id = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("bigint", articleIds.toArray()));
            ps.executeUpdate();
          }
          return null;
        });
  }

  /** How many articles wait for story assignment (taken ones included). */
  long queued() {
    return work(
        c -> {
          try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM story_queue");
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  /** Waits for, then holds until commit, the lock of story assignment (all replicas). */
  void lockAssignment() {
    work(
        c -> {
          try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            ps.setLong(1, ASSIGN_LOCK);
            ps.execute();
          }
          return null;
        });
  }

  List<Text> texts(Collection<Long> ids) {
    return work(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id, source_id, title, summary, left(text, 20000), sort_at FROM article"
                      + " WHERE id = ANY(?) ORDER BY sort_at, id")) {
            ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            List<Text> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new Text(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        instant(rs, 6)));
              }
            }
            return out;
          }
        });
  }

  /**
   * Adds {@code increments} to the document frequencies (the term "" counts articles) and reads
   * those of {@code others}, in one statement each: the frequencies after the update, for the terms
   * that have one.
   */
  Map<String, Integer> countTerms(Map<String, Integer> increments, Collection<String> others) {
    String[] sorted = increments.keySet().toArray(new String[0]);
    Arrays.sort(sorted);
    Integer[] counts = new Integer[sorted.length];
    for (int i = 0; i < sorted.length; i++) {
      counts[i] = increments.get(sorted[i]);
    }
    return work(
        c -> {
          Map<String, Integer> df = new HashMap<>((sorted.length + others.size()) * 2);
          if (sorted.length > 0) {
            // in term order, so that two transactions lock the rows they share in one order
            try (PreparedStatement ps =
                c.prepareStatement(
                    "INSERT INTO story_term (term, df) SELECT t, n"
                        + " FROM unnest(?::text[], ?::int[]) x(t, n) ORDER BY t"
                        + " ON CONFLICT (term) DO UPDATE SET df = story_term.df + EXCLUDED.df"
                        + " RETURNING term, df")) {
              ps.setArray(1, c.createArrayOf("text", sorted));
              ps.setArray(2, c.createArrayOf("integer", counts));
              readCounts(ps, df);
            }
          }
          if (!others.isEmpty()) {
            try (PreparedStatement ps =
                c.prepareStatement("SELECT term, df FROM story_term WHERE term = ANY(?)")) {
              ps.setArray(1, c.createArrayOf("text", others.toArray()));
              readCounts(ps, df);
            }
          }
          return df;
        });
  }

  private static void readCounts(PreparedStatement ps, Map<String, Integer> into)
      throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        into.put(rs.getString(1), rs.getInt(2));
      }
    }
  }

  private static final String FEATURES =
      "f.article_id, f.source_id, f.at, f.terms, f.weights, f.norm, f.entities, f.minhash,"
          + " f.story_id, f.duplicate_of";

  /** What one article looks up in the inverted index: terms within a time window. */
  record Lookup(int index, List<String> terms, Instant from, Instant to) {}

  /** A candidate of a lookup, with the number of its terms it shares. */
  record Candidate(int shared, Features features) {}

  /** A candidate of the lookup {@code index}: an article sharing {@code shared} of its terms. */
  record Hit(int index, long articleId, int shared) {}

  /**
   * For each lookup, in one statement, the articles sharing the most of its terms in the inverted
   * index within its window, at most {@code limit}, none of {@code except}; by shared terms, then
   * newest id first. Ids only: the batch reads the features of the distinct ones once.
   */
  List<Hit> candidates(List<Lookup> lookups, Collection<Long> except, int limit) {
    List<Hit> out = new ArrayList<>();
    if (lookups.isEmpty()) {
      return out;
    }
    List<Integer> index = new ArrayList<>();
    List<String> from = new ArrayList<>();
    List<String> to = new ArrayList<>();
    List<String> terms = new ArrayList<>();
    for (Lookup l : lookups) {
      index.add(l.index());
      from.add(l.from().toString());
      to.add(l.to().toString());
      terms.add(joined(l.terms()));
    }
    return work(
        c -> {
          // Each lookup carries its terms as one string, split where it is used: a separate
          // (lookup, term) list would be scanned in full for every lookup.
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT q.i, m.article_id, m.n FROM unnest(?::int[], ?::timestamptz[],"
                      + " ?::timestamptz[], ?::text[]) q(i, lo, hi, terms) CROSS JOIN LATERAL"
                      + " (SELECT p.article_id, count(*) AS n FROM term_posting p"
                      + " WHERE p.term = ANY(string_to_array(q.terms, chr(31)))"
                      + " AND p.at BETWEEN q.lo AND q.hi AND p.article_id <> ALL(?)"
                      + " GROUP BY p.article_id ORDER BY n DESC, p.article_id DESC LIMIT ?) m")) {
            ps.setArray(1, c.createArrayOf("integer", index.toArray()));
            ps.setArray(2, c.createArrayOf("text", from.toArray()));
            ps.setArray(3, c.createArrayOf("text", to.toArray()));
            ps.setArray(4, c.createArrayOf("text", terms.toArray()));
            ps.setArray(5, c.createArrayOf("bigint", except.toArray()));
            ps.setInt(6, limit);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(new Hit(rs.getInt(1), rs.getLong(2), rs.getInt(3)));
              }
            }
          }
          return out;
        });
  }

  /** The separator of strings joined into one (a control character no term or reason holds). */
  private static final char SEPARATOR = '\u001f';

  /**
   * Strings joined into one for {@code string_to_array(s, chr(31))}; the separator inside one of
   * them (no term or reason holds it) becomes a space.
   */
  private static String joined(List<String> parts) {
    StringBuilder b = new StringBuilder();
    for (String part : parts) {
      if (b.length() > 0) {
        b.append(SEPARATOR);
      }
      b.append(part.replace(SEPARATOR, ' '));
    }
    return b.toString();
  }

  /**
   * The newest {@code limit} members of each story, none of {@code except}, in one statement;
   * newest first.
   */
  Map<Long, List<Features>> members(Collection<Long> storyIds, Collection<Long> except, int limit) {
    Map<Long, List<Features>> out = new HashMap<>();
    if (storyIds.isEmpty()) {
      return out;
    }
    return work(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT s.id, "
                      + FEATURES
                      + " FROM unnest(?::bigint[]) s(id) CROSS JOIN LATERAL (SELECT * FROM"
                      + " article_features f WHERE f.story_id = s.id AND f.article_id <> ALL(?)"
                      + " ORDER BY f.at DESC, f.article_id DESC LIMIT ?) f")) {
            ps.setArray(1, c.createArrayOf("bigint", storyIds.toArray()));
            ps.setArray(2, c.createArrayOf("bigint", except.toArray()));
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(readFeatures(rs, 2));
              }
            }
          }
          return out;
        });
  }

  /** The stored features of each of {@code articleIds} that has them. */
  Map<Long, Features> features(Collection<Long> articleIds) {
    Map<Long, Features> out = new HashMap<>();
    if (articleIds.isEmpty()) {
      return out;
    }
    return work(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT " + FEATURES + " FROM article_features f WHERE f.article_id = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("bigint", articleIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                Features f = readFeatures(rs, 1);
                out.put(f.articleId(), f);
              }
            }
          }
          return out;
        });
  }

  /** The features in the columns {@link #FEATURES} from {@code first} on. */
  private static Features readFeatures(ResultSet rs, int first) throws SQLException {
    int i = first;
    return new Features(
        rs.getLong(i),
        rs.getLong(i + 1),
        instant(rs, i + 2),
        (String[]) rs.getArray(i + 3).getArray(),
        floats(rs.getArray(i + 4)),
        rs.getFloat(i + 5),
        List.of((String[]) rs.getArray(i + 6).getArray()),
        ints(rs.getArray(i + 7)),
        (Long) rs.getObject(i + 8),
        (Long) rs.getObject(i + 9));
  }

  Map<Long, Centroid> centroids(Collection<Long> storyIds) {
    Map<Long, Centroid> out = new HashMap<>();
    if (storyIds.isEmpty()) {
      return out;
    }
    return work(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id, centroid_terms, centroid_weights, first_seen_at, last_seen_at,"
                      + " article_count FROM story WHERE id = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("bigint", storyIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.put(
                    rs.getLong(1),
                    new Centroid(
                        rs.getLong(1),
                        (String[]) rs.getArray(2).getArray(),
                        floats(rs.getArray(3)),
                        instant(rs, 4),
                        instant(rs, 5),
                        rs.getInt(6)));
              }
            }
          }
          return out;
        });
  }

  /** Reserves {@code n} story ids, for stories a batch opens. */
  List<Long> reserveStoryIds(int n) {
    return work(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT nextval(pg_get_serial_sequence('story', 'id'))"
                      + " FROM generate_series(1, ?)")) {
            ps.setInt(1, n);
            List<Long> ids = new ArrayList<>(n);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                ids.add(rs.getLong(1));
              }
            }
            return ids;
          }
        });
  }

  /** Opens stories under reserved ids, each first seen at its time; filled by an update. */
  void createStories(Map<Long, Instant> opened) {
    if (opened.isEmpty()) {
      return;
    }
    work(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO story (id, headline, first_seen_at, last_seen_at, article_count,"
                      + " source_count, centroid_terms, centroid_weights, top_terms, hotness)"
                      + " OVERRIDING SYSTEM VALUE SELECT id, '', at, at, 0, 0, '{}', '{}', '{}', 0"
                      + " FROM unnest(?::bigint[], ?::timestamptz[]) x(id, at)")) {
            ps.setArray(1, c.createArrayOf("bigint", opened.keySet().toArray()));
            ps.setArray(
                2,
                c.createArrayOf("text", opened.values().stream().map(Instant::toString).toArray()));
            ps.executeUpdate();
          }
          return null;
        });
  }

  /**
   * Writes (or rewrites) the features of articles and their entries in the inverted index ({@code
   * indexed}, one list per article); {@code rewritten} are the articles that had entries before.
   */
  void saveFeatures(List<Features> all, List<List<String>> indexed, Collection<Long> rewritten) {
    if (all.isEmpty()) {
      return;
    }
    work(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO article_features (article_id, source_id, at, terms, weights, norm,"
                      + " entities, minhash, story_id, duplicate_of)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                      + " ON CONFLICT (article_id) DO UPDATE SET source_id = EXCLUDED.source_id,"
                      + " at = EXCLUDED.at, terms = EXCLUDED.terms, weights = EXCLUDED.weights,"
                      + " norm = EXCLUDED.norm, entities = EXCLUDED.entities,"
                      + " minhash = EXCLUDED.minhash, story_id = EXCLUDED.story_id,"
                      + " duplicate_of = EXCLUDED.duplicate_of")) {
            for (Features f : all) {
              int i = 1;
              ps.setLong(i++, f.articleId());
              ps.setLong(i++, f.sourceId());
              setInstant(ps, i++, f.at());
              ps.setArray(i++, c.createArrayOf("text", f.terms()));
              Float[] w = new Float[f.weights().length];
              for (int k = 0; k < w.length; k++) {
                w[k] = f.weights()[k];
              }
              ps.setArray(i++, c.createArrayOf("real", w));
              ps.setFloat(i++, f.norm());
              ps.setArray(i++, c.createArrayOf("text", f.entities().toArray()));
              Integer[] mh = Arrays.stream(f.minhash()).boxed().toArray(Integer[]::new);
              ps.setArray(i++, c.createArrayOf("integer", mh));
              setLong(ps, i++, f.storyId());
              setLong(ps, i, f.duplicateOf());
              ps.addBatch();
            }
            ps.executeBatch();
          }
          if (!rewritten.isEmpty()) {
            try (PreparedStatement ps =
                c.prepareStatement("DELETE FROM term_posting WHERE article_id = ANY(?)")) {
              ps.setArray(1, c.createArrayOf("bigint", rewritten.toArray()));
              ps.executeUpdate();
            }
          }
          List<String> terms = new ArrayList<>();
          List<String> ats = new ArrayList<>();
          List<Long> ids = new ArrayList<>();
          for (int k = 0; k < all.size(); k++) {
            String at = all.get(k).at().toString();
            for (String t : indexed.get(k)) {
              terms.add(t);
              ats.add(at);
              ids.add(all.get(k).articleId());
            }
          }
          if (!terms.isEmpty()) {
            try (PreparedStatement ps =
                c.prepareStatement(
                    // in key order: each term's entries go into the index together
                    "INSERT INTO term_posting (term, at, article_id) SELECT DISTINCT t, at, id"
                        + " FROM unnest(?::text[], ?::timestamptz[], ?::bigint[]) x(t, at, id)"
                        + " ORDER BY t, at, id")) {
              ps.setArray(1, c.createArrayOf("text", terms.toArray()));
              ps.setArray(2, c.createArrayOf("text", ats.toArray()));
              ps.setArray(3, c.createArrayOf("bigint", ids.toArray()));
              ps.executeUpdate();
            }
          }
          return null;
        });
  }

  /** A story's new state after articles joined it: seen from {@code first} to {@code last}. */
  record StoryUpdate(
      long storyId,
      Instant first,
      Instant last,
      List<String> centroidTerms,
      List<Float> centroidWeights,
      long headlineArticle,
      List<String> topTerms) {

    StoryUpdate withStory(long id) {
      return new StoryUpdate(
          id, first, last, centroidTerms, centroidWeights, headlineArticle, topTerms);
    }
  }

  /**
   * Refreshes stories after articles joined: centroid, counts (from the members), times, headline
   * (the title of the headline article), top terms and hotness.
   */
  void updateStories(Collection<StoryUpdate> updates) {
    if (updates.isEmpty()) {
      return;
    }
    work(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE story s SET centroid_terms = ?, centroid_weights = ?,"
                      + " first_seen_at = least(s.first_seen_at, ?),"
                      + " last_seen_at = greatest(s.last_seen_at, ?),"
                      + " article_count = m.articles, source_count = m.sources,"
                      + " headline = (SELECT title FROM article WHERE id = ?),"
                      + " headline_article_id = ?, top_terms = ?,"
                      + " hotness = log(2, 1 + m.sources)"
                      + " + extract(epoch FROM greatest(s.last_seen_at, ?)) / 45000"
                      + " FROM (SELECT count(*) AS articles, count(DISTINCT source_id) AS sources"
                      + " FROM article_features WHERE story_id = ?) m WHERE s.id = ?")) {
            for (StoryUpdate u : updates) {
              int i = 1;
              ps.setArray(i++, c.createArrayOf("text", u.centroidTerms().toArray()));
              ps.setArray(i++, c.createArrayOf("real", u.centroidWeights().toArray()));
              setInstant(ps, i++, u.first());
              setInstant(ps, i++, u.last());
              ps.setLong(i++, u.headlineArticle());
              ps.setLong(i++, u.headlineArticle());
              ps.setArray(i++, c.createArrayOf("text", u.topTerms().toArray()));
              setInstant(ps, i++, u.last());
              ps.setLong(i++, u.storyId());
              ps.setLong(i, u.storyId());
              ps.addBatch();
            }
            ps.executeBatch();
          }
          return null;
        });
  }

  /**
   * Drops the own related lists of {@code cleared}, writes related rows (the last of a pair wins,
   * replacing a stored one), then cuts the lists to {@code size}.
   */
  void saveRelated(Collection<Long> cleared, List<RelatedRow> rows, int size) {
    work(
        c -> {
          if (!cleared.isEmpty()) {
            try (PreparedStatement ps =
                c.prepareStatement("DELETE FROM related_article WHERE article_id = ANY(?)")) {
              ps.setArray(1, c.createArrayOf("bigint", cleared.toArray()));
              ps.executeUpdate();
            }
          }
          if (rows.isEmpty()) {
            return null;
          }
          Map<List<Long>, RelatedRow> last = new LinkedHashMap<>();
          for (RelatedRow r : rows) {
            last.put(List.of(r.articleId(), r.relatedId()), r);
          }
          // One statement for the batch's rows; each row's reasons travel joined into one string.
          List<Long> articleIds = new ArrayList<>(last.size());
          List<Long> relatedIds = new ArrayList<>(last.size());
          List<Float> scores = new ArrayList<>(last.size());
          List<String> reasons = new ArrayList<>(last.size());
          for (RelatedRow r : last.values()) {
            articleIds.add(r.articleId());
            relatedIds.add(r.relatedId());
            scores.add(r.score());
            reasons.add(joined(r.reasons()));
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO related_article (article_id, related_id, score, reasons)"
                      + " SELECT a, r, s, string_to_array(x, chr(31))"
                      + " FROM unnest(?::bigint[], ?::bigint[], ?::real[], ?::text[]) v(a, r, s, x)"
                      + " ORDER BY a, r"
                      + " ON CONFLICT (article_id, related_id) DO UPDATE"
                      + " SET score = EXCLUDED.score, reasons = EXCLUDED.reasons")) {
            ps.setArray(1, c.createArrayOf("bigint", articleIds.toArray()));
            ps.setArray(2, c.createArrayOf("bigint", relatedIds.toArray()));
            ps.setArray(3, c.createArrayOf("real", scores.toArray()));
            ps.setArray(4, c.createArrayOf("text", reasons.toArray()));
            ps.executeUpdate();
          }
          Long[] owners = rows.stream().map(RelatedRow::articleId).distinct().toArray(Long[]::new);
          try (PreparedStatement ps =
              c.prepareStatement(
                  "DELETE FROM related_article r USING (SELECT article_id, related_id,"
                      + " row_number() OVER (PARTITION BY article_id"
                      + " ORDER BY score DESC, related_id DESC) AS rank"
                      + " FROM related_article WHERE article_id = ANY(?)) x"
                      + " WHERE r.article_id = x.article_id AND r.related_id = x.related_id"
                      + " AND x.rank > ?")) {
            ps.setArray(1, c.createArrayOf("bigint", owners));
            ps.setInt(2, size);
            ps.executeUpdate();
          }
          return null;
        });
  }

  // ---- reads of the API ----

  /** The best {@code limit} related rows of each article, in one statement. */
  Map<Long, List<RelatedRow>> related(Collection<Long> ids, int limit) {
    Map<Long, List<RelatedRow>> out = new LinkedHashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    return work(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT q.id, r.related_id, r.score, r.reasons FROM unnest(?::bigint[]) q(id)"
                      + " CROSS JOIN LATERAL (SELECT related_id, score, reasons"
                      + " FROM related_article WHERE article_id = q.id"
                      + " ORDER BY score DESC, related_id DESC LIMIT ?) r")) {
            ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                long id = rs.getLong(1);
                out.computeIfAbsent(id, k -> new ArrayList<>())
                    .add(
                        new RelatedRow(
                            id,
                            rs.getLong(2),
                            rs.getFloat(3),
                            List.of((String[]) rs.getArray(4).getArray())));
              }
            }
          }
          return out;
        });
  }

  /** Story and original of each article that has them: {id, story_id, duplicate_of}. */
  Map<Long, Long[]> placement(Collection<Long> ids) {
    Map<Long, Long[]> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    return work(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT article_id, story_id, duplicate_of FROM article_features"
                      + " WHERE article_id = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.put(rs.getLong(1), new Long[] {(Long) rs.getObject(2), (Long) rs.getObject(3)});
              }
            }
          }
          return out;
        });
  }

  /** Republications of each article (oldest first, at most {@code limit} each). */
  Map<Long, List<Long>> republications(Collection<Long> ids, int limit) {
    Map<Long, List<Long>> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    return work(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT q.id, r.article_id FROM unnest(?::bigint[]) q(id) CROSS JOIN LATERAL"
                      + " (SELECT article_id FROM article_features WHERE duplicate_of = q.id"
                      + " ORDER BY at, article_id LIMIT ?) r")) {
            ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
              }
            }
          }
          return out;
        });
  }

  private static final String STORY =
      "s.id, s.headline, s.first_seen_at, s.last_seen_at, s.source_count, s.article_count,"
          + " s.top_terms, s.hotness";

  private static List<StoryView> readStories(PreparedStatement ps) throws SQLException {
    List<StoryView> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(
            new StoryView(
                rs.getLong(1),
                rs.getString(2),
                instant(rs, 3),
                instant(rs, 4),
                rs.getInt(5),
                rs.getInt(6),
                List.of((String[]) rs.getArray(7).getArray()),
                rs.getDouble(8)));
      }
    }
    return out;
  }

  /** The stories with these ids. */
  Map<Long, StoryView> stories(Collection<Long> ids) {
    Map<Long, StoryView> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    return work(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT " + STORY + " FROM story s WHERE s.id = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            readStories(ps).forEach(v -> out.put(v.id(), v));
          }
          return out;
        });
  }

  /** Stories by hotness, hottest first, after {@code after} (exclusive), at most {@code limit}. */
  List<StoryView> hottest(StoryFilter f, StoryKey after, int limit) {
    StringBuilder sql =
        new StringBuilder("SELECT " + STORY + " FROM story s WHERE s.article_count > 0");
    if (f.since() != null) {
      sql.append(" AND s.last_seen_at >= ?");
    }
    if (!f.sourceSlugs().isEmpty()) {
      sql.append(
          " AND EXISTS (SELECT 1 FROM article_features m JOIN source src ON src.id = m.source_id"
              + " WHERE m.story_id = s.id AND src.slug = ANY(?))");
    }
    if (!f.tags().isEmpty()) {
      sql.append(
          " AND EXISTS (SELECT 1 FROM article_features m JOIN article_tag t"
              + " ON t.article_id = m.article_id WHERE m.story_id = s.id AND lower(t.tag) = ANY(?))");
    }
    if (after != null) {
      sql.append(" AND (s.hotness, s.id) < (?, ?)");
    }
    sql.append(" ORDER BY s.hotness DESC, s.id DESC LIMIT ?");
    return work(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            if (f.since() != null) {
              setInstant(ps, i++, f.since());
            }
            if (!f.sourceSlugs().isEmpty()) {
              ps.setArray(i++, c.createArrayOf("text", f.sourceSlugs().toArray()));
            }
            if (!f.tags().isEmpty()) {
              ps.setArray(
                  i++,
                  c.createArrayOf(
                      "text",
                      f.tags().stream().map(t -> t.toLowerCase(java.util.Locale.ROOT)).toArray()));
            }
            if (after != null) {
              ps.setDouble(i++, after.hotness());
              ps.setLong(i++, after.id());
            }
            ps.setInt(i, limit);
            return readStories(ps);
          }
        });
  }

  /**
   * The newest articles of each story (at most {@code limit} each, before the position {@code
   * afterAt}/{@code afterId} when given), in one statement.
   */
  Map<Long, List<Long>> storyArticles(
      Collection<Long> storyIds, Instant afterAt, Long afterId, int limit) {
    Map<Long, List<Long>> out = new LinkedHashMap<>();
    if (storyIds.isEmpty()) {
      return out;
    }
    return work(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT q.id, m.article_id FROM unnest(?::bigint[]) q(id) CROSS JOIN LATERAL"
                      + " (SELECT article_id FROM article_features WHERE story_id = q.id"
                      + (afterAt == null ? "" : " AND (at, article_id) < (?, ?)")
                      + " ORDER BY at DESC, article_id DESC LIMIT ?) m")) {
            int i = 1;
            ps.setArray(i++, c.createArrayOf("bigint", storyIds.toArray()));
            if (afterAt != null) {
              setInstant(ps, i++, afterAt);
              ps.setLong(i++, afterId);
            }
            ps.setInt(i, limit);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
              }
            }
          }
          return out;
        });
  }

  static void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      ps.setObject(index, value.atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
    }
  }

  private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.BIGINT);
    } else {
      ps.setLong(index, value);
    }
  }

  private static float[] floats(Array a) throws SQLException {
    Object[] values = (Object[]) a.getArray();
    float[] out = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = ((Number) values[i]).floatValue();
    }
    return out;
  }

  private static int[] ints(Array a) throws SQLException {
    Object[] values = (Object[]) a.getArray();
    int[] out = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = ((Number) values[i]).intValue();
    }
    return out;
  }
}
