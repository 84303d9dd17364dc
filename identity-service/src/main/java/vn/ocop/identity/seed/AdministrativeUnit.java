package vn.ocop.identity.seed;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A district-level administrative unit of the demo seed (code, name with diacritics, type, valid from), read from
 * {@code seed/an-giang-2020-units.csv}. Only the seed uses it: the versioned unit list belongs to dossier-service.
 */
record AdministrativeUnit(String code, String name, String type, LocalDate validFrom) {

    static final String RESOURCE = "/seed/an-giang-2020-units.csv";

    static List<AdministrativeUnit> anGiang2020() {
        try (InputStream in = AdministrativeUnit.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<AdministrativeUnit> parse(List<String> lines) {
        List<AdministrativeUnit> units = new ArrayList<>();
        boolean header = true;
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != 4) {
                throw new IllegalArgumentException("bad unit line: " + line);
            }
            units.add(new AdministrativeUnit(cells[0].trim(), cells[1].trim(), cells[2].trim(),
                    LocalDate.parse(cells[3].trim())));
        }
        return units;
    }

    /** The ASCII login name: diacritics removed, đ→d, lower case, letters and digits only ("Châu Đốc" → chaudoc). */
    String username() {
        String ascii = Normalizer.normalize(name.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
