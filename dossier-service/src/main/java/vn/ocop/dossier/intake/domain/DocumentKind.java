package vn.ocop.dossier.intake.domain;

/** Kinds of document in a dossier (ocop-domain.md §3.2). Which are required is configuration, not code. */
public enum DocumentKind {
    /** Phiếu đăng ký sản phẩm (form 01/02). */
    REGISTRATION_FORM,
    /** Phương án, kế hoạch kinh doanh (form 03). */
    BUSINESS_PLAN,
    /** Giới thiệu bộ máy tổ chức (form 04). */
    ORGANISATION_DESCRIPTION,
    /** Giấy đăng ký kinh doanh. */
    BUSINESS_REGISTRATION,
    /** Công bố chất lượng, phiếu kết quả kiểm nghiệm. */
    QUALITY_DECLARATION,
    /** Tài liệu minh chứng bổ sung. */
    OTHER_EVIDENCE
}
