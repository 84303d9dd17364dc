package vn.ocop.dossier.applicants.domain;

/** @param localityCode key of the administrative unit (see the localities feature) */
public record Address(String street, String localityCode) {
}
