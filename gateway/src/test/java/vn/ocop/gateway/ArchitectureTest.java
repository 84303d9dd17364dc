package vn.ocop.gateway;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;

import vn.ocop.infra.testing.ArchitectureRules;

class ArchitectureTest {

    private final JavaClasses classes = ArchitectureRules.productionClasses("vn.ocop.gateway");

    @Test
    void featuresHaveNoCycles() {
        ArchitectureRules.noCyclesBetweenFeatures("vn.ocop.gateway").check(classes);
    }
}
