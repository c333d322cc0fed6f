package org.newsdesk.core.story;

import static org.newsdesk.core.db.Jdbc.instant;

import jakarta.enterprise.context.ApplicationScoped;
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
import org.hibernate.Session;
import org.newsdesk.core.db.Jdbc;

/** The SQL of stories, article features, the inverted index and related lists. */
@ApplicationScoped
public class StoryRepository {

  /** Key of the transaction-level advisory lock that serialises story assignment. */
  static final long ASSIGN_LOCK = 0x4e44_5354_4f52_5931L;

  private final EntityManager em;

  public StoryRepository(EntityManager em) {
    this.em = em;
  }

  /** The text of a stored article, as the computation reads it. */
  record Text(long id, long sourceId, String title, String summary, String body, Instant at) {}

  /** A story's centroid and times, as assignment reads them. */
  record Centroid(
      long id, String[] terms, float[] weights, Instant firstSeen, Instant lastSeen, int size) {}

  /** One row of a related list. */
  record RelatedRow(long articleId, long relatedId, float score, List<String> reasons) {}

  <T> T work(Jdbc.Work<T> w) {
    return Jdbc.work(em.unwrap(Session.class), w);
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
   * Counts one more document for each of {@code terms} (and one more article when {@code count}),
   * returning the document frequencies after the update and the number of articles under "".
   */
  Map<String, Integer> countTerms(Collection<String> terms, boolean count) {
    String[] sorted = terms.toArray(new String[0]);
    Arrays.sort(sorted);
    return work(
        c -> {
          Map<String, Integer> df = new HashMap<>(sorted.length * 2);
          String sql =
              count
                  ? "INSERT INTO story_term (term, df) SELECT t, 1 FROM unnest(?::text[]) t"
                      + " ORDER BY t ON CONFLICT (term) DO UPDATE SET df = story_term.df + 1"
                      + " RETURNING term, df"
                  : "SELECT term, df FROM story_term WHERE term = ANY(?) OR term = ''";
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            String[] withCount = sorted;
            if (count) {
              withCount = new String[sorted.length + 1];
              withCount[0] = "";
              System.arraycopy(sorted, 0, withCount, 1, sorted.length);
            }
            ps.setArray(1, c.createArrayOf("text", withCount));
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                df.put(rs.getString(1), rs.getInt(2));
              }
            }
          }
          return df;
        });
  }

  private static final String FEATURES =
      "f.article_id, f.source_id, f.at, f.terms, f.weights, f.norm, f.entities, f.minhash,"
          + " f.story_id, f.duplicate_of";

  /**
   * Articles sharing the most of {@code terms} in the inverted index, stored between {@code from}
   * and {@code to}, at most {@code limit}.
   */
  List<Features> candidates(List<String> terms, Instant from, Instant to, long except, int limit) {
    return work(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + FEATURES
                      + " FROM (SELECT p.article_id, count(*) AS n FROM term_posting p"
                      + " WHERE p.term = ANY(?) AND p.at BETWEEN ? AND ? AND p.article_id <> ?"
                      + " GROUP BY p.article_id ORDER BY n DESC, p.article_id DESC LIMIT ?) m"
                      + " JOIN article_features f ON f.article_id = m.article_id")) {
            ps.setArray(1, c.createArrayOf("text", terms.toArray()));
            setInstant(ps, 2, from);
            setInstant(ps, 3, to);
            ps.setLong(4, except);
            ps.setInt(5, limit);
            return readFeatures(ps);
          }
        });
  }

  /** The newest {@code limit} members of a story. */
  List<Features> members(long storyId, int limit) {
    return work(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + FEATURES
                      + " FROM article_features f WHERE f.story_id = ?"
                      + " ORDER BY f.at DESC, f.article_id DESC LIMIT ?")) {
            ps.setLong(1, storyId);
            ps.setInt(2, limit);
            return readFeatures(ps);
          }
        });
  }

  Features features(long articleId) {
    return work(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT " + FEATURES + " FROM article_features f WHERE f.article_id = ?")) {
            ps.setLong(1, articleId);
            List<Features> l = readFeatures(ps);
            return l.isEmpty() ? null : l.get(0);
          }
        });
  }

  private static List<Features> readFeatures(PreparedStatement ps) throws SQLException {
    List<Features> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(
            new Features(
                rs.getLong(1),
                rs.getLong(2),
                instant(rs, 3),
                (String[]) rs.getArray(4).getArray(),
                floats(rs.getArray(5)),
                rs.getFloat(6),
                List.of((String[]) rs.getArray(7).getArray()),
                ints(rs.getArray(8)),
                (Long) rs.getObject(9),
                (Long) rs.getObject(10)));
      }
    }
    return out;
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

  /** Writes (or rewrites) an article's features and its entries in the inverted index. */
  void saveFeatures(Features f, List<String> indexed) {
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
            ps.executeUpdate();
          }
          try (PreparedStatement ps =
              c.prepareStatement("DELETE FROM term_posting WHERE article_id = ?")) {
            ps.setLong(1, f.articleId());
            ps.executeUpdate();
          }
          if (!indexed.isEmpty()) {
            try (PreparedStatement ps =
                c.prepareStatement(
                    "INSERT INTO term_posting (term, at, article_id)"
                        + " SELECT DISTINCT t, ?::timestamptz, ? FROM unnest(?::text[]) t")) {
              setInstant(ps, 1, f.at());
              ps.setLong(2, f.articleId());
              ps.setArray(3, c.createArrayOf("text", indexed.toArray()));
              ps.executeUpdate();
            }
          }
          return null;
        });
  }

  /** Opens a story; returns its id. */
  long createStory(Instant at, List<String> centroidTerms, List<Float> centroidWeights) {
    return work(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO story (headline, first_seen_at, last_seen_at, article_count,"
                      + " source_count, centroid_terms, centroid_weights, top_terms, hotness)"
                      + " VALUES ('', ?, ?, 0, 0, ?, ?, '{}', 0) RETURNING id")) {
            setInstant(ps, 1, at);
            setInstant(ps, 2, at);
            ps.setArray(3, c.createArrayOf("text", centroidTerms.toArray()));
            ps.setArray(4, c.createArrayOf("real", centroidWeights.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getLong(1);
            }
          }
        });
  }

  /**
   * Refreshes a story after an article joined: centroid, counts (from its members), times, headline
   * (the title of {@code headlineArticle}), top terms and hotness.
   */
  void updateStory(
      long storyId,
      Instant at,
      List<String> centroidTerms,
      List<Float> centroidWeights,
      long headlineArticle,
      List<String> topTerms) {
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
            int i = 1;
            ps.setArray(i++, c.createArrayOf("text", centroidTerms.toArray()));
            ps.setArray(i++, c.createArrayOf("real", centroidWeights.toArray()));
            setInstant(ps, i++, at);
            setInstant(ps, i++, at);
            ps.setLong(i++, headlineArticle);
            ps.setLong(i++, headlineArticle);
            ps.setArray(i++, c.createArrayOf("text", topTerms.toArray()));
            setInstant(ps, i++, at);
            ps.setLong(i++, storyId);
            ps.setLong(i, storyId);
            ps.executeUpdate();
          }
          return null;
        });
  }

  /** Writes related rows (replacing a pair's earlier row), then cuts the lists to {@code size}. */
  void saveRelated(List<RelatedRow> rows, int size) {
    if (rows.isEmpty()) {
      return;
    }
    work(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO related_article (article_id, related_id, score, reasons)"
                      + " VALUES (?, ?, ?, ?) ON CONFLICT (article_id, related_id) DO UPDATE"
                      + " SET score = EXCLUDED.score, reasons = EXCLUDED.reasons")) {
            for (RelatedRow r : rows) {
              ps.setLong(1, r.articleId());
              ps.setLong(2, r.relatedId());
              ps.setFloat(3, r.score());
              ps.setArray(4, c.createArrayOf("text", r.reasons().toArray()));
              ps.addBatch();
            }
            ps.executeBatch();
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

  /** Drops an article's own related list (before it is computed again). */
  void clearRelated(long articleId) {
    work(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("DELETE FROM related_article WHERE article_id = ?")) {
            ps.setLong(1, articleId);
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
