package vn.ocop.infra.embedded;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.LoggerFactory;

/**
 * Keeps the in-process Kafka broker's logging at WARN. The broker logs through SLF4J under these names and is
 * very chatty at INFO. Spring Boot re-initialises logging when a context starts, so a Boot application must
 * also carry the levels as properties ({@link #springLoggingProperties()}).
 */
public final class QuietServerLogs {

    public static final List<String> LOGGER_NAMES = List.of("kafka", "org.apache.kafka", "state.change.logger");
    public static final String LEVEL = "WARN";

    private QuietServerLogs() {
    }

    /** {@code logging.level.<name>=WARN} for each of {@link #LOGGER_NAMES}. */
    public static Map<String, String> springLoggingProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        LOGGER_NAMES.forEach(name -> properties.put("logging.level." + name, LEVEL));
        return properties;
    }

    /** Sets the levels now when Logback is the SLF4J backend; does nothing otherwise. */
    public static void apply() {
        if (isLogbackPresent() && LogbackLevels.isLogbackBackend()) {
            LogbackLevels.set(LOGGER_NAMES, LEVEL);
        }
    }

    private static boolean isLogbackPresent() {
        try {
            Class.forName("ch.qos.logback.classic.Logger", false, QuietServerLogs.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Touches Logback types only once Logback is known to be on the classpath. */
    private static final class LogbackLevels {

        static boolean isLogbackBackend() {
            return LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext;
        }

        static void set(List<String> loggerNames, String level) {
            ch.qos.logback.classic.LoggerContext context =
                    (ch.qos.logback.classic.LoggerContext) LoggerFactory.getILoggerFactory();
            loggerNames.forEach(name -> context.getLogger(name).setLevel(ch.qos.logback.classic.Level.toLevel(level)));
        }
    }
}
