package vn.ocop.infra.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class against the shared {@link TestInfra} (real Kafka and MongoDB) and points Spring Boot at it.
 * Place it before {@code @SpringBootTest}; {@link OcopInfraContextCustomizerFactory} makes the order harmless anyway.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(OcopInfraExtension.class)
public @interface OcopInfraTest {
}
