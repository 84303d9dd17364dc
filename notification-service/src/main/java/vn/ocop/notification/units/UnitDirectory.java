package vn.ocop.notification.units;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The administrative units (đơn vị hành chính) and departments (sở, ngành) notifications are addressed to, read
 * from a reference list on the classpath. A copy: dossier-service owns the authoritative list.
 */
public final class UnitDirectory {

    public enum UnitType { PROVINCE, LOCALITY, DEPARTMENT }

    public record Unit(String code, UnitType type, String nameVi, String nameEn) {
        public String name(String language) {
            return "en".equals(language) ? nameEn : nameVi;
        }
    }

    private final Map<String, Unit> units;

    public UnitDirectory(List<Unit> units) {
        Map<String, Unit> byCode = new LinkedHashMap<>();
        units.forEach(unit -> byCode.put(unit.code(), unit));
        this.units = Map.copyOf(byCode);
    }

    public static UnitDirectory fromClasspath(String resource) {
        try (InputStream in = UnitDirectory.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing unit list " + resource);
            }
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return new UnitDirectory(reader.lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.split(";"))
                    .map(f -> new Unit(f[0], UnitType.valueOf(f[1]), f[2], f.length > 3 ? f[3] : f[2]))
                    .toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One spelling per unit: department codes are written with hyphens ({@code SO-NNPTNT}, as identity-service puts
     * them in tokens); an underscore spelling ({@code SO_NNPTNT}) coming from another service is read as the same unit.
     */
    public static String canonical(String code) {
        return code == null ? null : code.strip().replace('_', '-');
    }

    public Optional<Unit> find(String code) {
        code = canonical(code);
        return Optional.ofNullable(units.get(code));
    }

    /** The unit's name in the language, or its code when the unit is not in the list. */
    public String name(String code, String language) {
        return find(code).map(unit -> unit.name(language)).orElse(code);
    }

    public boolean contains(String code) {
        return units.containsKey(canonical(code));
    }
}
