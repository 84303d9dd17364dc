package vn.ocop.notification;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;

import vn.ocop.infra.testing.ArchitectureRules;

class ArchitectureTest {

    private final JavaClasses classes = ArchitectureRules.productionClasses("vn.ocop.notification");

    @Test
    void domainCodeUsesNoFrameworkTypes() {
        ArchitectureRules.domainIsFreeOfFrameworks().check(classes);
    }

    @Test
    void featuresHaveNoCycles() {
        ArchitectureRules.noCyclesBetweenFeatures("vn.ocop.notification").check(classes);
    }
}
