package org.newsdesk.api.common;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.schema.DataFetchingEnvironmentImpl;
import io.smallrye.graphql.schema.model.Field;
import io.smallrye.graphql.schema.model.Reference;
import io.smallrye.graphql.schema.model.ReferenceType;
import io.smallrye.graphql.schema.model.Transformation;
import io.smallrye.graphql.schema.model.Wrapper;
import io.smallrye.graphql.schema.model.WrapperType;
import org.junit.jupiter.api.Test;
import org.newsdesk.api.source.SourceKindNode;

/** Which fields skip SmallRye's property fetcher, and that the direct one reads the right value. */
class RecordFieldFetchersTest {

  private static final Reference OWNER =
      reference("org.newsdesk.api.common.PageInfo", ReferenceType.TYPE);

  @Test
  void plainScalarsListsAndApiTypesOfApiRecordsAreReadDirectly() {
    assertThat(RecordFieldFetchers.eligible(field("java.lang.String", ReferenceType.SCALAR), OWNER))
        .isTrue();
    assertThat(RecordFieldFetchers.eligible(field("boolean", ReferenceType.SCALAR), OWNER))
        .isTrue();
    assertThat(
            RecordFieldFetchers.eligible(
                field("org.newsdesk.api.source.SourceNode", ReferenceType.TYPE), OWNER))
        .isTrue();
    Field list = field("java.lang.String", ReferenceType.SCALAR);
    list.setWrapper(new Wrapper(WrapperType.COLLECTION, "java.util.List"));
    assertThat(RecordFieldFetchers.eligible(list, OWNER)).isTrue();
  }

  @Test
  void everythingThatSmallRyeTransformsKeepsTheDefaultFetcher() {
    assertThat(
            RecordFieldFetchers.eligible(
                field(SourceKindNode.class.getName(), ReferenceType.ENUM), OWNER))
        .as("enums")
        .isFalse();
    assertThat(
            RecordFieldFetchers.eligible(field("java.time.Instant", ReferenceType.SCALAR), OWNER))
        .as("dates and other scalars SmallRye formats")
        .isFalse();
    Field formatted = field("java.lang.Integer", ReferenceType.SCALAR);
    formatted.setTransformation(
        new Transformation(Transformation.Type.NUMBER, "#,###", null, false));
    assertThat(RecordFieldFetchers.eligible(formatted, OWNER)).as("formatted numbers").isFalse();
    Field optional = field("java.lang.String", ReferenceType.SCALAR);
    optional.setWrapper(new Wrapper(WrapperType.OPTIONAL, "java.util.Optional"));
    assertThat(RecordFieldFetchers.eligible(optional, OWNER)).as("optionals").isFalse();
    assertThat(
            RecordFieldFetchers.eligible(
                field("java.lang.String", ReferenceType.SCALAR),
                reference("com.example.Other", ReferenceType.TYPE)))
        .as("types of other packages")
        .isFalse();
  }

  @Test
  void theDirectFetcherCallsTheRecordAccessor() throws Exception {
    Field f = field("java.lang.String", ReferenceType.SCALAR);
    f.setMethodName("endCursor");
    var fetcher = new RecordFieldFetchers().getFieldDataFetcher(f, null, OWNER);
    PageInfo page = new PageInfo(true, false, "start", "end");
    assertThat(
            fetcher.get(
                DataFetchingEnvironmentImpl.newDataFetchingEnvironment().source(page).build()))
        .isEqualTo("end");
    assertThat(fetcher.get(DataFetchingEnvironmentImpl.newDataFetchingEnvironment().build()))
        .isNull();
  }

  private static Field field(String className, ReferenceType type) {
    Field f = new Field();
    f.setReference(reference(className, type));
    f.setMethodName("value");
    return f;
  }

  private static Reference reference(String className, ReferenceType type) {
    Reference r = new Reference();
    r.setClassName(className);
    r.setName(className.substring(className.lastIndexOf('.') + 1));
    r.setType(type);
    return r;
  }
}
