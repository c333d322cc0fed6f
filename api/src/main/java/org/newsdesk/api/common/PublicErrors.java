package org.newsdesk.api.common;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Errors of the annotated GraphQL operations reach clients only as the API's own typed errors:
 * anything unexpected becomes {@link InternalException} (code {@code INTERNAL}), logged on the
 * server with its stack trace, never shown to the client.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface PublicErrors {}
