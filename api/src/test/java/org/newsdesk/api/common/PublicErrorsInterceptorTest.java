package org.newsdesk.api.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PublicErrorsInterceptorTest {

  @Test
  void typedApiErrorsPassUnchanged() {
    BadUserInputException bad = new BadUserInputException("first must be between 1 and 100");
    assertThat(PublicErrorsInterceptor.publicError(bad, "op")).isSameAs(bad);
    NotFoundException missing = new NotFoundException("no such source");
    assertThat(PublicErrorsInterceptor.publicError(missing, "op")).isSameAs(missing);
  }

  @Test
  void anythingElseBecomesAnInternalErrorWithoutDetails() {
    RuntimeException leaked =
        PublicErrorsInterceptor.publicError(
            new IllegalStateException("ERROR: relation \"article\" does not exist"), "op");
    assertThat(leaked).isInstanceOf(InternalException.class);
    assertThat(leaked.getMessage()).doesNotContain("relation").doesNotContain("IllegalState");
    assertThat(
            InternalException.class.getAnnotation(io.smallrye.graphql.api.ErrorCode.class).value())
        .isEqualTo("INTERNAL");
  }
}
