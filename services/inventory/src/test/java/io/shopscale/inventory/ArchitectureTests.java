package io.shopscale.inventory;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.grpc.server.service.GrpcService;
import org.springframework.stereotype.Repository;
import org.springframework.web.bind.annotation.RestController;

@AnalyzeClasses(packages = "io.shopscale.inventory", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule adaptersAreNotPartOfAnyApi = classes()
            .that().areAnnotatedWith(RestController.class)
            .or().areAnnotatedWith(GrpcService.class)
            .or().haveSimpleNameEndingWith("Listener")
            .should().notHaveModifier(JavaModifier.PUBLIC);

    // Package-private, so only their own feature can reach them: stock moves through Reservations or a restock.
    @ArchTest
    static final ArchRule repositoriesStayInsideTheirFeature = classes()
            .that().areAnnotatedWith(Repository.class)
            .should().notHaveModifier(JavaModifier.PUBLIC);

    @ArchTest
    static final ArchRule reservationsKnowNothingOfTheirAdapters = noClasses()
            .that().resideInAPackage("..reservation..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.grpc..", "io.shopscale.contracts..", "org.apache.kafka..", "org.springframework.kafka..",
                    "org.springframework.web..", "..inventory.grpc..", "..inventory.events..",
                    "..inventory.stock..");

    @ArchTest
    static final ArchRule kafkaStaysInTheEventsAdapter = noClasses()
            .that().resideOutsideOfPackage("..inventory.events..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..");

    @ArchTest
    static final ArchRule grpcStaysInTheGrpcAdapter = noClasses()
            .that().resideOutsideOfPackage("..inventory.grpc..")
            .should().dependOnClassesThat().resideInAnyPackage("io.grpc..", "io.shopscale.contracts.inventory..",
                    "org.springframework.grpc..");

    @ArchTest
    static final ArchRule dependenciesComeThroughConstructors = noFields()
            .should().beAnnotatedWith(Autowired.class);
}
