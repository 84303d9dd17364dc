package vn.ocop.reporting.statistics.domain;

public enum CertificateStatus {
    VALID,
    EXPIRED,
    REVOKED
}
