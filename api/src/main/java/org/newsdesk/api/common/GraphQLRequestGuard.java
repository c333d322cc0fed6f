package org.newsdesk.api.common;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Limits of a GraphQL request over HTTP that act before (and around) its execution: one operation
 * per request (a JSON array of operations is refused), the per-client rate limit by {@link
 * QueryCost cost}, and the request deadline.
 */
@ApplicationScoped
public class GraphQLRequestGuard {

  private final ApiConfig config;
  private final TokenBuckets buckets;
  private final int maxTokens;

  public GraphQLRequestGuard(
      ApiConfig config,
      @ConfigProperty(name = "smallrye.graphql.parser.maxTokens", defaultValue = "15000")
          int maxTokens) {
    this.config = config;
    this.maxTokens = maxTokens;
    ApiConfig.RateLimit limit = config.rateLimit();
    this.buckets = new TokenBuckets(limit.capacity(), limit.refillPerSecond(), limit.maxClients());
  }

  void register(@Observes Router router) {
    router
        .route(HttpMethod.POST, "/graphql")
        .order(-100)
        .handler(BodyHandler.create(false).setBodyLimit(10L * 1024 * 1024))
        .handler(this::check);
  }

  void check(RoutingContext rc) {
    Buffer body = rc.body().buffer();
    if (body != null && body.length() > config.maxRequestBytes()) {
      refuse(
          rc,
          413,
          "LIMIT_EXCEEDED",
          "The request is larger than " + config.maxRequestBytes() + " bytes.",
          null);
      return;
    }
    if (body != null && startsWithArray(body)) {
      refuse(
          rc,
          400,
          "BAD_USER_INPUT",
          "One operation per request: a JSON array of operations is not accepted.",
          null);
      return;
    }
    if (config.rateLimit().enabled() && body != null) {
      long cost = cost(body);
      String client =
          rc.request().remoteAddress() == null ? "?" : rc.request().remoteAddress().hostAddress();
      long retryAfter = buckets.take(client, cost, System.nanoTime());
      if (retryAfter > 0) {
        refuse(
            rc,
            429,
            "LIMIT_EXCEEDED",
            "Rate limit exceeded: retry in " + retryAfter + " s.",
            String.valueOf(retryAfter));
        return;
      }
    }
    long timeout = config.requestTimeout().toMillis();
    if (timeout > 0) {
      long timer =
          rc.vertx()
              .setTimer(
                  timeout,
                  id -> {
                    if (!rc.response().ended() && !rc.response().headWritten()) {
                      refuse(
                          rc,
                          503,
                          "LIMIT_EXCEEDED",
                          "The request took longer than "
                              + config.requestTimeout().toString().substring(2).toLowerCase()
                              + " and was stopped.",
                          null);
                    }
                  });
      // Once the answer starts (headers written) the deadline no longer applies. Cancelled from
      // an end handler instead, the timer was never cancelled (the handler did not run), so
      // every request stayed in memory, with its context, until its timer fired.
      rc.addHeadersEndHandler(v -> rc.vertx().cancelTimer(timer));
    }
    rc.next();
  }

  private long cost(Buffer body) {
    try {
      JsonObject json = body.toJsonObject();
      Object vars = json.getValue("variables");
      Map<String, Object> variables = vars instanceof JsonObject o ? o.getMap() : Map.of();
      String query = json.getString("query");
      return query == null
          ? 1
          : QueryCost.of(query, variables, json.getString("operationName"), maxTokens);
    } catch (RuntimeException e) {
      return 1;
    }
  }

  static boolean startsWithArray(Buffer body) {
    for (int i = 0; i < body.length(); i++) {
      byte b = body.getByte(i);
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return b == '[';
      }
    }
    return false;
  }

  private static void refuse(
      RoutingContext rc, int status, String code, String message, String retryAfter) {
    var response =
        rc.response().setStatusCode(status).putHeader("Content-Type", "application/json");
    if (retryAfter != null) {
      response.putHeader("Retry-After", retryAfter);
    }
    response.end(
        new JsonObject()
            .put(
                "errors",
                io.vertx.core.json.JsonArray.of(
                    new JsonObject()
                        .put("message", message)
                        .put("extensions", new JsonObject().put("code", code))))
            .encode());
  }
}
