package org.newsdesk.api.common;

import io.smallrye.graphql.api.ErrorCode;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import org.jboss.logging.Logger;

/**
 * Turns unexpected failures of GraphQL operations into {@link InternalException}, and the security
 * layer's refusals into {@link UnauthenticatedException} and {@link ForbiddenException}. It runs
 * outside every other interceptor (the role checks of {@code @RolesAllowed} included).
 */
@PublicErrors
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE)
public class PublicErrorsInterceptor {

  private static final Logger LOG = Logger.getLogger(PublicErrorsInterceptor.class);

  @AroundInvoke
  Object guard(InvocationContext ctx) throws Exception {
    try {
      return ctx.proceed();
    } catch (RuntimeException e) {
      throw publicError(
          e, ctx.getMethod().getDeclaringClass().getSimpleName() + "." + ctx.getMethod().getName());
    }
  }

  /** The exception a client may see for {@code e}: typed API errors pass, the rest is INTERNAL. */
  static RuntimeException publicError(RuntimeException e, String operation) {
    if (e.getClass().isAnnotationPresent(ErrorCode.class)) {
      return e;
    }
    if (e instanceof io.quarkus.security.UnauthorizedException
        || e instanceof io.quarkus.security.AuthenticationFailedException) {
      return new UnauthenticatedException();
    }
    if (e instanceof io.quarkus.security.ForbiddenException) {
      return new ForbiddenException();
    }
    LOG.errorf(e, "GraphQL operation %s failed", operation);
    return new InternalException();
  }
}
