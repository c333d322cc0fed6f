package org.newsdesk.core.story;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The metrics of the related-stories data set's README, macro-averaged over queries: P@5, R@10,
 * nDCG@10 (binary gain) and MRR@10; and clustering quality (pairwise and B-cubed).
 */
final class RankingMetrics {

  private double p5;
  private double r10;
  private double ndcg;
  private double mrr;
  private int queries;

  /** Adds one query's ranked list against its relevant set (the query itself excluded). */
  void add(List<String> ranked, Set<String> relevant) {
    int hits5 = 0;
    int hits10 = 0;
    double dcg = 0;
    double rr = 0;
    for (int k = 0; k < Math.min(10, ranked.size()); k++) {
      if (relevant.contains(ranked.get(k))) {
        if (k < 5) {
          hits5++;
        }
        hits10++;
        dcg += 1 / log2(k + 2);
        if (rr == 0) {
          rr = 1.0 / (k + 1);
        }
      }
    }
    double ideal = 0;
    for (int k = 0; k < Math.min(10, relevant.size()); k++) {
      ideal += 1 / log2(k + 2);
    }
    p5 += hits5 / 5.0;
    r10 += relevant.isEmpty() ? 0 : hits10 / (double) relevant.size();
    ndcg += ideal == 0 ? 0 : dcg / ideal;
    mrr += rr;
    queries++;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  int queries() {
    return queries;
  }

  String row(String name) {
    return String.format(
        "| %-44s | %6d | %.3f | %.3f | %.3f | %.3f |",
        name, queries, p5 / queries, r10 / queries, ndcg / queries, mrr / queries);
  }

  double p5() {
    return p5 / queries;
  }

  /** Clustering quality of predicted clusters against labels, over the given items. */
  record Clustering(
      double pairP, double pairR, double pairF1, double b3P, double b3R, double b3F1) {

    static Clustering of(
        Collection<String> items, Map<String, String> predicted, Map<String, String> label) {
      Map<String, Integer> predSize = new HashMap<>();
      Map<String, Integer> labelSize = new HashMap<>();
      Map<String, Integer> both = new HashMap<>();
      for (String i : items) {
        String p = predicted.getOrDefault(i, "none:" + i);
        String l = label.get(i);
        predSize.merge(p, 1, Integer::sum);
        labelSize.merge(l, 1, Integer::sum);
        both.merge(p + "\u0000" + l, 1, Integer::sum);
      }
      double tp = 0;
      for (int n : both.values()) {
        tp += n * (n - 1) / 2.0;
      }
      double predPairs = 0;
      for (int n : predSize.values()) {
        predPairs += n * (n - 1) / 2.0;
      }
      double labelPairs = 0;
      for (int n : labelSize.values()) {
        labelPairs += n * (n - 1) / 2.0;
      }
      double pp = predPairs == 0 ? 0 : tp / predPairs;
      double pr = labelPairs == 0 ? 0 : tp / labelPairs;
      double bp = 0;
      double br = 0;
      for (String i : items) {
        String p = predicted.getOrDefault(i, "none:" + i);
        String l = label.get(i);
        int n = both.get(p + "\u0000" + l);
        bp += n / (double) predSize.get(p);
        br += n / (double) labelSize.get(l);
      }
      bp /= items.size();
      br /= items.size();
      return new Clustering(pp, pr, f1(pp, pr), bp, br, f1(bp, br));
    }

    private static double f1(double p, double r) {
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    String row(String name) {
      return String.format(
          "| %-10s | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |",
          name, pairP, pairR, pairF1, b3P, b3R, b3F1);
    }
  }
}
