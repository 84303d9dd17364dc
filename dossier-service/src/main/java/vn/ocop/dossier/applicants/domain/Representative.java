package vn.ocop.dossier.applicants.domain;

/** Người đại diện theo pháp luật; the score sheets reward a female or ethnic-minority representative. */
public record Representative(String name, boolean female, boolean ethnicMinority) {
}
