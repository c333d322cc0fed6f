package org.newsdesk.api.common;

import graphql.TrivialDataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.smallrye.graphql.execution.datafetcher.PlugableDataFetcher;
import io.smallrye.graphql.schema.model.Field;
import io.smallrye.graphql.schema.model.Reference;
import io.smallrye.graphql.schema.model.ReferenceType;
import io.smallrye.graphql.schema.model.Type;
import io.smallrye.graphql.spi.DataFetcherService;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Set;

/**
 * Reads the plain properties of the API's own record types directly. SmallRye GraphQL's default
 * property fetcher builds a request context (path, selected fields) for every field of every
 * object, which is most of the cost of a list page; a record component that is returned as it is
 * (no transformation, no adapter, a string, number, boolean, or another API type) needs none of it.
 * Everything else keeps the default fetcher.
 */
public final class RecordFieldFetchers implements DataFetcherService {

  private static final String API_PACKAGE = "org.newsdesk.api.";

  private static final Set<String> PLAIN_SCALARS =
      Set.of(
          "java.lang.String",
          "boolean",
          "java.lang.Boolean",
          "int",
          "java.lang.Integer",
          "double",
          "java.lang.Double");

  @Override
  public Integer getPriority() {
    return 100;
  }

  @Override
  public PlugableDataFetcher getFieldDataFetcher(Field field, Type type, Reference owner) {
    if (!eligible(field, owner)) {
      return null;
    }
    String accessor =
        field.getMethodName() != null ? field.getMethodName() : field.getPropertyName();
    return accessor == null ? null : new Accessor(accessor);
  }

  static boolean eligible(Field field, Reference owner) {
    if (owner == null
        || owner.getClassName() == null
        || !owner.getClassName().startsWith(API_PACKAGE)
        || field.hasTransformation()
        || field.isAdaptingWith()
        || field.hasDirectiveInstances()) {
      return false;
    }
    if (field.hasWrapper()
        && !(field.getWrapper().isCollection() || field.getWrapper().isArray())) {
      return false;
    }
    Reference ref = field.getReference();
    if (ref == null || ref.isAdaptingWith() || ref.isAdaptingTo() && !isString(ref)) {
      return false;
    }
    if (field.isAdaptingTo() && !isString(ref)) {
      return false;
    }
    return ref.getType() == ReferenceType.TYPE && ref.getClassName().startsWith(API_PACKAGE)
        || ref.getType() == ReferenceType.SCALAR && PLAIN_SCALARS.contains(ref.getClassName());
  }

  private static boolean isString(Reference ref) {
    return "java.lang.String".equals(ref.getClassName());
  }

  /** Calls one public accessor of the source object, looked up on first use. */
  static final class Accessor implements PlugableDataFetcher<Object>, TrivialDataFetcher<Object> {
    private static final MethodType GETTER = MethodType.methodType(Object.class, Object.class);
    private final String name;
    private volatile Bound bound;

    Accessor(String name) {
      this.name = name;
    }

    @Override
    public Object get(DataFetchingEnvironment environment) throws Exception {
      Object source = environment.getSource();
      if (source == null) {
        return null;
      }
      Bound b = bound;
      if (b == null || b.type() != source.getClass()) {
        b = lookup(source.getClass());
      }
      try {
        return b.handle().invokeExact(source);
      } catch (Exception | Error e) {
        throw e;
      } catch (Throwable t) {
        throw new IllegalStateException(t);
      }
    }

    private Bound lookup(Class<?> type) throws ReflectiveOperationException {
      MethodHandle h;
      try {
        h = MethodHandles.publicLookup().unreflect(type.getMethod(name));
      } catch (NoSuchMethodException e) {
        h = MethodHandles.publicLookup().unreflectGetter(type.getField(name));
      }
      Bound b = new Bound(type, h.asType(GETTER));
      bound = b;
      return b;
    }

    private record Bound(Class<?> type, MethodHandle handle) {}
  }
}
