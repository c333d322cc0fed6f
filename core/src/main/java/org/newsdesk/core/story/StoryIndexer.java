package org.newsdesk.core.story;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Assigns each stored article to a story and computes its related list, incrementally, in batches
 * taken from the queue that storing fills (see {@link StoryAssigner} and the README, "Related
 * stories"):
 *
 * <ol>
 *   <li>terms with weights (1 + ln tf) x idf, idf = ln(1 + N / df) from the kept document
 *       frequencies; the strongest {@code keptTerms} form the article's vector;
 *   <li>candidates: articles within ±{@code windowHours} sharing the most of the article's {@code
 *       lookupTerms} most selective terms in the inverted index;
 *   <li>score: cosine x time factor; a MinHash estimate of at least {@code duplicateThreshold}
 *       marks the same wire copy;
 *   <li>story: the candidates' story with the best max(centroid cosine, {@code linkWeight} x best
 *       member score) if it reaches {@code storyThreshold}, else a new story;
 *   <li>related: candidates and the story's members, same-story ones lifted by {@code storyBonus};
 *       the article's list is stored and it enters the lists of those it relates to.
 * </ol>
 *
 * A transaction-level advisory lock serialises assignment across replicas, so two importers never
 * open two stories for one event.
 */
@ApplicationScoped
public class StoryIndexer {

  private static final Logger LOG = Logger.getLogger(StoryIndexer.class);
  private static final int MEMBERS = 50;

  private final StoryRepository repo;
  private final StoryConfig config;
  private final Terms.Params params;

  public StoryIndexer(StoryRepository repo, StoryConfig config) {
    this.repo = repo;
    this.config = config;
    this.params =
        new Terms.Params(
            config.titleWeight(),
            config.bodyWeight(),
            config.entityBoost(),
            config.pairWeight(),
            1.5,
            4000);
  }

  /** How many articles wait for assignment, those being assigned included. */
  public long queued() {
    return repo.queued();
  }

  /** Queues articles for assignment, in the caller's (storing) transaction. */
  public void enqueue(Collection<Long> ids) {
    if (!ids.isEmpty()) {
      repo.enqueue(ids);
    }
  }

  /**
   * Takes the first {@code limit} queued articles that no other replica holds, assigns them and
   * removes them from the queue, on the connection of the caller's transaction (which holds the
   * assignment lock from then until it ends).
   *
   * @return how many articles were assigned; 0 when none was queued
   */
  public int assignQueued(int limit) {
    List<Long> ids = repo.takeQueued(limit);
    if (ids.isEmpty()) {
      return 0;
    }
    index(ids);
    repo.dequeue(ids);
    return ids.size();
  }

