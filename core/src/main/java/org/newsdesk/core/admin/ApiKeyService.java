package org.newsdesk.core.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Creates, lists, revokes and checks API keys. A key is {@code ndk_} and 32 random bytes in
 * URL-safe Base64; only its SHA-256 is stored, so a key is shown once, when it is created.
 */
@ApplicationScoped
public class ApiKeyService {

  /** Every key starts with this, so that a leaked key is recognisable (for secret scanners). */
  public static final String PREFIX = "ndk_";

  private static final SecureRandom RANDOM = new SecureRandom();

  private final EntityManager em;

  public ApiKeyService(EntityManager em) {
    this.em = em;
  }

  /** A key that was just created: the only moment the key itself is known. */
  public record CreatedKey(ApiKeyInfo info, String key) {}

  /** Who a key belongs to, when it authenticates. */
  public record KeyHolder(String name, ApiKeyRole role) {}

  /**
   * Creates a live key named {@code name}.
   *
   * @throws IllegalArgumentException when the name is blank, too long, or a live key has it
   */
  @Transactional
  public CreatedKey create(String name, ApiKeyRole role) {
    String n = name == null ? "" : name.strip();
    if (n.isEmpty() || n.length() > 100) {
      throw new IllegalArgumentException("A key name has 1 to 100 characters.");
    }
    if (live(n).isPresent()) {
      throw new IllegalArgumentException("A live key is already named " + n + ".");
    }
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    ApiKey k = new ApiKey();
    k.name = n;
    k.keyHash = hash(key);
    k.role = role.roleName();
    em.persist(k);
    em.flush();
    return new CreatedKey(ApiKeyInfo.of(k), key);
  }

  /** Every key, live and revoked, oldest first. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ApiKeyInfo> list() {
    return em
        .createQuery("from ApiKey order by createdAt, id", ApiKey.class)
        .getResultList()
        .stream()
        .map(ApiKeyInfo::of)
        .toList();
  }

  /** Revokes the live key named {@code name}; false when there is none. */
  @Transactional
  public boolean revoke(String name) {
    return em.createQuery(
                "update ApiKey set revokedAt = current_timestamp where name = ?1 and revokedAt is null")
            .setParameter(1, name == null ? "" : name.strip())
            .executeUpdate()
        > 0;
  }

  /**
   * The holder of {@code key} when it is a live key; records the use (at most once a minute per
   * key, so that reads do not turn into a write each).
   */
  @Transactional
  public Optional<KeyHolder> authenticate(String key) {
    if (key == null || !key.startsWith(PREFIX) || key.length() > 200) {
      return Optional.empty();
    }
    List<ApiKey> found =
        em.createQuery("from ApiKey where keyHash = ?1 and revokedAt is null", ApiKey.class)
            .setParameter(1, hash(key))
            .getResultList();
    if (found.isEmpty()) {
      return Optional.empty();
    }
    ApiKey k = found.get(0);
    em.createNativeQuery(
            "UPDATE api_key SET last_used_at = now() WHERE id = ?1"
                + " AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')")
        .setParameter(1, k.id)
        .executeUpdate();
    return Optional.of(new KeyHolder(k.name, ApiKeyRole.of(k.role)));
  }

  private Optional<ApiKey> live(String name) {
    return em.createQuery("from ApiKey where name = ?1 and revokedAt is null", ApiKey.class)
        .setParameter(1, name)
        .getResultStream()
        .findFirst();
  }

  /** SHA-256 of {@code text} (UTF-8), lowercase hex. */
  public static String hash(String text) {
    return HexFormat.of().formatHex(sha256(text));
  }

  /** SHA-256 of {@code text} (UTF-8). */
  public static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
