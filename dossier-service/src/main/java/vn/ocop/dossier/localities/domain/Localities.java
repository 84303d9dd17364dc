package vn.ocop.dossier.localities.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The administrative units known to the service, with their validity periods. */
public final class Localities {

    private final Map<String, Locality> byKey = new LinkedHashMap<>();

    public Localities(List<Locality> units) {
        units.forEach(unit -> byKey.put(unit.key(), unit));
    }

    /**
     * Reads the pipe-separated reference file: {@code key|officialCode|codeVerified|name|kind|level|parentKey|
     * validFrom|validTo|successorKeys}; lines starting with {@code #} are comments.
     */
    public static Localities parse(List<String> lines) {
        List<Locality> units = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\|", -1);
            if (f.length != 10) {
                throw new IllegalArgumentException("locality line needs 10 fields: " + line);
            }
            units.add(new Locality(f[0], blankToNull(f[1]), Boolean.parseBoolean(f[2]), f[3], f[4],
                    AdministrativeLevel.valueOf(f[5]), blankToNull(f[6]), LocalDate.parse(f[7]),
                    f[8].isBlank() ? null : LocalDate.parse(f[8]),
                    f[9].isBlank() ? List.of() : List.of(f[9].split(","))));
        }
        return new Localities(units);
    }

    private static String blankToNull(String value) {
        return value.isBlank() ? null : value;
    }

    public Optional<Locality> find(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    public boolean isValidOn(String key, LocalDate date) {
        return key != null && find(key).map(unit -> unit.validOn(date)).orElse(false);
    }

    public List<Locality> all() {
        return List.copyOf(byKey.values());
    }

    public List<Locality> validOn(LocalDate date) {
        return byKey.values().stream().filter(unit -> unit.validOn(date)).toList();
    }
}
