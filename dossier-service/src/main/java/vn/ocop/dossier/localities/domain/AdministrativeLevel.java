package vn.ocop.dossier.localities.domain;

/** Tỉnh (province), huyện-level (district, until 30/06/2025), xã-level (commune). */
public enum AdministrativeLevel {
    PROVINCE,
    DISTRICT,
    COMMUNE
}
