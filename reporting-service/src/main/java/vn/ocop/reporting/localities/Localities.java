package vn.ocop.reporting.localities;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Vietnamese names of administrative units for report labels (An Giang 2020 district-level codes and the
 * province). dossier-service owns the authoritative, dated list; an unknown code is shown as the code itself.
 */
@Component
public class Localities {

    private final Map<String, String> names = load("localities.properties");
    private final Map<String, String> departments = load("departments.properties");

    private static Map<String, String> load(String resource) {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(new ClassPathResource(resource).getInputStream(),
                StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> loaded = new TreeMap<>();
        properties.forEach((code, name) -> loaded.put(code.toString(), name.toString()));
        return Map.copyOf(loaded);
    }

    /** A department's (sở, ngành) name, or its code when unknown. */
    public String departmentName(String code) {
        return code == null ? null : departments.getOrDefault(code, code);
    }

    public String name(String code) {
        if (code == null) {
            return null;
        }
        return names.getOrDefault(code, code);
    }
}
