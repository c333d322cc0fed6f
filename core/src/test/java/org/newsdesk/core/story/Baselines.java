package org.newsdesk.core.story;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

/** The reference systems of the evaluation: TF-IDF cosine on titles, and Lucene's MoreLikeThis. */
final class Baselines {

  /** One article of the data set. */
  record Doc(String id, String title, String text, int day, String source, String story) {}

  private Baselines() {}

  /**
   * TF-IDF cosine (1 + ln tf, smoothed idf ln((1 + n) / (1 + df)) + 1, English stop words out),
   * candidates within ±{@code days} days, ties by id; the ids of the best 10 per query.
   */
  static Map<String, List<String>> tfIdf(List<Doc> docs, List<Doc> queries, int days) {
    Map<String, Integer> termIds = new HashMap<>();
    List<int[]> docTerms = new ArrayList<>();
    List<float[]> docWeights = new ArrayList<>();
    List<Map<Integer, Integer>> counts = new ArrayList<>();
    Map<Integer, Integer> df = new HashMap<>();
    for (Doc d : docs) {
      Map<Integer, Integer> tf = new HashMap<>();
      for (String w : words(d.title() + " " + d.text())) {
        tf.merge(termIds.computeIfAbsent(w, k -> termIds.size()), 1, Integer::sum);
      }
      tf.keySet().forEach(t -> df.merge(t, 1, Integer::sum));
      counts.add(tf);
    }
    int n = docs.size();
    List<List<Integer>> postings = new ArrayList<>();
    for (int i = 0; i < termIds.size(); i++) {
      postings.add(new ArrayList<>());
    }
    for (int i = 0; i < docs.size(); i++) {
      Map<Integer, Integer> tf = counts.get(i);
      int[] t = new int[tf.size()];
      float[] w = new float[tf.size()];
      double norm = 0;
      int k = 0;
      for (var e : tf.entrySet()) {
        t[k] = e.getKey();
        double idf = Math.log((1.0 + n) / (1.0 + df.get(e.getKey()))) + 1;
        w[k] = (float) ((1 + Math.log(e.getValue())) * idf);
        norm += w[k] * w[k];
        k++;
      }
      for (int j = 0; j < w.length; j++) {
        w[j] /= (float) Math.sqrt(norm);
        postings.get(t[j]).add(i);
      }
      docTerms.add(t);
      docWeights.add(w);
    }
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < docs.size(); i++) {
      index.put(docs.get(i).id(), i);
    }
    Map<String, List<String>> out = new HashMap<>();
    double[] acc = new double[docs.size()];
    for (Doc q : queries) {
      int qi = index.get(q.id());
      List<Integer> touched = new ArrayList<>();
      int[] t = docTerms.get(qi);
      float[] w = docWeights.get(qi);
      for (int j = 0; j < t.length; j++) {
        for (int di : postings.get(t[j])) {
          if (di == qi || Math.abs(docs.get(di).day() - q.day()) > days) {
            continue;
          }
          if (acc[di] == 0) {
            touched.add(di);
          }
          acc[di] += w[j] * weightOf(docTerms.get(di), docWeights.get(di), t[j]);
        }
      }
      touched.sort(
          (a, b) -> {
            int c = Double.compare(acc[b], acc[a]);
            return c != 0 ? c : docs.get(a).id().compareTo(docs.get(b).id());
          });
      List<String> top = new ArrayList<>();
      for (int k = 0; k < Math.min(10, touched.size()); k++) {
        top.add(docs.get(touched.get(k)).id());
      }
      for (int di : touched) {
        acc[di] = 0;
      }
      out.put(q.id(), top);
    }
    return out;
  }

  private static float weightOf(int[] terms, float[] weights, int term) {
    for (int i = 0; i < terms.length; i++) {
      if (terms[i] == term) {
        return weights[i];
      }
    }
    return 0;
  }

  static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (w.length() >= 2 && !Terms.STOP.contains(w)) {
        out.add(w);
      }
    }
    return out;
  }

  /**
   * Lucene's MoreLikeThis over the titles (English analyzer: stop words, Porter stemming), every
   * term counted (min term and document frequency 1), candidates within ±{@code days} days.
   */
  static Map<String, List<String>> moreLikeThis(List<Doc> docs, List<Doc> queries, int days) {
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
        EnglishAnalyzer analyzer = new EnglishAnalyzer()) {
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
        for (Doc d : docs) {
          Document doc = new Document();
          doc.add(new StringField("id", d.id(), Field.Store.YES));
          doc.add(new TextField("title", d.title() + " " + d.text(), Field.Store.NO));
          doc.add(new IntPoint("day", d.day()));
          doc.add(new StoredField("dayValue", d.day()));
          w.addDocument(doc);
        }
      }
      Map<String, List<String>> out = new HashMap<>();
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        MoreLikeThis mlt = new MoreLikeThis(reader);
        mlt.setAnalyzer(analyzer);
        mlt.setFieldNames(new String[] {"title"});
        mlt.setMinTermFreq(1);
        mlt.setMinDocFreq(1);
        mlt.setMinWordLen(2);
        for (Doc q : queries) {
          Query like = mlt.like("title", new StringReader(q.title() + " " + q.text()));
          Query query =
              new BooleanQuery.Builder()
                  .add(like, BooleanClause.Occur.MUST)
                  .add(
                      IntPoint.newRangeQuery("day", q.day() - days, q.day() + days),
                      BooleanClause.Occur.FILTER)
                  .add(new TermQuery(new Term("id", q.id())), BooleanClause.Occur.MUST_NOT)
                  .build();
          List<String> top = new ArrayList<>();
          for (ScoreDoc sd : searcher.search(query, 10).scoreDocs) {
            top.add(searcher.storedFields().document(sd.doc).get("id"));
          }
          out.put(q.id(), top);
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
