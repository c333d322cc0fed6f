package org.newsdesk.core.story;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns an article's text into weighted terms: lower-cased words without English stop words,
 * lightly stemmed (plurals, -ing, -ed), numbers, adjacent-word pairs, and entities (capitalised
 * phrases, acronyms) as terms of their own. Pure functions, no state.
 */
public final class Terms {

  /** Prefix of entity terms ({@code e:malaysia airlines}). */
  public static final String ENTITY = "e:";

  /** Prefix of adjacent-pair terms ({@code b:flight|search}). */
  public static final String PAIR = "b:";

  /** English stop words, and words too common in news to tell stories apart. */
  static final Set<String> STOP =
      Set.of(
          ("a about above after again against all am an and any are as at be because been before "
                  + "being below between both but by can could did do does doing down during each few for "
                  + "from further had has have having he her here hers herself him himself his how i if "
                  + "in into is it its itself just me more most my myself no nor not now of off on once "
                  + "only or other our ours ourselves out over own same she should so some such than that "
                  + "the their theirs them themselves then there these they this those through to too "
                  + "under until up very was we were what when where which while who whom why will with "
                  + "would you your yours yourself yourselves s t says said say new may also via vs amp "
                  + "quot us one get gets report update news video photos watch first year years ")
              .split(" "));

  private Terms() {}

  /** One word as it appeared: its surface form and its term. */
  record Token(String surface, String term, boolean capitalised, boolean sentenceStart) {}

  /**
   * The weighted terms of an article: title words weigh {@code titleWeight}, summary words 1, body
   * words {@code bodyWeight} (the first {@code maxBodyChars} characters only). Entities get their
   * weight times {@code entityBoost}, pairs times {@code pairWeight}.
   */
  public static Weighted of(String title, String summary, String body, Params p) {
    Map<String, Double> tf = new LinkedHashMap<>();
    Map<String, String> entities = new LinkedHashMap<>();
    add(tf, entities, title, p.titleWeight(), p);
    add(tf, entities, summary, 1.0, p);
    if (body != null && !body.isBlank()) {
      add(
          tf,
          entities,
          body.length() > p.maxBodyChars() ? body.substring(0, p.maxBodyChars()) : body,
          p.bodyWeight(),
          p);
    }
    return new Weighted(tf, List.copyOf(entities.values()));
  }

  /** Parameters of the weighting. */
  public record Params(
      double titleWeight,
      double bodyWeight,
      double entityBoost,
      double pairWeight,
      double numberBoost,
      int maxBodyChars) {
    public static final Params DEFAULT = new Params(2.0, 0.5, 1.0, 0.5, 1.5, 4000);
  }

  /** Terms with their summed weights (no idf yet), and the entities' display names. */
  public record Weighted(Map<String, Double> tf, List<String> entities) {}

  private static void add(
      Map<String, Double> tf, Map<String, String> entities, String text, double weight, Params p) {
    if (text == null || text.isBlank()) {
      return;
    }
    List<Token> tokens = tokens(text);
    boolean titleCase = titleCase(tokens);
    Token previous = null;
    for (Token t : tokens) {
      if (t.term() != null) {
        boolean number = Character.isDigit(t.term().charAt(0));
        tf.merge(t.term(), weight * (number ? p.numberBoost() : 1.0), Double::sum);
        if (previous != null && previous.term() != null && p.pairWeight() > 0) {
          tf.merge(PAIR + previous.term() + "|" + t.term(), weight * p.pairWeight(), Double::sum);
        }
      }
      previous = t.term() == null ? null : t;
    }
    for (String entity : entities(tokens, titleCase)) {
      String key = ENTITY + entity.toLowerCase(Locale.ROOT);
      tf.merge(key, weight * p.entityBoost(), Double::sum);
      entities.putIfAbsent(key, entity);
    }
  }

  /** Whether most longer words are capitalised, as in headline style ("Tesla Able To Sell"). */
  static boolean titleCase(List<Token> tokens) {
    int words = 0;
    int caps = 0;
    for (Token t : tokens) {
      if (t.surface().length() > 3 && Character.isLetter(t.surface().charAt(0))) {
        words++;
        if (t.capitalised()) {
          caps++;
        }
      }
    }
    return words >= 3 && caps * 10 >= words * 7;
  }

