package vn.ocop.dossier.applicants.domain;

import java.util.Optional;

/**
 * Product groups (nhóm sản phẩm) of the 26 criteria sets, as in Annex I of Decision 148/QĐ-TTg (2023).
 * Valid for the QD148-2023 regime; a later regime needs its own table.
 */
public final class ProductGroups {

    public static final String REGIME = "QD148-2023";

    private ProductGroups() {
    }

    public static Optional<String> ofCriteriaSet(Integer set) {
        if (set == null || set < 1 || set > 26) {
            return Optional.empty();
        }
        if (set <= 13) {
            return Optional.of("THUC_PHAM");
        }
        if (set <= 17) {
            return Optional.of("DO_UONG");
        }
        if (set <= 20) {
            return Optional.of("DUOC_LIEU");
        }
        if (set <= 22) {
            return Optional.of("THU_CONG_MY_NGHE");
        }
        if (set <= 25) {
            return Optional.of("SINH_VAT_CANH");
        }
        return Optional.of("DICH_VU_DU_LICH");
    }
}
