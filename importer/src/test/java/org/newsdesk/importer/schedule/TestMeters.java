package org.newsdesk.importer.schedule;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** A registry that keeps values, for tests to read the meters (the server uses Prometheus). */
public class TestMeters {

  @Produces
  @Singleton
  SimpleMeterRegistry registry() {
    return new SimpleMeterRegistry();
  }
}
