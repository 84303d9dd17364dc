package vn.ocop.dossier.applicants.domain;

import java.util.ArrayList;
import java.util.List;

import vn.ocop.chassis.errors.FieldViolation;

/**
 * A product (sản phẩm) of an economic entity, scored on the sheet of its criteria set (bộ sản phẩm 1–26).
 *
 * @param productGroup nhóm sản phẩm code, e.g. {@code THUC_PHAM}
 */
public record Product(
        String id,
        String entityId,
        String name,
        Integer criteriaSetCode,
        String productGroup,
        String description) {

    public List<FieldViolation> missingForSubmission() {
        List<FieldViolation> missing = new ArrayList<>();
        if (EconomicEntity.blank(name)) {
            missing.add(FieldViolation.of("product.name", "dossier.missing-field"));
        }
        if (criteriaSetCode == null) {
            missing.add(FieldViolation.of("product.criteriaSetCode", "dossier.missing-field"));
        }
        if (EconomicEntity.blank(productGroup)) {
            missing.add(FieldViolation.of("product.productGroup", "dossier.missing-field"));
        }
        if (EconomicEntity.blank(description)) {
            missing.add(FieldViolation.of("product.description", "dossier.missing-field"));
        }
        return missing;
    }
}
