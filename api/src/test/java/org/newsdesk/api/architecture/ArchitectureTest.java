package org.newsdesk.api.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.persistence.Entity;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency directions of the modules and packages, checked on the compiled classes. */
class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.newsdesk");
  }

  @Test
  void coreKnowsNothingOfTheImporterTheApiGraphqlHttpOrFeeds() {
    ArchRule rule =
        noClasses()
            .that()
            .resideInAPackage("org.newsdesk.core..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "org.newsdesk.importer..",
                "org.newsdesk.api..",
                "org.eclipse.microprofile.graphql..",
                "io.smallrye.graphql..",
                "io.vertx..",
                "jakarta.ws.rs..",
                "java.net.http..",
                "org.jsoup..",
                "org.owasp..");
    rule.check(classes);
  }

  @Test
  void theImporterDoesNotDependOnTheApi() {
    noClasses()
        .that()
        .resideInAPackage("org.newsdesk.importer..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.newsdesk.api..", "org.eclipse.microprofile.graphql..")
        .check(classes);
  }

  @Test
  void parsingIsPureNoDatabaseNoNetworkNoFramework() {
    noClasses()
        .that()
        .resideInAPackage("org.newsdesk.importer.parse..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "jakarta.persistence..",
            "jakarta.transaction..",
            "org.hibernate..",
            "io.quarkus..",
            "java.sql..",
            "java.net.http..",
            "org.newsdesk.core.article..",
            "org.newsdesk.importer.store..",
            "org.newsdesk.importer.files..")
        .check(classes);
  }

  @Test
  void graphqlOperationsNeverExposeEntities() {
    methods()
        .that()
        .areDeclaredInClassesThat()
        .areAnnotatedWith(GraphQLApi.class)
        .and()
        .arePublic()
        .should()
        .haveRawReturnType(not(annotatedWith(Entity.class)))
        .check(classes);
  }

  @Test
  void apiTypesHoldNoEntities() {
    fields()
        .that()
        .areDeclaredInClassesThat()
        .resideInAPackage("org.newsdesk.api..")
        .should()
        .haveRawType(not(annotatedWith(Entity.class)))
        .check(classes);
  }

  @Test
  void featurePackagesHaveNoCycles() {
    slices().matching("org.newsdesk.(*).(*)..").should().beFreeOfCycles().check(classes);
  }
}
