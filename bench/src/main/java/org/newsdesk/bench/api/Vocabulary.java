package org.newsdesk.bench.api;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Words of the generated corpus with a Zipf distribution, as in real text: stop words most often,
 * then common news words ("government" is the benchmark's common search term, in about half of the
 * articles), then a long tail of rarer made-up words. Tags come from a smaller skewed set.
 */
public final class Vocabulary {

  /** The full-text search term of the benchmark: a common word. */
  static final String COMMON_TERM = "government";

  private static final String STOP =
      "the of and to in a is that for on with as was at by it from be are has have said his"
          + " her an will not this but they its were which their been after who more would";

  private static final String NEWS =
      "government minister president officials police city people year week report state"
          + " country court election party million percent company market public security"
          + " health news water energy council budget prices workers plan vote law war"
          + " talks trade bank economy schools students children hospital research climate"
          + " border military forces attack leaders support crisis policy tax deal prime"
          + " national region local federal union team season match players coach league"
          + " game film music festival museum art study data technology online network"
          + " service transport airport train road bridge storm fire flood weather rain"
          + " summer winter history family village festival village mayor judge trial jury"
          + " prison rights protest strike growth inflation rates investors shares profit"
          + " sales oil gas power electricity nuclear wind solar carbon emissions forest"
          + " farmers food crops harvest drought virus vaccine doctors patients care"
          + " university science space launch satellite mission rocket scientists ocean"
          + " island coast ship port fishing tourism hotel visitors travel flights airline"
          + " housing rent homes construction building tower district streets traffic"
          + " parliament senate congress committee inquiry investigation evidence witness"
          + " agreement treaty summit embassy ambassador sanctions exports imports tariffs"
          + " currency debt deficit reform pension welfare jobs unemployment wages industry"
          + " factory cars electric batteries software internet phone social media platform"
          + " privacy court ruling appeal lawyers charges arrest suspect victims safety";

  private static final String[] SYLLABLES = {
    "ka", "lo", "mi", "ne", "ra", "ti", "vo", "sen", "dor", "mar", "lin", "bel", "tas", "ron",
    "gal", "fer", "qui", "zan", "pol", "hem", "sta", "bru", "cle", "dri", "ost", "ven", "ul", "ash"
  };

  private final String[] words;
  private final double[] cumulative;
  private final String[] tags;
  private final double[] tagCumulative;

  public Vocabulary(long seed) {
    Set<String> all = new LinkedHashSet<>();
    for (String w : STOP.split(" ")) {
      all.add(w);
    }
    for (String w : NEWS.split(" ")) {
      all.add(w);
    }
    SplittableRandom r = new SplittableRandom(seed);
    while (all.size() < 30_000) {
      int n = 2 + r.nextInt(3);
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < n; i++) {
        b.append(SYLLABLES[r.nextInt(SYLLABLES.length)]);
      }
      all.add(b.toString());
    }
    words = all.toArray(String[]::new);
    cumulative = cumulative(words.length, 1.0, 2);
    List<String> tagList = new ArrayList<>();
    for (String w : NEWS.split(" ")) {
      if (!tagList.contains(w)) {
        tagList.add(w);
      }
    }
    tags = tagList.toArray(String[]::new);
    tagCumulative = cumulative(tags.length, 1.0, 3);
  }

  public String word(SplittableRandom r) {
    return words[pick(cumulative, r.nextDouble())];
  }

  /** A word of the rare tail (beyond the 1,000 most frequent), uniformly: names of one event. */
  public String rare(SplittableRandom r) {
    return words[1000 + r.nextInt(words.length - 1000)];
  }

  public String tag(SplittableRandom r) {
    return tags[pick(tagCumulative, r.nextDouble())];
  }

  /** Cumulative weights 1/(rank + offset)^exponent, normalised to end at 1. */
  static double[] cumulative(int n, double exponent, double offset) {
    double[] c = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += 1 / Math.pow(i + offset, exponent);
      c[i] = sum;
    }
    for (int i = 0; i < n; i++) {
      c[i] /= sum;
    }
    return c;
  }

  /** The index whose cumulative weight first reaches {@code u} (0 ≤ u < 1). */
  static int pick(double[] cumulative, double u) {
    int lo = 0;
    int hi = cumulative.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] < u) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
