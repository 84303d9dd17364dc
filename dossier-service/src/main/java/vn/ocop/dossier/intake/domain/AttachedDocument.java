package vn.ocop.dossier.intake.domain;

import java.time.Instant;

/** A file of the dossier, stored elsewhere (GridFS) under {@code id}. */
public record AttachedDocument(
        String id,
        DocumentKind kind,
        String filename,
        String contentType,
        long size,
        String sha256,
        Instant uploadedAt,
        String uploadedBy) {
}
