package io.shopscale.orders;

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

@AnalyzeClasses(packages = "io.shopscale.orders", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule theOrderDomainKnowsNoFramework = noClasses()
            .that().resideInAPackage("io.shopscale.orders.order")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                    "io.grpc..", "tools.jackson..", "com.fasterxml..", "jakarta..", "java.sql..", "javax.sql..");

    @ArchTest
    static final ArchRule controllersAreNotPartOfAnyApi = classes()
            .that().areAnnotatedWith(RestController.class)
            .should().notHaveModifier(JavaModifier.PUBLIC);

    @ArchTest
    static final ArchRule repositoriesAreReachedOnlyThroughTheirFeature = classes()
            .that().areAnnotatedWith(Repository.class)
            .should().notHaveModifier(JavaModifier.PUBLIC);

    @ArchTest
    static final ArchRule adaptersAreReachedThroughPorts = noClasses()
            .that().resideOutsideOfPackages("io.shopscale.orders.catalog", "io.shopscale.orders.inventory")
            .should().dependOnClassesThat().resideInAnyPackage("io.shopscale.orders.catalog",
                    "io.shopscale.orders.inventory");

    @ArchTest
    static final ArchRule dependenciesComeThroughConstructors = noFields()
            .should().beAnnotatedWith(Autowired.class);
}
