package org.newsdesk.api.security;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Reads {@code Authorization: Bearer <token>} and hands the token to the identity providers ({@link
 * BearerTokenIdentityProvider}). A request without one is anonymous: reads need no identity.
 * Authentication is lazy (see {@code quarkus.http.auth.proactive}), so a bad token fails only an
 * operation that needs an identity, as a GraphQL error.
 */
@ApplicationScoped
public class BearerAuthenticationMechanism implements HttpAuthenticationMechanism {

  private static final Logger LOG = Logger.getLogger(BearerAuthenticationMechanism.class);

  private static final String SCHEME = "bearer";

  @Override
  public Uni<SecurityIdentity> authenticate(
      RoutingContext context, IdentityProviderManager identityProviderManager) {
    String token = token(context.request().getHeader(HttpHeaderNames.AUTHORIZATION.toString()));
    if (token == null) {
      return Uni.createFrom().nullItem();
    }
    return identityProviderManager
        .authenticate(new TokenAuthenticationRequest(new TokenCredential(token, SCHEME)))
        .onFailure(AuthenticationFailedException.class)
        .recoverWithItem(
            e -> {
              LOG.debugf("Bearer token refused: %s", e.getMessage());
              return null;
            });
  }

  /** The token of a {@code Bearer} authorization header, or null when there is none. */
  static String token(String header) {
    if (header == null) {
      return null;
    }
    String h = header.strip();
    if (h.length() <= SCHEME.length() + 1
        || !h.substring(0, SCHEME.length()).toLowerCase(Locale.ROOT).equals(SCHEME)
        || !Character.isWhitespace(h.charAt(SCHEME.length()))) {
      return null;
    }
    String token = h.substring(SCHEME.length() + 1).strip();
    return token.isEmpty() ? null : token;
  }

  @Override
  public Uni<ChallengeData> getChallenge(RoutingContext context) {
    return Uni.createFrom()
        .item(
            new ChallengeData(
                HttpResponseStatus.UNAUTHORIZED.code(),
                HttpHeaderNames.WWW_AUTHENTICATE,
                "Bearer realm=\"newsdesk\""));
  }

  @Override
  public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
    return Set.of(TokenAuthenticationRequest.class);
  }

  @Override
  public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
    return Uni.createFrom()
        .item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, SCHEME));
  }
}
