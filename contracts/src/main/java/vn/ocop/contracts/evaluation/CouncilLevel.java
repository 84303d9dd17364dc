package vn.ocop.contracts.evaluation;

/** Administrative level of an evaluation council (hội đồng đánh giá) or round (cấp xã/huyện/tỉnh/trung ương). */
public enum CouncilLevel {
    COMMUNE,
    DISTRICT,
    PROVINCE,
    CENTRAL
}
