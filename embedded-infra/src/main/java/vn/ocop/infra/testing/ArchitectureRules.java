package vn.ocop.infra.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The structure every service keeps (architecture §7): packages by feature, each with plain domain code at
 * its centre. Domain packages ({@code ..domain..}) use no web, Kafka, Mongo or Spring types; features do not
 * depend on each other in cycles. Neither rule passes on an empty import: a service without domain code, or a
 * wrong base package, fails instead of being checked vacuously.
 */
public final class ArchitectureRules {

    private ArchitectureRules() {
    }

    public static JavaClasses productionClasses(String basePackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
    }

    public static ArchRule domainIsFreeOfFrameworks() {
        return noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "org.apache.kafka..", "com.mongodb..", "org.bson..",
                        "jakarta.servlet..", "tools.jackson..", "com.fasterxml.jackson.databind..")
                .because("domain code must stay testable and portable without the frameworks at the edges");
    }

    public static ArchRule noCyclesBetweenFeatures(String basePackage) {
        return slices().matching(basePackage + ".(*)..").should().beFreeOfCycles();
    }
}
