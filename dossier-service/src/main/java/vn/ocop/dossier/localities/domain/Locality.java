package vn.ocop.dossier.localities.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * An administrative unit (đơn vị hành chính) as dated reference data: valid from/to, its parent and, once it
 * ceased to exist, the units that succeeded it. {@code key} is what dossiers and the {@code locality} claim carry;
 * it equals {@code officialCode} where that code is known, else it is a provisional key and
 * {@code codeVerified} is false.
 *
 * @param validTo nullable: still valid
 */
public record Locality(
        String key,
        String officialCode,
        boolean codeVerified,
        String name,
        String kind,
        AdministrativeLevel level,
        String parentKey,
        LocalDate validFrom,
        LocalDate validTo,
        List<String> successorKeys) {

    public Locality {
        successorKeys = List.copyOf(successorKeys);
    }

    public boolean validOn(LocalDate date) {
        return !date.isBefore(validFrom) && (validTo == null || !date.isAfter(validTo));
    }
}
