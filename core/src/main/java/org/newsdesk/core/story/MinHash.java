package org.newsdesk.core.story;

import java.util.Arrays;

/**
 * MinHash signatures of character 5-gram shingles of a normalised text (lower-cased, letters and
 * digits, single spaces): the share of equal positions of two signatures estimates the Jaccard
 * similarity of their shingle sets (64 positions: about ±0.06 at 0.8).
 *
 * <p>One-permutation hashing with optimal densification (Shrivastava, ICML 2017): each shingle is
 * hashed once and falls into one of the 64 bins by its hash, each bin keeps its smallest value, and
 * an empty bin takes the value of the first non-empty bin on its own fixed random probe sequence.
 * That costs one hash per shingle instead of one per shingle and position, for an estimate of the
 * same similarity. Signatures of the earlier scheme (64 hash functions) are not comparable with
 * these: compared, they share next to no position, so they never mark a copy.
 */
public final class MinHash {

  /** Signature length. */
  public static final int SIZE = 64;

  static final int SHINGLE = 5;

  private static final int BIN_BITS = 6;

  private static final long[] SEEDS = new long[SIZE];

  static {
    long x = 0x9E3779B97F4A7C15L;
    for (int i = 0; i < SIZE; i++) {
      x = mix(x + 0x9E3779B97F4A7C15L);
      SEEDS[i] = x;
    }
  }

  private MinHash() {}

  /** The signature of {@code text}; an empty text gives a signature that matches nothing. */
  public static int[] of(String text) {
    String norm = normalise(text);
    int[] bins = new int[SIZE];
    Arrays.fill(bins, Integer.MAX_VALUE);
    if (norm.length() < SHINGLE) {
      return bins;
    }
    for (int i = 0; i + SHINGLE <= norm.length(); i++) {
      long h = 1125899906842597L;
      for (int k = i; k < i + SHINGLE; k++) {
        h = 31 * h + norm.charAt(k);
      }
      long x = mix(h);
      int bin = (int) (x >>> (64 - BIN_BITS));
      // 30 bits apart from the bin's, never Integer.MAX_VALUE (the mark of an empty position)
      int v = (int) ((x >>> 1) & 0x3FFFFFFFL);
      if (v < bins[bin]) {
        bins[bin] = v;
      }
    }
    int[] sig = bins.clone();
    for (int j = 0; j < SIZE; j++) {
      if (bins[j] == Integer.MAX_VALUE) {
        sig[j] = bins[probe(bins, j)];
      }
    }
    return sig;
  }

  /** The first non-empty bin on the probe sequence of bin {@code j} (one bin is non-empty). */
  private static int probe(int[] bins, int j) {
    long x = SEEDS[j];
    for (int attempt = 0; attempt < 1024; attempt++) {
      x = mix(x + 0x9E3779B97F4A7C15L);
      int k = (int) (x >>> (64 - BIN_BITS));
      if (bins[k] != Integer.MAX_VALUE) {
        return k;
      }
    }
    // reached about once in 10^7 signatures with a single non-empty bin
    for (int k = 1; ; k++) {
      int b = (j + k) % SIZE;
      if (bins[b] != Integer.MAX_VALUE) {
        return b;
      }
    }
  }

  /** Estimated Jaccard similarity of the shingle sets behind two signatures. */
  public static double similarity(int[] a, int[] b) {
    if (a == null || b == null || a.length != b.length) {
      return 0;
    }
    int same = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i] == b[i] && a[i] != Integer.MAX_VALUE) {
        same++;
      }
    }
    return same / (double) a.length;
  }

  static String normalise(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(Math.min(text.length(), 2000));
    boolean space = true;
    for (int i = 0; i < text.length() && out.length() < 2000; i++) {
      char c = text.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        out.append(Character.toLowerCase(c));
        space = false;
      } else if (!space) {
        out.append(' ');
        space = true;
      }
    }
    return out.toString().strip();
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
