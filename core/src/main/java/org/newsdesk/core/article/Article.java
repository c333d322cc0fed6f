package org.newsdesk.core.article;

import jakarta.persistence.Basic;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import org.newsdesk.core.source.Source;

/** One article of one source. Unique per (source, identity). */
@Entity
@Table(name = "article")
public class Article {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "source_id", nullable = false)
  public Source source;

  /** What makes this the same article on a later import: guid, else canonical URL, else hash. */
  @Column(nullable = false)
  public String identity;

  public String url;

  @Column(name = "external_id")
  public String externalId;

  @Column(nullable = false)
  public String title;

  public String summary;

  /**
   * Sanitized HTML. Loaded on first access (with {@link #text}), not with every listing: lists read
   * it through {@link ArticleRepository#bodies} when a client asks for it.
   */
  @Basic(fetch = FetchType.LAZY)
  public String content;

  /** Plain text of the content, for search and related stories; loaded like {@link #content}. */
  @Basic(fetch = FetchType.LAZY)
  public String text;

  public String byline;

  /** Wire agency credited for the copy, such as {@code AP}. */
  public String credit;

  @Column(name = "image_url")
  public String imageUrl;

  @Column(name = "image_caption")
  public String imageCaption;

  @Column(name = "published_at")
  public Instant publishedAt;

  @Column(name = "updated_at")
  public Instant updatedAt;

  @Column(name = "first_seen_at", nullable = false)
  public Instant firstSeenAt;

  /** Publication instant, or first-seen instant when the source gave none: the listing key. */
  @Column(name = "sort_at", nullable = false)
  public Instant sortAt;

  public String language;

  /** Hash of everything imported for this article: an unchanged re-import writes nothing. */
  @Column(name = "content_hash", nullable = false)
  public String contentHash;

  @ElementCollection(fetch = FetchType.LAZY)
  @CollectionTable(name = "article_tag", joinColumns = @JoinColumn(name = "article_id"))
  @Column(name = "tag", nullable = false)
  public Set<String> tags = new LinkedHashSet<>();
}
