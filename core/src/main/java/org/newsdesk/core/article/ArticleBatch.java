package org.newsdesk.core.article;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stores one source's articles in a fixed number of statements whatever their number, on a
 * connection whose transaction the caller owns.
 *
 * <ol>
 *   <li>Known, unchanged articles are filtered out first in one statement ({@code NOT EXISTS} on
 *       identity and content hash over {@code unnest} arrays): re-polled items cost no write and no
 *       text-search vector.
 *   <li>The rest go in one multi-row {@code INSERT … ON CONFLICT (source_id, identity) DO UPDATE …
 *       WHERE the hash differs}: new articles inserted, changed ones updated, and a row another
 *       importer wrote meanwhile decided by the unique key.
 *   <li>Tags of updated articles are replaced, and all tags of the written articles inserted, in
 *       one statement each.
 * </ol>
 *
 * <p>When the drafts name one identity twice, the last wins (a single statement cannot write a row
 * twice); the earlier ones count as unchanged.
 */
public final class ArticleBatch {

  private ArticleBatch() {}

  /**
   * What storing a batch did.
   *
   * @param counts new, updated and unchanged articles (repeats counted as unchanged)
   * @param inserted ids of the new articles
   * @param updated ids of the articles whose content changed
   */
  public record Stored(ImportCounts counts, List<Long> inserted, List<Long> updated) {}

  private static final String CHANGED =
      "SELECT t.i FROM unnest(?::text[], ?::text[]) WITH ORDINALITY AS t(identity, hash, i)"
          + " WHERE NOT EXISTS (SELECT 1 FROM article a WHERE a.source_id = ?"
          + " AND a.identity = t.identity AND a.content_hash = t.hash)";

  private static final String UPSERT =
      """
      INSERT INTO article (source_id, identity, url, external_id, title, summary, content,
          text, byline, credit, image_url, image_caption, published_at, updated_at,
          first_seen_at, sort_at, language, content_hash)
      SELECT ?, t.identity, t.url, t.external_id, t.title, t.summary, t.content, t.text, t.byline,
          t.credit, t.image_url, t.image_caption, t.published_at, t.updated_at, ?,
          COALESCE(t.published_at, ?), t.language, t.content_hash
      FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
          ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::timestamptz[],
          ?::text[], ?::text[])
          AS t(identity, url, external_id, title, summary, content, text, byline, credit,
               image_url, image_caption, published_at, updated_at, language, content_hash)
      ON CONFLICT (source_id, identity) DO UPDATE SET
          url = EXCLUDED.url, external_id = EXCLUDED.external_id, title = EXCLUDED.title,
          summary = EXCLUDED.summary, content = EXCLUDED.content, text = EXCLUDED.text,
          byline = EXCLUDED.byline, credit = EXCLUDED.credit,
          image_url = EXCLUDED.image_url, image_caption = EXCLUDED.image_caption,
          published_at = EXCLUDED.published_at, updated_at = EXCLUDED.updated_at,
          sort_at = COALESCE(EXCLUDED.published_at, article.first_seen_at),
          language = EXCLUDED.language, content_hash = EXCLUDED.content_hash
      WHERE article.content_hash IS DISTINCT FROM EXCLUDED.content_hash
      RETURNING id, identity, (xmax = 0) AS inserted
      """;

  /** Stores {@code drafts} of source {@code sourceId}, as first seen at {@code now}. */
  public static Stored store(Connection c, long sourceId, List<ArticleDraft> drafts, Instant now)
      throws SQLException {
    Map<String, ArticleDraft> byIdentity = new LinkedHashMap<>();
    for (ArticleDraft d : drafts) {
      byIdentity.remove(d.identity());
      byIdentity.put(d.identity(), d);
    }
    int repeats = drafts.size() - byIdentity.size();
    if (byIdentity.isEmpty()) {
      return new Stored(new ImportCounts(0, 0, repeats, 0), List.of(), List.of());
    }
    List<ArticleDraft> unique = new ArrayList<>(byIdentity.values());
    String[] hashes = new String[unique.size()];
    for (int i = 0; i < hashes.length; i++) {
      hashes[i] = unique.get(i).contentHash();
    }
    List<Integer> candidates = changed(c, sourceId, unique, hashes);
    List<Long> inserted = new ArrayList<>();
    List<Long> updated = new ArrayList<>();
    Map<Long, List<String>> tags = new LinkedHashMap<>();
    if (!candidates.isEmpty()) {
      upsert(c, sourceId, unique, hashes, candidates, now, inserted, updated, byIdentity, tags);
      replaceTags(c, updated, tags);
    }
    int unchanged = unique.size() - inserted.size() - updated.size() + repeats;
    return new Stored(
        new ImportCounts(inserted.size(), updated.size(), unchanged, 0),
        List.copyOf(inserted),
        List.copyOf(updated));
  }