  /**
   * Assigns articles to stories and computes their related lists (again, for articles that have
   * them). The articles are taken in order of time, each seeing those before it, as if stored one
   * by one; the database is read and written a bounded number of times per batch, not per article.
   */
  private void index(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return;
    }
    long start = System.nanoTime();
    // Terms and signatures depend on the text alone: computed before the lock.
    List<Doc> docs = new ArrayList<>();
    for (StoryRepository.Text t : repo.texts(ids)) {
      docs.add(
          new Doc(
              t,
              Terms.of(t.title(), t.summary(), t.body(), params),
              MinHash.of(join(t.title(), t.summary(), t.body()))));
    }
    repo.lockAssignment();
    new Batch(docs).run();
    LOG.debugf(
        "Assigned %d articles in %.1f ms", (Object) ids.size(), (System.nanoTime() - start) / 1e6);
  }

  /** A candidate with its scores against the new article. */
  private record Scored(Features f, double cosine, double time, double copy) {}

  /** One article of a batch, through the steps of its assignment. */
  private static final class Doc {
    final StoryRepository.Text t;
    final Terms.Weighted w;
    final int[] minhash;
    Features old;
    Map<String, Integer> df;
    Map<String, Double> unit;
    String[] terms;
    float[] weights;
    double norm;
    List<String> indexed;
    List<String> lookup;
    Map<Long, Scored> scored;
    long storyId;
    List<Map.Entry<String, Double>> cut;
    Features self;

    Doc(StoryRepository.Text t, Terms.Weighted w, int[] minhash) {
      this.t = t;
      this.w = w;
      this.minhash = minhash;
    }
  }

  /**
   * The assignment of one batch: reads up front, articles in order in memory, writes at the end.
   */
  private final class Batch {
    private final List<Doc> docs;
    private final List<Long> ids = new ArrayList<>();

    /** Centroids of the stories read or changed so far, as the next article sees them. */
    private final Map<Long, StoryRepository.Centroid> stories = new HashMap<>();

    /** The batch's own inverted index: term to the articles assigned so far that index it. */
    private final Map<String, List<Integer>> postings = new HashMap<>();

    /** The stories the batch opens, under negative placeholder ids: when each was first seen. */
    private final Map<Long, Instant> opened = new LinkedHashMap<>();

    private final Map<Long, StoryRepository.StoryUpdate> changes = new LinkedHashMap<>();

    Batch(List<Doc> docs) {
      this.docs = docs;
      for (Doc d : docs) {
        ids.add(d.t.id());
      }
    }

    void run() {
      // Articles assigned before (their content changed) keep their story and original.
      Map<Long, Features> olds = repo.features(ids);
      List<Long> rewritten = new ArrayList<>();
      for (Doc d : docs) {
        d.old = olds.get(d.t.id());
        if (d.old != null) {
          rewritten.add(d.t.id());
        }
      }
      frequencies();
      Duration window = Duration.ofHours(config.windowHours());
      List<StoryRepository.Lookup> lookups = new ArrayList<>();
      for (int i = 0; i < docs.size(); i++) {
        Doc d = docs.get(i);
        vector(d);
        if (!d.lookup.isEmpty()) {
          lookups.add(
              new StoryRepository.Lookup(
                  i, d.lookup, d.t.at().minus(window), d.t.at().plus(window)));
        }
      }
      Map<Integer, List<StoryRepository.Candidate>> stored = storedCandidates(lookups, rewritten);
      Set<Long> known = new HashSet<>();
      for (List<StoryRepository.Candidate> l : stored.values()) {
        for (StoryRepository.Candidate c : l) {
          if (c.features().storyId() != null) {
            known.add(c.features().storyId());
          }
        }
      }
      for (Doc d : docs) {
        if (d.old != null && d.old.storyId() != null) {
          known.add(d.old.storyId());
        }
      }
      stories.putAll(repo.centroids(known));

      for (int i = 0; i < docs.size(); i++) {
        assign(i, stored.getOrDefault(i, List.of()), window);
      }

      Set<Long> chosen = new LinkedHashSet<>();
      for (Doc d : docs) {
        if (d.storyId > 0) {
          chosen.add(d.storyId);
        }
      }
      Map<Long, List<Features>> members = repo.members(chosen, ids, MEMBERS);
      List<StoryRepository.RelatedRow> rows = new ArrayList<>();
      for (int i = 0; i < docs.size(); i++) {
        rows.addAll(relate(i, members.getOrDefault(docs.get(i).storyId, List.of())));
      }

      write(rewritten, rows);
    }

    /**
     * The stored candidates of each lookup (by its article's index in the batch), their features
     * read once however many articles of the batch they are candidates of. Of the batch's own
     * articles only those assigned before ({@code indexed}) have index entries to leave out.
     */
    private Map<Integer, List<StoryRepository.Candidate>> storedCandidates(
        List<StoryRepository.Lookup> lookups, List<Long> indexed) {
      List<StoryRepository.Hit> hits = repo.candidates(lookups, indexed, config.candidates());
      Set<Long> hitIds = new HashSet<>();
      for (StoryRepository.Hit h : hits) {
        hitIds.add(h.articleId());
      }
      Map<Long, Features> features = repo.features(hitIds);
      Map<Integer, List<StoryRepository.Candidate>> stored = new HashMap<>();
      for (StoryRepository.Hit h : hits) {
        Features f = features.get(h.articleId());
        if (f != null) {
          stored
              .computeIfAbsent(h.index(), k -> new ArrayList<>())
              .add(new StoryRepository.Candidate(h.shared(), f));
        }
      }
      return stored;
    }

    /**
     * The batch's writes: the stories it opens (under ids reserved now), the features and index
     * entries, the stories' new state, the related rows.
     */
    private void write(List<Long> rewritten, List<StoryRepository.RelatedRow> rows) {
      Map<Long, Long> real = new HashMap<>();
      if (!opened.isEmpty()) {
        List<Long> reserved = repo.reserveStoryIds(opened.size());
        Map<Long, Instant> created = new LinkedHashMap<>();
        for (var e : opened.entrySet()) {
          long id = reserved.get(real.size());
          real.put(e.getKey(), id);
          created.put(id, e.getValue());
        }
        repo.createStories(created);
      }
      List<Features> features = new ArrayList<>();
      List<List<String>> indexed = new ArrayList<>();
      for (Doc d : docs) {
        Features f = d.self;
        features.add(d.storyId < 0 ? f.withStory(real.get(d.storyId), f.duplicateOf()) : f);
        indexed.add(d.indexed);
      }
      repo.saveFeatures(features, indexed, rewritten);
      List<StoryRepository.StoryUpdate> updates = new ArrayList<>();
      for (StoryRepository.StoryUpdate u : changes.values()) {
        updates.add(u.storyId() < 0 ? u.withStory(real.get(u.storyId())) : u);
      }
      repo.updateStories(updates);
      repo.saveRelated(rewritten, rows, config.relatedSize());
    }

    /**
     * Document frequencies: one update for the batch, then for each article the frequencies it
     * would have seen stored alone, after those before it and itself.
     */
    private void frequencies() {
      Map<String, Integer> increments = new HashMap<>();
      Set<String> others = new HashSet<>();
      int counted = 0;
      for (Doc d : docs) {
        if (d.old == null) {
          counted++;
          for (String term : d.w.tf().keySet()) {
            increments.merge(term, 1, Integer::sum);
          }
        } else {
          others.addAll(d.w.tf().keySet());
        }
      }
      if (counted > 0) {
        increments.put("", counted);
      } else {
        others.add("");
      }
      others.removeAll(increments.keySet());
      Map<String, Integer> running = new HashMap<>(repo.countTerms(increments, others));
      increments.forEach((term, n) -> running.merge(term, -n, Integer::sum));
      for (Doc d : docs) {
        if (d.old == null) {
          running.merge("", 1, Integer::sum);
          for (String term : d.w.tf().keySet()) {
            running.merge(term, 1, Integer::sum);
          }
        }
        Map<String, Integer> df = new HashMap<>(d.w.tf().size() * 2);
        for (String term : d.w.tf().keySet()) {
          Integer n = running.get(term);
          if (n != null && n > 0) {
            df.put(term, n);
          }
        }
        Integer all = running.get("");
        if (all != null && all > 0) {
          df.put("", all);
        }
        d.df = df;
      }
    }

    /** The article's tf-idf vector, its index entries and its lookup terms. */
    private void vector(Doc d) {
      Map<String, Integer> df = d.df;
      double n = Math.max(1, df.getOrDefault("", 1));
      List<Map.Entry<String, Double>> weighted = new ArrayList<>();
      for (Map.Entry<String, Double> e : d.w.tf().entrySet()) {
        double tf = e.getValue();
        double sub = tf <= 1 ? tf : 1 + Math.log(tf);
        double idf = Math.log(1 + n / Math.max(1, df.getOrDefault(e.getKey(), 1)));
        weighted.add(Map.entry(e.getKey(), sub * idf));
      }
      weighted.sort(
          Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry::getKey));
      if (weighted.size() > config.keptTerms()) {
        weighted = new ArrayList<>(weighted.subList(0, config.keptTerms()));
      }
      double norm = 0;
      for (var e : weighted) {
        norm += e.getValue() * e.getValue();
      }
      norm = Math.sqrt(norm);
      d.norm = norm;
      d.unit = new HashMap<>();
      d.terms = new String[weighted.size()];
      d.weights = new float[weighted.size()];
      for (int i = 0; i < weighted.size(); i++) {
        var e = weighted.get(i);
        d.terms[i] = e.getKey();
        d.weights[i] = e.getValue().floatValue();
        d.unit.put(e.getKey(), norm == 0 ? 0 : e.getValue() / norm);
      }

      // The most selective terms that some other article has, for the lookup; the strongest words
      // and entities for the index (pairs are scored, not looked up).
      d.lookup = new ArrayList<>();
      d.indexed = new ArrayList<>();
      List<Map.Entry<String, Double>> bySelectivity = new ArrayList<>();
      for (var e : weighted) {
        if (e.getKey().startsWith(Terms.PAIR)) {
          continue;
        }
        if (d.indexed.size() < config.indexedTerms()) {
          d.indexed.add(e.getKey());
        }
        if (df.getOrDefault(e.getKey(), 1) > (d.old == null ? 1 : 0)) {
          bySelectivity.add(e);
        }
      }
      for (int i = 0; i < bySelectivity.size() && d.lookup.size() < config.lookupTerms(); i++) {
        d.lookup.add(bySelectivity.get(i).getKey());
      }
    }

    /**
     * Candidates, near-duplicate and story of article {@code i}: the stored candidates merged with
     * the articles of the batch before it, as the index would have returned them.
     */
    private void assign(int i, List<StoryRepository.Candidate> stored, Duration window) {
      Doc d = docs.get(i);
      StoryRepository.Text t = d.t;
      List<StoryRepository.Candidate> all = new ArrayList<>(stored);
      if (!d.lookup.isEmpty()) {
        Instant from = t.at().minus(window);
        Instant to = t.at().plus(window);
        Map<Integer, Integer> shared = new LinkedHashMap<>();
        for (String term : d.lookup) {
          for (int j : postings.getOrDefault(term, List.of())) {
            shared.merge(j, 1, Integer::sum);
          }
        }
        for (Map.Entry<Integer, Integer> e : shared.entrySet()) {
          Doc other = docs.get(e.getKey());
          if (other.t.id() != t.id() && !other.t.at().isBefore(from) && !other.t.at().isAfter(to)) {
            all.add(new StoryRepository.Candidate(e.getValue(), other.self));
          }
        }
        all.sort(
            Comparator.comparingInt(StoryRepository.Candidate::shared)
                .reversed()
                .thenComparing(
                    Comparator.comparingLong(
                            (StoryRepository.Candidate c) -> c.features().articleId())
                        .reversed()));
        if (all.size() > config.candidates()) {
          all = all.subList(0, config.candidates());
        }
      }

      d.scored = new LinkedHashMap<>();
      for (StoryRepository.Candidate c : all) {
        d.scored.put(c.features().articleId(), score(c.features(), d.unit, d.minhash, t.at()));
      }

      // The same copy: the closest candidate above the threshold; the original is the first stored.
      Scored copy = null;
      for (Scored s : d.scored.values()) {
        if (s.copy() >= config.duplicateThreshold() && (copy == null || s.copy() > copy.copy())) {
          copy = s;
        }
      }
      Long duplicateOf =
          copy == null
              ? null
              : copy.f().duplicateOf() != null ? copy.f().duplicateOf() : copy.f().articleId();

      Features old = d.old;
      Long storyId = old == null ? null : old.storyId();
      StoryRepository.Centroid centroid = null;
      if (storyId == null && copy != null && copy.f().storyId() != null) {
        storyId = copy.f().storyId();
      }
      if (storyId == null) {
        Map<Long, Double> bestLink = new HashMap<>();
        for (Scored s : d.scored.values()) {
          if (s.f().storyId() != null) {
            bestLink.merge(s.f().storyId(), s.cosine() * s.time(), Math::max);
          }
        }
        double best = config.storyThreshold();
        for (Long id : bestLink.keySet()) {
          StoryRepository.Centroid st = stories.get(id);
          if (st == null) {
            continue;
          }
          double cos = centroidCosine(st, d.unit) * time(t.at(), st);
          double value = Math.max(cos, config.linkWeight() * bestLink.get(st.id()));
          if (value >= best) {
            best = value;
            storyId = st.id();
            centroid = st;
          }
        }
      }
      if (storyId != null && centroid == null) {
        centroid = stories.get(storyId);
      }

      // Centroid: the sum of the members' unit vectors, cut to the strongest terms.
      Map<String, Double> sum = new HashMap<>();
      if (centroid != null) {
        for (int k = 0; k < centroid.terms().length; k++) {
          sum.put(centroid.terms()[k], (double) centroid.weights()[k]);
        }
      }
      if (old == null || old.storyId() == null) {
        d.unit.forEach((k, v) -> sum.merge(k, v, Double::sum));
      }
      List<Map.Entry<String, Double>> cut = new ArrayList<>(sum.entrySet());
      cut.sort(
          Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry::getKey));
      if (cut.size() > config.keptTerms()) {
        cut = cut.subList(0, config.keptTerms());
      }
      d.cut = cut;
      String[] centroidTerms = new String[cut.size()];
      float[] centroidWeights = new float[cut.size()];
      for (int k = 0; k < cut.size(); k++) {
        centroidTerms[k] = cut.get(k).getKey();
        centroidWeights[k] = cut.get(k).getValue().floatValue();
      }
      if (storyId == null) {
        // a placeholder until the batch's new stories get their ids, at the end
        storyId = -1L - opened.size();
        opened.put(storyId, t.at());
      }
      d.storyId = storyId;
      Instant first = centroid == null || t.at().isBefore(centroid.firstSeen()) ? t.at() : null;
      Instant last = centroid == null || t.at().isAfter(centroid.lastSeen()) ? t.at() : null;
      stories.put(
          storyId,
          new StoryRepository.Centroid(
              storyId,
              centroidTerms,
              centroidWeights,
              first != null ? first : centroid.firstSeen(),
              last != null ? last : centroid.lastSeen(),
              centroid == null ? 1 : centroid.size() + 1));

      d.self =
          new Features(
              t.id(),
              t.sourceId(),
              t.at(),
              d.terms,
              d.weights,
              (float) d.norm,
              d.w.entities(),
              d.minhash,
              storyId,
              old != null ? old.duplicateOf() : duplicateOf);
      for (String term : new LinkedHashSet<>(d.indexed)) {
        postings.computeIfAbsent(term, k -> new ArrayList<>()).add(i);
      }
    }

    /**
     * The story's members as article {@code i} sees them (stored ones and those of the batch before
     * it), its headline and the related rows the article brings.
     */
    private List<StoryRepository.RelatedRow> relate(int i, List<Features> stored) {
      Doc d = docs.get(i);
      List<Features> members = new ArrayList<>(stored);
      for (int j = 0; j < i; j++) {
        Features e = docs.get(j).self;
        if (e.storyId() == d.storyId) {
          members.add(e);
        }
      }
      members.sort(
          Comparator.comparing(Features::at).thenComparingLong(Features::articleId).reversed());
      if (members.size() > MEMBERS) {
        members = members.subList(0, MEMBERS);
      }
      List<Features> others = new ArrayList<>();
      for (Features m : members) {
        if (m.articleId() == d.t.id()) {
          continue;
        }
        others.add(m);
        d.scored.computeIfAbsent(m.articleId(), k -> score(m, d.unit, d.minhash, d.t.at()));
      }

      // Headline: the member closest to the centroid.
      double cnorm = 0;
      for (var e : d.cut) {
        cnorm += e.getValue() * e.getValue();
      }
      cnorm = Math.sqrt(cnorm);
      Map<String, Double> unitCentroid = new HashMap<>();
      for (var e : d.cut) {
        unitCentroid.put(e.getKey(), cnorm == 0 ? 0 : e.getValue() / cnorm);
      }
      Features headline = d.self;
      double headlineScore = d.self.cosine(unitCentroid);
      Map<String, String> names = new HashMap<>();
      for (Features m : others) {
        double s = m.cosine(unitCentroid);
        if (s > headlineScore) {
          headline = m;
          headlineScore = s;
        }
        m.entities().forEach(e -> names.putIfAbsent(Terms.ENTITY + e.toLowerCase(Locale.ROOT), e));
      }
      d.w.entities().forEach(e -> names.putIfAbsent(Terms.ENTITY + e.toLowerCase(Locale.ROOT), e));
      StoryRepository.StoryUpdate before = changes.remove(d.storyId);
      Instant first =
          before == null || d.t.at().isBefore(before.first()) ? d.t.at() : before.first();
      Instant last = before == null || d.t.at().isAfter(before.last()) ? d.t.at() : before.last();
      changes.put(
          d.storyId,
          new StoryRepository.StoryUpdate(
              d.storyId,
              first,
              last,
              d.cut.stream().map(Map.Entry::getKey).toList(),
              d.cut.stream().map(e -> e.getValue().floatValue()).toList(),
              headline.articleId(),
              topTerms(d.cut, names)));
      return relatedRows(d.self, d.scored.values(), d.w.entities());
    }
  }

  private Scored score(Features c, Map<String, Double> unit, int[] minhash, Instant at) {
    return new Scored(
        c,
        c.cosine(unit),
        timeFactor(Math.abs(Duration.between(c.at(), at).toMinutes()) / 60.0),
        MinHash.similarity(minhash, c.minhash()));
  }

  /** 1 at no distance, falling to 1 - timeWeight / 2 at decayHours and 1 - timeWeight far away. */
  double timeFactor(double hours) {
    double x = hours / config.decayHours();
    return 1 - config.timeWeight() + config.timeWeight() / (1 + x * x);
  }

  private double time(Instant at, StoryRepository.Centroid st) {
    if (!at.isBefore(st.firstSeen()) && !at.isAfter(st.lastSeen())) {
      return 1;
    }
    Instant edge = at.isBefore(st.firstSeen()) ? st.firstSeen() : st.lastSeen();
    return timeFactor(Math.abs(Duration.between(edge, at).toMinutes()) / 60.0);
  }

  private static double centroidCosine(StoryRepository.Centroid st, Map<String, Double> unit) {
    double dot = 0;
    double norm = 0;
    for (int i = 0; i < st.terms().length; i++) {
      double w = st.weights()[i];
      norm += w * w;
      Double q = unit.get(st.terms()[i]);
      if (q != null) {
        dot += q * w;
      }
    }
    return norm == 0 ? 0 : dot / Math.sqrt(norm);
  }

  private List<StoryRepository.RelatedRow> relatedRows(
      Features self, Iterable<Scored> candidates, List<String> selfEntities) {
    List<StoryRepository.RelatedRow> ranked = new ArrayList<>();
    Set<String> mine = new HashSet<>();
    Map<String, String> display = new HashMap<>();
    for (String e : selfEntities) {
      String key = e.toLowerCase(Locale.ROOT);
      mine.add(key);
      display.putIfAbsent(key, e);
    }
    for (Scored s : candidates) {
      boolean sameStory = self.storyId().equals(s.f().storyId());
      boolean copy = s.copy() >= config.duplicateThreshold();
      double score = s.cosine() * s.time() + (sameStory ? config.storyBonus() : 0);
      if (copy) {
        score = Math.max(score, s.copy());
      }
      score = Math.min(1, score);
      if (score < config.minScore()) {
        continue;
      }
      List<String> reasons = new ArrayList<>();
      if (copy) {
        reasons.add(RelatedReason.SAME_WIRE_COPY.name());
      }
      if (sameStory) {
        reasons.add(RelatedReason.SAME_STORY.name());
      }
      Set<String> shared = new LinkedHashSet<>();
      for (String e : s.f().entities()) {
        String key = e.toLowerCase(Locale.ROOT);
        if (mine.contains(key) && shared.size() < 4) {
          shared.add(display.get(key));
        }
      }
      if (!shared.isEmpty()) {
        reasons.add(RelatedReason.SHARED_ENTITIES.name() + ":" + String.join(", ", shared));
      }
      if (s.cosine() >= config.similarText()) {
        reasons.add(RelatedReason.SIMILAR_TEXT.name());
      }
      if (Math.abs(Duration.between(s.f().at(), self.at()).toHours()) < 24) {
        reasons.add(RelatedReason.TIME_PROXIMITY.name());
      }
      ranked.add(
          new StoryRepository.RelatedRow(
              self.articleId(), s.f().articleId(), (float) score, reasons));
    }
    ranked.sort(
        Comparator.comparingDouble(StoryRepository.RelatedRow::score)
            .reversed()
            .thenComparing(
                Comparator.comparingLong(StoryRepository.RelatedRow::relatedId).reversed()));
    List<StoryRepository.RelatedRow> rows = new ArrayList<>();
    int own = Math.min(ranked.size(), config.relatedSize());
    rows.addAll(ranked.subList(0, own));
    // The new article enters the lists of those it relates to most (each list is cut back).
    for (StoryRepository.RelatedRow r : ranked.subList(0, Math.min(ranked.size(), 3 * own + 10))) {
      rows.add(
          new StoryRepository.RelatedRow(r.relatedId(), r.articleId(), r.score(), r.reasons()));
    }
    return rows;
  }

  private static List<String> topTerms(
      List<Map.Entry<String, Double>> centroid, Map<String, String> names) {
    List<String> out = new ArrayList<>();
    Set<String> covered = new HashSet<>();
    for (var e : centroid) {
      String term = e.getKey();
      if (term.startsWith(Terms.PAIR) || out.size() >= 8) {
        continue;
      }
      if (term.startsWith(Terms.ENTITY)) {
        String name = names.getOrDefault(term, term.substring(Terms.ENTITY.length()));
        out.add(name);
        for (String part : name.toLowerCase(Locale.ROOT).split(" ")) {
          covered.add(Terms.stem(part));
        }
      } else if (!covered.contains(term)) {
        out.add(term);
        covered.add(term);
      }
    }
    return out;
  }

  private static String join(String... parts) {
    StringBuilder b = new StringBuilder();
    for (String p : parts) {
      if (p != null && !p.isBlank()) {
        if (b.length() > 0) {
          b.append(' ');
        }
        b.append(p, 0, Math.min(p.length(), 2000));
      }
    }
    return b.toString();
  }
}
