package vn.ocop.contracts.dossier;

/** Legal form of the economic entity (chủ thể) that owns the product. */
public enum EntityType {
    ENTERPRISE,
    /** Hợp tác xã (HTX). */
    COOPERATIVE,
    /** Tổ hợp tác. */
    COOPERATIVE_GROUP,
    /** Hộ sản xuất có đăng ký kinh doanh. */
    HOUSEHOLD
}
