package io.shopscale.cart;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.bind.annotation.RestController;

@AnalyzeClasses(packages = "io.shopscale.cart", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule controllersAreNotPartOfAnyApi = classes()
            .that().areAnnotatedWith(RestController.class)
            .should().notHaveModifier(JavaModifier.PUBLIC);

    @ArchTest
    static final ArchRule dependenciesComeThroughConstructors = noFields()
            .should().beAnnotatedWith(Autowired.class);

    /** The cart is AP: it must keep working while PostgreSQL and Kafka are down, so it must not use them. */
    @ArchTest
    static final ArchRule redisIsTheOnlyStore = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage(
                    "java.sql..", "javax.sql..", "org.springframework.jdbc..", "org.springframework.kafka..",
                    "org.apache.kafka..");

    @ArchTest
    static final ArchRule onlyTheStoreTalksToRedis = noClasses()
            .that().doNotHaveSimpleName("CartStore")
            .should().dependOnClassesThat().resideInAPackage("org.springframework.data.redis.core..");

    @ArchTest
    static final ArchRule theCartModelIsPlainJava = noClasses()
            .that().haveSimpleName("Cart").or().haveSimpleName("CartItem").or().haveSimpleName("Sku")
            .should().dependOnClassesThat().resideInAPackage("org.springframework..");
}
