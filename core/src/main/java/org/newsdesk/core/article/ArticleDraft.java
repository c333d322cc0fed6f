package org.newsdesk.core.article;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * An article as an importer hands it to the domain: already clean, not yet stored.
 *
 * @param identity what makes it the same article on a later import (never blank)
 * @param content sanitized HTML
 * @param text plain text of the content
 * @param tags plain-text tags, in source order
 */
public record ArticleDraft(
    String identity,
    String url,
    String externalId,
    String title,
    String summary,
    String content,
    String text,
    String byline,
    String credit,
    String imageUrl,
    String imageCaption,
    Instant publishedAt,
    Instant updatedAt,
    String language,
    List<String> tags) {

  public ArticleDraft {
    Objects.requireNonNull(identity, "identity");
    if (identity.isBlank()) {
      throw new IllegalArgumentException("identity must not be blank");
    }
    tags = tags == null ? List.of() : List.copyOf(tags);
  }

  /** A stable hash of every stored field: equal hashes mean an unchanged article. */
  public String contentHash() {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    for (Object part :
        new Object[] {
          url,
          externalId,
          title,
          summary,
          content,
          text,
          byline,
          credit,
          imageUrl,
          imageCaption,
          publishedAt,
          updatedAt,
          language,
          String.join("\u001f", tags)
        }) {
      sha.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0x1e);
    }
    return HexFormat.of().formatHex(sha.digest());
  }
}