  /**
   * Capitalised phrases: runs of capitalised words that are not stop words, a sentence's first word
   * excluded unless the run goes on. In headline-style text, where every word is capitalised, only
   * runs of two or more words count. Acronyms (two or more capitals) always count.
   */
  static List<String> entities(List<Token> tokens, boolean titleCase) {
    List<String> found = new ArrayList<>();
    List<Token> run = new ArrayList<>();
    for (int i = 0; i <= tokens.size(); i++) {
      Token t = i < tokens.size() ? tokens.get(i) : null;
      boolean inRun =
          t != null
              && t.capitalised()
              && t.term() != null
              && !Character.isDigit(t.surface().charAt(0));
      if (inRun) {
        run.add(t);
        continue;
      }
      flush(run, titleCase, found);
      run.clear();
    }
    return found;
  }

  private static void flush(List<Token> run, boolean titleCase, List<String> found) {
    if (run.isEmpty()) {
      return;
    }
    if (run.size() == 1) {
      Token only = run.get(0);
      if (acronym(only.surface()) || (!titleCase && !only.sentenceStart())) {
        found.add(only.surface());
      }
      return;
    }
    StringBuilder name = new StringBuilder();
    for (Token t : run) {
      if (name.length() > 0) {
        name.append(' ');
      }
      name.append(t.surface());
    }
    found.add(name.toString());
  }

  private static boolean acronym(String s) {
    if (s.length() < 2 || s.length() > 6) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isUpperCase(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Splits text into words (letters and digits, inner apostrophes and hyphens dropped). */
  static List<Token> tokens(String text) {
    List<Token> out = new ArrayList<>();
    int n = text.length();
    int i = 0;
    boolean sentenceStart = true;
    while (i < n) {
      char c = text.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        if (c == '.' || c == '!' || c == '?' || c == ':' || c == '|' || c == '"' || c == '\n') {
          sentenceStart = true;
        }
        i++;
        continue;
      }
      int start = i;
      StringBuilder word = new StringBuilder();
      while (i < n) {
        char d = text.charAt(i);
        if (Character.isLetterOrDigit(d)) {
          word.append(d);
          i++;
        } else if ((d == '\'' || d == '\u2019' || d == '-' || d == '.')
            && i + 1 < n
            && Character.isLetterOrDigit(text.charAt(i + 1))
            && (d != '.' || Character.isDigit(text.charAt(i + 1)))) {
          if (d == '.') {
            word.append('.');
          } else if (d == '-') {
            word.append('-');
          } else if (i + 2 >= n || !Character.isLetterOrDigit(text.charAt(i + 2))) {
            // possessive or contraction: "Obama's" -> "Obama"
            i += 2;
            break;
          }
          i++;
        } else {
          break;
        }
      }
      String surface = word.toString();
      if (surface.indexOf('-') >= 0) {
        for (String part : surface.split("-")) {
          if (!part.isEmpty()) {
            out.add(token(part, sentenceStart));
            sentenceStart = false;
          }
        }
      } else {
        out.add(token(surface, sentenceStart));
      }
      sentenceStart = false;
      if (start == i) {
        i++;
      }
    }
    return out;
  }

  private static Token token(String surface, boolean sentenceStart) {
    String lower = surface.toLowerCase(Locale.ROOT);
    String term = null;
    if (!STOP.contains(lower) && (lower.length() > 1 || Character.isDigit(lower.charAt(0)))) {
      term = Character.isDigit(lower.charAt(0)) ? lower : stem(lower);
    }
    return new Token(surface, term, Character.isUpperCase(surface.charAt(0)), sentenceStart);
  }

  /** A light English stemmer: plurals, -ing, -ed, -ly (consistent rather than linguistic). */
  static String stem(String w) {
    int n = w.length();
    if (n <= 3) {
      return w;
    }
    if (w.endsWith("ies") && n > 4) {
      return w.substring(0, n - 3) + "y";
    }
    if (w.endsWith("sses") || w.endsWith("shes") || w.endsWith("ches") || w.endsWith("xes")) {
      return w.substring(0, n - 2);
    }
    if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
      return w.substring(0, n - 1);
    }
    if (w.endsWith("ing") && n > 5) {
      return undouble(w.substring(0, n - 3));
    }
    if (w.endsWith("ed") && n > 4 && !w.endsWith("eed")) {
      return undouble(w.substring(0, n - 2));
    }
    if (w.endsWith("ly") && n > 5) {
      return w.substring(0, n - 2);
    }
    return w;
  }

  private static String undouble(String s) {
    int n = s.length();
    if (n >= 3
        && s.charAt(n - 1) == s.charAt(n - 2)
        && "lsz".indexOf(s.charAt(n - 1)) < 0
        && "aeiou".indexOf(s.charAt(n - 1)) < 0) {
      return s.substring(0, n - 1);
    }
    return s;
  }
}
