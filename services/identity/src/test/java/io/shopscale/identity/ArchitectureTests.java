package io.shopscale.identity;

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

@AnalyzeClasses(packages = "io.shopscale.identity", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule controllersAreNotPartOfAnyApi = classes()
            .that().areAnnotatedWith(RestController.class)
            .should().notHaveModifier(JavaModifier.PUBLIC);

    @ArchTest
    static final ArchRule repositoriesStayInsideTheirFeature = classes()
            .that().areAnnotatedWith(Repository.class)
            .should().notHaveModifier(JavaModifier.PUBLIC);

    @ArchTest
    static final ArchRule userRowsAreReadOnlyThroughTheUserFeature = noClasses()
            .that().resideOutsideOfPackage("..identity.user..")
            .should().accessClassesThat().haveSimpleName("UserRepository");

    @ArchTest
    static final ArchRule signingKeysStayInsideTheTokenFeature = noClasses()
            .that().resideOutsideOfPackage("..identity.token..")
            .should().accessClassesThat().haveSimpleName("SigningKeyRepository")
            .orShould().accessClassesThat().haveSimpleName("PrivateKeyProtector");

    @ArchTest
    static final ArchRule passwordRulesKnowNothingOfTheWeb = noClasses()
            .that().resideInAPackage("..identity.password..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web.bind..", "jakarta.servlet..");

    @ArchTest
    static final ArchRule dependenciesComeThroughConstructors = noFields()
            .should().beAnnotatedWith(Autowired.class);
}
