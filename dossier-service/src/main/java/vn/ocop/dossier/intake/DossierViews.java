package vn.ocop.dossier.intake;

import java.time.Instant;
import java.util.List;

import vn.ocop.contracts.dossier.EntityType;
import vn.ocop.contracts.dossier.ReturnReason;
import vn.ocop.dossier.applicants.domain.EconomicEntity;
import vn.ocop.dossier.applicants.domain.Product;
import vn.ocop.dossier.intake.domain.AttachedDocument;
import vn.ocop.dossier.intake.domain.DocumentKind;
import vn.ocop.dossier.intake.domain.DossierStatus;
import vn.ocop.dossier.intake.domain.HistoryEntry;
import vn.ocop.dossier.intake.domain.Outcome;

public final class DossierViews {

    private DossierViews() {
    }

    public record DocumentView(String id, DocumentKind kind, String filename, String contentType, long size,
            String sha256, Instant uploadedAt, String uploadedBy) {

        public static DocumentView of(AttachedDocument d) {
            return new DocumentView(d.id(), d.kind(), d.filename(), d.contentType(), d.size(), d.sha256(),
                    d.uploadedAt(), d.uploadedBy());
        }
    }

    record EntityPart(String id, String name, EntityType type, String taxCode, String representativeName,
            boolean representativeFemale, boolean representativeEthnicMinority) {

        static EntityPart of(EconomicEntity e) {
            return e == null ? null : new EntityPart(e.id(), e.name(), e.type(), e.taxCode(),
                    e.representative() == null ? null : e.representative().name(),
                    e.representative() != null && e.representative().female(),
                    e.representative() != null && e.representative().ethnicMinority());
        }
    }

    record ProductPart(String id, String name, Integer criteriaSetCode, String productGroup, String description) {

        static ProductPart of(Product p) {
            return p == null ? null : new ProductPart(p.id(), p.name(), p.criteriaSetCode(), p.productGroup(),
                    p.description());
        }
    }

    record DossierView(String id, long version, DossierStatus status, String localityCode, String roundId,
            int revision, EntityPart entity, ProductPart product, List<DocumentView> documents,
            List<ReturnReason> openReturnReasons, Outcome outcome, Instant createdAt, String createdBy,
            Instant updatedAt) {
    }

    record DossierSummary(String id, DossierStatus status, String localityCode, String roundId, String entityName,
            String productName, Integer criteriaSetCode, int documentCount, Instant createdAt, Instant updatedAt) {

        static DossierSummary of(DossierRecord r) {
            return new DossierSummary(r.id, r.status, r.localityCode, r.roundId, r.entityName, r.productName,
                    r.criteriaSetCode, r.documents == null ? 0 : r.documents.size(), r.createdAt, r.updatedAt);
        }
    }

    record Page<T>(List<T> items, int page, int size, long total) {
    }

    record HistoryView(String dossierId, List<HistoryEntry> entries) {
    }
}
