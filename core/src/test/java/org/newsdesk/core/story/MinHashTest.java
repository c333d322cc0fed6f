package org.newsdesk.core.story;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MinHashTest {

  private static final String[] WORDS =
      ("the of and to in a is that for on was with he it as his at by be from are this have an"
              + " which or had not but one were all their there been has when who will more no"
              + " if out so said what up its about into than them can only other new some could"
              + " time these two may then do first any my now such like our over man me even"
              + " most made after also did many before must through back years where much your"
              + " way well down should because each just those people how too little state good"
              + " very make world still own see men work long get here between both life being"
              + " under never day same another know while last might us great old year off come"
              + " since against go came right used take three flood minister river election vote")
          .split(" ");

  @Test
  void estimatesTheJaccardSimilarityOfTheShingleSets() {
    Random random = new Random(42);
    double errorSum = 0;
    double worst = 0;
    int pairs = 300;
    for (int n = 0; n < pairs; n++) {
      List<String> a = words(random, 40 + random.nextInt(300));
      List<String> b = new ArrayList<>(a);
      double change = random.nextDouble() * 0.6;
      for (int i = 0; i < b.size(); i++) {
        if (random.nextDouble() < change) {
          b.set(i, WORDS[random.nextInt(WORDS.length)]);
        }
      }
      String x = String.join(" ", a);
      String y = String.join(" ", b);
      double exact = jaccard(shingles(x), shingles(y));
      double estimate = MinHash.similarity(MinHash.of(x), MinHash.of(y));
      double error = Math.abs(estimate - exact);
      errorSum += error;
      worst = Math.max(worst, error);
    }
    // 64 positions: a standard error of at most sqrt(0.25 / 64) = 0.0625
    assertTrue(errorSum / pairs < 0.06, "mean error " + errorSum / pairs);
    assertTrue(worst < 0.3, "worst error " + worst);
  }

  @Test
  void copiesMatchAndDifferentTextsDoNot() {
    Random random = new Random(7);
    String story = String.join(" ", words(random, 250));
    String other = String.join(" ", words(random, 250));
    assertEquals(1.0, MinHash.similarity(MinHash.of(story), MinHash.of(story)));
    // the same copy with other punctuation and case, and a changed last sentence
    String republished = story.toUpperCase().replace(" the ", ", the ") + " Reporting by AP.";
    assertTrue(MinHash.similarity(MinHash.of(story), MinHash.of(republished)) >= 0.75);
    assertTrue(MinHash.similarity(MinHash.of(story), MinHash.of(other)) < 0.3);
  }

  @Test
  void shortTextsAreDensifiedAndEmptyOnesMatchNothing() {
    int[] headline = MinHash.of("Floods hit the river town");
    for (int v : headline) {
      assertTrue(v != Integer.MAX_VALUE, "every position filled");
    }
    assertArrayEquals(headline, MinHash.of("floods HIT the river-town!"));
    int[] empty = MinHash.of("  ...  ");
    assertEquals(0.0, MinHash.similarity(empty, empty));
    assertEquals(0.0, MinHash.similarity(empty, headline));
    assertEquals(0.0, MinHash.similarity(headline, null));
  }

  private static List<String> words(Random random, int n) {
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(WORDS[random.nextInt(WORDS.length)]);
    }
    return out;
  }

  private static Set<String> shingles(String text) {
    String norm = MinHash.normalise(text);
    Set<String> out = new HashSet<>();
    for (int i = 0; i + MinHash.SHINGLE <= norm.length(); i++) {
      out.add(norm.substring(i, i + MinHash.SHINGLE));
    }
    return out;
  }

  private static double jaccard(Set<String> a, Set<String> b) {
    Set<String> union = new HashSet<>(a);
    union.addAll(b);
    Set<String> both = new HashSet<>(a);
    both.retainAll(b);
    return union.isEmpty() ? 0 : both.size() / (double) union.size();
  }
}
