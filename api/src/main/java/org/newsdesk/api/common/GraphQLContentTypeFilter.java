package org.newsdesk.api.common;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;

/**
 * Only JSON (or {@code application/graphql}) POSTs reach {@code /graphql}. A browser can send a
 * cross-site POST without asking first only as {@code text/plain}, a form or multipart; refusing
 * those means no other site can make a visitor's browser run an operation, mutations included.
 */
@ApplicationScoped
public class GraphQLContentTypeFilter {

  void register(@Observes Filters filters) {
    filters.register(this::check, 100);
  }

  void check(RoutingContext rc) {
    if (rc.request().method() == HttpMethod.POST && isGraphQLPath(rc.normalizedPath())) {
      String type = rc.request().getHeader("Content-Type");
      if (!acceptable(type)) {
        rc.response()
            .setStatusCode(415)
            .putHeader("Content-Type", "application/json")
            .end(
                "{\"errors\":[{\"message\":\"POST /graphql with Content-Type application/json.\","
                    + "\"extensions\":{\"code\":\"BAD_USER_INPUT\"}}]}");
        return;
      }
    }
    rc.next();
  }

  static boolean isGraphQLPath(String path) {
    return path.equals("/graphql") || path.equals("/graphql/");
  }

  static boolean acceptable(String contentType) {
    if (contentType == null) {
      return false;
    }
    String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return type.equals("application/json")
        || type.equals("application/graphql")
        || type.equals("application/graphql-response+json");
  }
}
