package vn.ocop.dossier;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;

import vn.ocop.infra.testing.ArchitectureRules;

class ArchitectureTest {

    private final JavaClasses classes = ArchitectureRules.productionClasses("vn.ocop.dossier");

    @Test
    void domainCodeUsesNoFrameworkTypes() {
        ArchitectureRules.domainIsFreeOfFrameworks().check(classes);
    }

    @Test
    void featuresHaveNoCycles() {
        ArchitectureRules.noCyclesBetweenFeatures("vn.ocop.dossier").check(classes);
    }
}
