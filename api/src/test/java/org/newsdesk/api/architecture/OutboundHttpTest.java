package org.newsdesk.api.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.net.URL;
import org.junit.jupiter.api.Test;

/**
 * Every outbound request goes through the importer's fetch layer, so its SSRF guard, deadlines and
 * caps hold everywhere: no other code opens HTTP connections or sockets of its own.
 */
class OutboundHttpTest {

  @Test
  void onlyTheFetchLayerMakesOutboundConnections() {
    JavaClasses classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.newsdesk");

    noClasses()
        .that()
        .resideOutsideOfPackage("org.newsdesk.importer.fetch..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.apache.hc..", "java.net.http..")
        .orShould()
        .dependOnClassesThat()
        .areAssignableTo(HttpURLConnection.class)
        .orShould()
        .dependOnClassesThat()
        .areAssignableTo(Socket.class)
        .orShould()
        .callMethod(URL.class, "openConnection")
        .because("outbound requests must go through org.newsdesk.importer.fetch.HttpFetcher")
        .check(classes);
  }
}
