package io.shopscale.psp;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.bind.annotation.RestController;

@AnalyzeClasses(packages = "io.shopscale.psp", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule controllersAreNotPartOfAnyApi = classes()
            .that().areAnnotatedWith(RestController.class)
            .should().notHaveModifier(JavaModifier.PUBLIC);

    @ArchTest
    static final ArchRule dependenciesComeThroughConstructors = noFields()
            .should().beAnnotatedWith(Autowired.class);

    @ArchTest
    static final ArchRule featuresDoNotDependOnEachOtherInCircles = slices()
            .matching("io.shopscale.psp.(*)..")
            .should().beFreeOfCycles();

    /** The admin API lives only in the management context; nothing in the charge context may reach into it. */
    @ArchTest
    static final ArchRule nothingDependsOnTheAdminApi = noClasses()
            .that().resideOutsideOfPackage("io.shopscale.psp.admin..")
            .should().dependOnClassesThat().resideInAPackage("io.shopscale.psp.admin..");

    /** Idempotency is a mechanism, not a feature: it knows nothing of charges or the web. */
    @ArchTest
    static final ArchRule idempotencyKnowsNoChargesAndNoFramework = noClasses()
            .that().resideInAPackage("io.shopscale.psp.idempotency..")
            .should().dependOnClassesThat().resideInAnyPackage("io.shopscale.psp.charge..", "org.springframework..",
                    "jakarta..");
}
