package org.newsdesk.api.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.util.Optional;
import org.newsdesk.core.admin.ApiKeyService;

/**
 * Turns a bearer token into an identity: the configured {@code NEWSDESK_ADMIN_TOKEN} (compared in
 * constant time) is the principal {@code admin-token} with the admin role; a live stored API key is
 * the principal {@code key:NAME} with its role. Anything else fails authentication.
 */
@ApplicationScoped
public class BearerTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

  private final Optional<byte[]> adminTokenHash;
  private final ApiKeyService keys;

  public BearerTokenIdentityProvider(AdminConfig config, ApiKeyService keys) {
    this.adminTokenHash =
        config.token().filter(t -> !t.isBlank()).map(t -> ApiKeyService.sha256(t.strip()));
    this.keys = keys;
  }

  @Override
  public Class<TokenAuthenticationRequest> getRequestType() {
    return TokenAuthenticationRequest.class;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      TokenAuthenticationRequest request, AuthenticationRequestContext context) {
    String token = request.getToken().getToken();
    if (isAdminToken(token)) {
      return Uni.createFrom().item(identity("admin-token", Roles.ADMIN));
    }
    return context.runBlocking(
        () ->
            keys.authenticate(token)
                .map(holder -> identity("key:" + holder.name(), holder.role().roleName()))
                .orElseThrow(() -> new AuthenticationFailedException("unknown or revoked token")));
  }

  /** Whether {@code token} is the configured admin token; takes the same time either way. */
  boolean isAdminToken(String token) {
    if (adminTokenHash.isEmpty()) {
      return false;
    }
    // Comparing digests: the time taken tells nothing of the token's length or content.
    return MessageDigest.isEqual(adminTokenHash.get(), ApiKeyService.sha256(token));
  }

  private static SecurityIdentity identity(String name, String role) {
    return QuarkusSecurityIdentity.builder()
        .setPrincipal(new QuarkusPrincipal(name))
        .addRole(role)
        .build();
  }
}