  /** Positions (0-based) in {@code unique} of the drafts that are new or changed. */
  private static List<Integer> changed(
      Connection c, long sourceId, List<ArticleDraft> unique, String[] hashes) throws SQLException {
    String[] identities = new String[unique.size()];
    for (int i = 0; i < identities.length; i++) {
      identities[i] = unique.get(i).identity();
    }
    List<Integer> positions = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(CHANGED)) {
      ps.setArray(1, c.createArrayOf("text", identities));
      ps.setArray(2, c.createArrayOf("text", hashes));
      ps.setLong(3, sourceId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          positions.add((int) rs.getLong(1) - 1);
        }
      }
    }
    positions.sort(null);
    return positions;
  }

  private static void upsert(
      Connection c,
      long sourceId,
      List<ArticleDraft> unique,
      String[] hashes,
      List<Integer> positions,
      Instant now,
      List<Long> inserted,
      List<Long> updated,
      Map<String, ArticleDraft> byIdentity,
      Map<Long, List<String>> tags)
      throws SQLException {
    int n = positions.size();
    String[][] text = new String[13][n];
    String[][] times = new String[2][n];
    for (int k = 0; k < n; k++) {
      int p = positions.get(k);
      ArticleDraft d = unique.get(p);
      text[0][k] = d.identity();
      text[1][k] = d.url();
      text[2][k] = d.externalId();
      text[3][k] = d.title();
      text[4][k] = d.summary();
      text[5][k] = d.content();
      text[6][k] = d.text();
      text[7][k] = d.byline();
      text[8][k] = d.credit();
      text[9][k] = d.imageUrl();
      text[10][k] = d.imageCaption();
      text[11][k] = d.language();
      text[12][k] = hashes[p];
      times[0][k] = d.publishedAt() == null ? null : d.publishedAt().toString();
      times[1][k] = d.updatedAt() == null ? null : d.updatedAt().toString();
    }
    try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
      int i = 1;
      ps.setLong(i++, sourceId);
      ps.setObject(i++, now.atOffset(java.time.ZoneOffset.UTC));
      ps.setObject(i++, now.atOffset(java.time.ZoneOffset.UTC));
      for (int f = 0; f <= 10; f++) {
        ps.setArray(i++, c.createArrayOf("text", text[f]));
      }
      ps.setArray(i++, c.createArrayOf("text", times[0]));
      ps.setArray(i++, c.createArrayOf("text", times[1]));
      ps.setArray(i++, c.createArrayOf("text", text[11]));
      ps.setArray(i, c.createArrayOf("text", text[12]));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long id = rs.getLong(1);
          (rs.getBoolean(3) ? inserted : updated).add(id);
          List<String> t = byIdentity.get(rs.getString(2)).tags();
          if (!t.isEmpty()) {
            tags.put(id, t);
          }
        }
      }
    }
    // Statement order is not row order: report ids ascending, as they were assigned.
    inserted.sort(null);
    updated.sort(null);
  }

  private static void replaceTags(
      Connection c, Collection<Long> updated, Map<Long, List<String>> tags) throws SQLException {
    if (!updated.isEmpty()) {
      try (PreparedStatement ps =
          c.prepareStatement("DELETE FROM article_tag WHERE article_id = ANY(?)")) {
        ps.setArray(1, c.createArrayOf("bigint", updated.toArray()));
        ps.executeUpdate();
      }
    }
    if (tags.isEmpty()) {
      return;
    }
    List<Long> ids = new ArrayList<>();
    List<String> names = new ArrayList<>();
    tags.forEach(
        (id, list) -> {
          for (String t : list) {
            ids.add(id);
            names.add(t);
          }
        });
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO article_tag (article_id, tag)"
                + " SELECT * FROM unnest(?::bigint[], ?::text[]) ON CONFLICT DO NOTHING")) {
      Array idArray = c.createArrayOf("bigint", ids.toArray());
      ps.setArray(1, idArray);
      ps.setArray(2, c.createArrayOf("text", names.toArray()));
      ps.executeUpdate();
    }
  }
}
