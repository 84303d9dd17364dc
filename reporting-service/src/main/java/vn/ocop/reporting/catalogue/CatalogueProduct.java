package vn.ocop.reporting.catalogue;

import java.time.LocalDate;

/**
 * A certified OCOP product as the public sees it. Only public facts of the certification decision: no internal
 * ids (dossier, case, entity, product), no tax numbers, no user ids, no scores.
 */
public record CatalogueProduct(
        String certificateNumber,
        String productName,
        String entityName,
        String localityCode,
        String localityName,
        int criteriaSetCode,
        int stars,
        LocalDate validFrom,
        LocalDate validUntil) {
}
