package vn.ocop.dossier.applicants.domain;

import java.util.ArrayList;
import java.util.List;

import vn.ocop.chassis.errors.FieldViolation;
import vn.ocop.contracts.dossier.EntityType;

/**
 * The economic entity (chủ thể OCOP) that owns a product: enterprise, cooperative (HTX), cooperative group
 * (tổ hợp tác) or registered household. Drafts may be incomplete; {@link #missingForSubmission()} says what a
 * submission still needs.
 *
 * @param taxCode business registration / tax number (mã số thuế); optional for households
 */
public record EconomicEntity(
        String id,
        EntityType type,
        String name,
        String taxCode,
        Representative representative,
        Address address) {

    public String localityCode() {
        return address == null ? null : address.localityCode();
    }

    public List<FieldViolation> missingForSubmission() {
        List<FieldViolation> missing = new ArrayList<>();
        if (type == null) {
            missing.add(FieldViolation.of("entity.type", "dossier.missing-field"));
        }
        if (blank(name)) {
            missing.add(FieldViolation.of("entity.name", "dossier.missing-field"));
        }
        if (blank(taxCode) && type != EntityType.HOUSEHOLD) {
            missing.add(FieldViolation.of("entity.taxCode", "dossier.missing-field"));
        }
        if (representative == null || blank(representative.name())) {
            missing.add(FieldViolation.of("entity.representative.name", "dossier.missing-field"));
        }
        if (address == null || blank(address.street())) {
            missing.add(FieldViolation.of("entity.address.street", "dossier.missing-field"));
        }
        return missing;
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
