package vn.ocop.infra.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * For a test class annotated with {@link OcopInfraTest}, adds {@link TestInfra#springProperties()} to the test's
 * application context (above System properties and the application's own files, below properties the test
 * declares inline), whatever the order of the JUnit extensions. Registers the context so that it is closed
 * before the infrastructure stops. Registered in {@code META-INF/spring.factories}.
 */
public class OcopInfraContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        return TestContextAnnotationUtils.hasAnnotation(testClass, OcopInfraTest.class) ? new OcopInfraContextCustomizer() : null;
    }

    static final class OcopInfraContextCustomizer implements ContextCustomizer {

        static final String PROPERTY_SOURCE_NAME = "ocopTestInfra";

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
            TestInfra infra = TestInfra.get();
            Map<String, Object> properties = new LinkedHashMap<>(infra.springProperties());
            MutablePropertySources sources = context.getEnvironment().getPropertySources();
            MapPropertySource source = new MapPropertySource(PROPERTY_SOURCE_NAME, properties);
            if (sources.contains(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME)) {
                sources.addBefore(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME, source);
            } else {
                sources.addFirst(source);
            }
            infra.closeBeforeShutdown(context);
        }

        // Every instance customizes identically: equal customizers let Spring's test context cache share contexts.
        @Override
        public boolean equals(Object other) {
            return other instanceof OcopInfraContextCustomizer;
        }

        @Override
        public int hashCode() {
            return OcopInfraContextCustomizer.class.hashCode();
        }
    }
}
