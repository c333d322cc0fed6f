package org.newsdesk.api.common;

import graphql.language.Argument;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.VariableReference;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What a GraphQL request costs for rate limiting: about the number of objects it may return. Each
 * field counts once per parent object; a {@code first} or {@code last} argument (or the default
 * page size of a listing that has none) multiplies the fields below it. Fragments are counted where
 * they are spread (a cycle only once; the validator refuses it anyway). A document that does not
 * parse costs 1: the server refuses it before running anything.
 */
public final class QueryCost {

  /** Listings and their page size when the request gives none. */
  private static final Map<String, Long> DEFAULT_PAGE =
      Map.of("articles", 20L, "search", 20L, "sources", 20L, "tags", 20L, "related", 5L);

  private static final long MAX = Long.MAX_VALUE / 4;
  private static final int MAX_DEPTH = 64;

  private QueryCost() {}

  /**
   * The cost of {@code document} with its {@code variables}, for the operation named {@code
   * operationName} (or the first).
   */
  public static long of(
      String document, Map<String, Object> variables, String operationName, int maxTokens) {
    Document doc;
    try {
      doc =
          Parser.parse(
              ParserEnvironment.newParserEnvironment()
                  .document(document)
                  .parserOptions(
                      ParserOptions.newParserOptions()
                          .maxTokens(maxTokens)
                          .captureSourceLocation(false)
                          .build())
                  .build());
    } catch (InvalidSyntaxException e) {
      return 1;
    }
    Map<String, FragmentDefinition> fragments = new HashMap<>();
    OperationDefinition operation = null;
    for (var d : doc.getDefinitions()) {
      if (d instanceof FragmentDefinition f) {
        fragments.put(f.getName(), f);
      } else if (d instanceof OperationDefinition o
          && operation == null
          && (operationName == null || operationName.equals(o.getName()))) {
        operation = o;
      }
    }
    if (operation == null) {
      return 1;
    }
    return Math.max(
        1,
        new Walk(fragments, variables == null ? Map.of() : variables)
            .cost(operation.getSelectionSet(), 1, 0));
  }

  private record Walk(Map<String, FragmentDefinition> fragments, Map<String, Object> variables) {

    long cost(SelectionSet set, long multiplier, int depth) {
      if (set == null || depth > MAX_DEPTH) {
        return 0;
      }
      return cost(set, multiplier, depth, new HashSet<>());
    }

    private long cost(SelectionSet set, long multiplier, int depth, Set<String> spread) {
      long total = 0;
      for (Selection<?> s : set.getSelections()) {
        if (s instanceof Field f) {
          total = add(total, multiplier);
          if (f.getSelectionSet() != null && depth < MAX_DEPTH) {
            total = add(total, cost(f.getSelectionSet(), times(multiplier, page(f)), depth + 1));
          }
        } else if (s instanceof InlineFragment i) {
          total = add(total, cost(i.getSelectionSet(), multiplier, depth, spread));
        } else if (s instanceof FragmentSpread fs) {
          FragmentDefinition def = fragments.get(fs.getName());
          if (def != null && spread.add(fs.getName())) {
            total = add(total, cost(def.getSelectionSet(), multiplier, depth, spread));
          }
        }
      }
      return total;
    }

    private long page(Field f) {
      for (Argument a : f.getArguments()) {
        if (a.getName().equals("first") || a.getName().equals("last")) {
          Object v = a.getValue();
          if (v instanceof IntValue i) {
            return clamp(i.getValue().longValue());
          }
          if (v instanceof VariableReference r && variables.get(r.getName()) instanceof Number n) {
            return clamp(n.longValue());
          }
        }
      }
      return DEFAULT_PAGE.getOrDefault(f.getName(), 1L);
    }
  }

  private static long clamp(long page) {
    return Math.max(1, Math.min(100, page));
  }

  private static long add(long a, long b) {
    return Math.min(MAX, a + b);
  }

  private static long times(long a, long b) {
    return a > MAX / Math.max(1, b) ? MAX : a * b;
  }
}
