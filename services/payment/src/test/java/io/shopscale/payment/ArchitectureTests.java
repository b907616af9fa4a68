package io.shopscale.payment;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Repository;
import org.springframework.web.bind.annotation.RestController;

@AnalyzeClasses(packages = "io.shopscale.payment", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule thePaymentDomainKnowsNoFramework = noClasses()
            .that().resideInAPackage("io.shopscale.payment.domain")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                    "io.github.resilience4j..", "tools.jackson..", "com.fasterxml..", "jakarta..", "java.sql..",
                    "javax.sql..", "java.net.http..", "io.shopscale.contracts..");

    @ArchTest
    static final ArchRule controllersAreNotPartOfAnyApi = classes()
            .that().areAnnotatedWith(RestController.class)
            .should().notHaveModifier(JavaModifier.PUBLIC);

    @ArchTest
    static final ArchRule repositoriesAreReachedOnlyThroughTheirPorts = classes()
            .that().areAnnotatedWith(Repository.class)
            .should().notHaveModifier(JavaModifier.PUBLIC);

    @ArchTest
    static final ArchRule theProviderIsReachedThroughItsPort = noClasses()
            .that().resideOutsideOfPackage("io.shopscale.payment.provider")
            .should().dependOnClassesThat().resideInAPackage("io.shopscale.payment.provider");

    @ArchTest
    static final ArchRule onlyTheEventsFeatureSpeaksKafka = noClasses()
            .that().resideOutsideOfPackage("io.shopscale.payment.events")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..");

    @ArchTest
    static final ArchRule dependenciesComeThroughConstructors = noFields()
            .should().beAnnotatedWith(Autowired.class);
}
