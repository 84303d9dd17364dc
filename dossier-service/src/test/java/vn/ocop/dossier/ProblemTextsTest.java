package vn.ocop.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** Every problem code of the service has a Vietnamese (default) and an English text. */
class ProblemTextsTest {

    @Test
    void everyCodeIsTranslatedAndTheDefaultBundleIsVietnamese() throws IOException {
        Properties vi = load("/problems_vi.properties");
        Properties en = load("/problems_en.properties");
        Properties fallback = load("/problems.properties");

        assertThat(en.keySet()).containsExactlyInAnyOrderElementsOf(vi.keySet());
        assertThat(fallback).isEqualTo(vi);
        assertThat(vi.getProperty("dossier.illegal-transition")).contains("{0}").contains("Hồ sơ");
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (var in = new InputStreamReader(ProblemTextsTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }
}
