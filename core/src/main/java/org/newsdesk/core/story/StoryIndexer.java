package org.newsdesk.core.story;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import org.newsdesk.core.article.ArticlesStored;

/**
 * Assigns each newly stored article to a story and computes its related list, incrementally and in
 * the storing transaction (see the README, "Related stories"):
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

  void onStored(@Observes ArticlesStored stored) {
    if (!config.enabled()) {
      return;
    }
    List<Long> ids = new ArrayList<>(stored.inserted());
    ids.addAll(stored.updated());
    if (ids.isEmpty()) {
      return;
    }
    Set<Long> updated = new HashSet<>(stored.updated());
    repo.lockAssignment();
    long start = System.nanoTime();
    for (StoryRepository.Text t : repo.texts(ids)) {
      index(t, updated.contains(t.id()));
    }
    LOG.debugf(
        "Indexed %d articles of source %d in %.1f ms",
        (Object) ids.size(), (Object) stored.sourceId(), (System.nanoTime() - start) / 1e6);
  }

  /** A candidate with its scores against the new article. */
  private record Scored(Features f, double cosine, double time, double copy) {}

  private void index(StoryRepository.Text t, boolean update) {
    Features old = update ? repo.features(t.id()) : null;
    Terms.Weighted w = Terms.of(t.title(), t.summary(), t.body(), params);
    Map<String, Integer> df = repo.countTerms(w.tf().keySet(), old == null);
    double n = Math.max(1, df.getOrDefault("", 1));

    List<Map.Entry<String, Double>> weighted = new ArrayList<>();
    for (Map.Entry<String, Double> e : w.tf().entrySet()) {
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
    Map<String, Double> unit = new HashMap<>();
    String[] terms = new String[weighted.size()];
    float[] weights = new float[weighted.size()];
    for (int i = 0; i < weighted.size(); i++) {
      var e = weighted.get(i);
      terms[i] = e.getKey();
      weights[i] = e.getValue().floatValue();
      unit.put(e.getKey(), norm == 0 ? 0 : e.getValue() / norm);
    }

    // The most selective terms that some other article has, for the lookup; the strongest words
    // and entities for the index (pairs are scored, not looked up).
    List<String> lookup = new ArrayList<>();
    List<String> indexed = new ArrayList<>();
    List<Map.Entry<String, Double>> bySelectivity = new ArrayList<>();
    for (var e : weighted) {
      if (e.getKey().startsWith(Terms.PAIR)) {
        continue;
      }
      if (indexed.size() < config.indexedTerms()) {
        indexed.add(e.getKey());
      }
      if (df.getOrDefault(e.getKey(), 1) > (old == null ? 1 : 0)) {
        bySelectivity.add(e);
      }
    }
    for (int i = 0; i < bySelectivity.size() && lookup.size() < config.lookupTerms(); i++) {
      lookup.add(bySelectivity.get(i).getKey());
    }

    Duration window = Duration.ofHours(config.windowHours());
    List<Features> found =
        lookup.isEmpty()
            ? List.of()
            : repo.candidates(
                lookup, t.at().minus(window), t.at().plus(window), t.id(), config.candidates());
    int[] minhash = MinHash.of(join(t.title(), t.summary(), t.body()));

    Map<Long, Scored> scored = new LinkedHashMap<>();
    for (Features c : found) {
      scored.put(c.articleId(), score(c, unit, minhash, t.at()));
    }

    // The same copy: the closest candidate above the threshold; the original is the first stored.
    Scored copy = null;
    for (Scored s : scored.values()) {
      if (s.copy() >= config.duplicateThreshold() && (copy == null || s.copy() > copy.copy())) {
        copy = s;
      }
    }
    Long duplicateOf =
        copy == null
            ? null
            : copy.f().duplicateOf() != null ? copy.f().duplicateOf() : copy.f().articleId();

    Long storyId = old == null ? null : old.storyId();
    StoryRepository.Centroid centroid = null;
    if (storyId == null && copy != null && copy.f().storyId() != null) {
      storyId = copy.f().storyId();
    }
    if (storyId == null) {
      Map<Long, Double> bestLink = new HashMap<>();
      for (Scored s : scored.values()) {
        if (s.f().storyId() != null) {
          bestLink.merge(s.f().storyId(), s.cosine() * s.time(), Math::max);
        }
      }
      double best = config.storyThreshold();
      for (StoryRepository.Centroid st : repo.centroids(bestLink.keySet()).values()) {
        double cos = centroidCosine(st, unit) * time(t.at(), st);
        double value = Math.max(cos, config.linkWeight() * bestLink.get(st.id()));
        if (value >= best) {
          best = value;
          storyId = st.id();
          centroid = st;
        }
      }
    }
    if (storyId != null && centroid == null) {
      centroid = repo.centroids(List.of(storyId)).get(storyId);
    }
    List<Features> members = new ArrayList<>();
    if (storyId != null) {
      for (Features m : repo.members(storyId, MEMBERS)) {
        if (m.articleId() == t.id()) {
          continue;
        }
        members.add(m);
        scored.computeIfAbsent(m.articleId(), k -> score(m, unit, minhash, t.at()));
      }
    }

    // Centroid: the sum of the members' unit vectors, cut to the strongest terms.
    Map<String, Double> sum = new HashMap<>();
    if (centroid != null) {
      for (int i = 0; i < centroid.terms().length; i++) {
        sum.put(centroid.terms()[i], (double) centroid.weights()[i]);
      }
    }
    if (old == null || old.storyId() == null) {
      unit.forEach((k, v) -> sum.merge(k, v, Double::sum));
    }
    List<Map.Entry<String, Double>> cut = new ArrayList<>(sum.entrySet());
    cut.sort(
        Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry::getKey));
    if (cut.size() > config.keptTerms()) {
      cut = cut.subList(0, config.keptTerms());
    }
    List<String> centroidTerms = cut.stream().map(Map.Entry::getKey).toList();
    List<Float> centroidWeights = cut.stream().map(e -> e.getValue().floatValue()).toList();
    if (storyId == null) {
      storyId = repo.createStory(t.at(), centroidTerms, centroidWeights);
    }

    Features self =
        new Features(
            t.id(),
            t.sourceId(),
            t.at(),
            terms,
            weights,
            (float) norm,
            w.entities(),
            minhash,
            storyId,
            old != null ? old.duplicateOf() : duplicateOf);
    repo.saveFeatures(self, indexed);

    // Headline: the member closest to the centroid.
    double cnorm = 0;
    for (var e : cut) {
      cnorm += e.getValue() * e.getValue();
    }
    cnorm = Math.sqrt(cnorm);
    Map<String, Double> unitCentroid = new HashMap<>();
    for (var e : cut) {
      unitCentroid.put(e.getKey(), cnorm == 0 ? 0 : e.getValue() / cnorm);
    }
    Features headline = self;
    double headlineScore = self.cosine(unitCentroid);
    Map<String, String> names = new HashMap<>();
    for (Features m : members) {
      double s = m.cosine(unitCentroid);
      if (s > headlineScore) {
        headline = m;
        headlineScore = s;
      }
      m.entities().forEach(e -> names.putIfAbsent(Terms.ENTITY + e.toLowerCase(Locale.ROOT), e));
    }
    w.entities().forEach(e -> names.putIfAbsent(Terms.ENTITY + e.toLowerCase(Locale.ROOT), e));
    repo.updateStory(
        storyId,
        t.at(),
        centroidTerms,
        centroidWeights,
        headline.articleId(),
        topTerms(cut, names));

    if (old != null) {
      repo.clearRelated(t.id());
    }
    repo.saveRelated(relatedRows(self, scored.values(), w.entities()), config.relatedSize());
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
