package vn.ocop.contracts.dossier;

/**
 * The product a dossier is about.
 *
 * @param criteriaSetCode number (1..26) of the bộ sản phẩm (criteria set) whose score sheet applies
 * @param productGroup    the nhóm sản phẩm (product group) code, e.g. {@code THUC_PHAM}
 */
public record ProductSummary(
        String productId,
        String name,
        int criteriaSetCode,
        String productGroup) {
}
