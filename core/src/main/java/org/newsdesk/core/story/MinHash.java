package org.newsdesk.core.story;

import java.util.Arrays;

/**
 * MinHash signatures of character 5-gram shingles of a normalised text (lower-cased, letters and
 * digits, single spaces): the share of equal positions of two signatures estimates the Jaccard
 * similarity of their shingle sets (64 positions: about ±0.06 at 0.8).
 */
public final class MinHash {

  /** Signature length. */
  public static final int SIZE = 64;

  static final int SHINGLE = 5;

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
    int[] sig = new int[SIZE];
    Arrays.fill(sig, Integer.MAX_VALUE);
    if (norm.length() < SHINGLE) {
      return sig;
    }
    for (int i = 0; i + SHINGLE <= norm.length(); i++) {
      long h = 1125899906842597L;
      for (int k = i; k < i + SHINGLE; k++) {
        h = 31 * h + norm.charAt(k);
      }
      for (int j = 0; j < SIZE; j++) {
        int v = (int) (mix(h ^ SEEDS[j]) >>> 33);
        if (v < sig[j]) {
          sig[j] = v;
        }
      }
    }
    return sig;
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
