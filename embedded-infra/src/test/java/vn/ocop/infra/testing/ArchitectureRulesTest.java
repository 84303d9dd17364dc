package vn.ocop.infra.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;

/** The rules every service's ArchitectureTest applies really fail on the faults they exist for. */
class ArchitectureRulesTest {

    private static final String FIXTURES = "vn.ocop.infra.testing.fixtures";
    private final JavaClasses fixtures = new ClassFileImporter().importPackages(FIXTURES);

    @Test
    void aDomainClassUsingASpringTypeIsRefused() {
        assertThatThrownBy(() -> ArchitectureRules.domainIsFreeOfFrameworks().check(fixtures))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Basket").hasMessageContaining("org.springframework.core.io");
    }

    @Test
    void aCycleBetweenFeaturesIsRefused() {
        assertThatThrownBy(() -> ArchitectureRules.noCyclesBetweenFeatures(FIXTURES).check(fixtures))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Cycle");
    }

    @Test
    void aServiceWithoutDomainCodeIsNotCheckedVacuously() {
        JavaClasses nothing = new ClassFileImporter().importPackages("vn.ocop.no.such.service");
        assertThatThrownBy(() -> ArchitectureRules.domainIsFreeOfFrameworks().check(nothing))
                .isInstanceOf(AssertionError.class);
    }
}
