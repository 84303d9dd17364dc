package vn.ocop.dossier.applicants;

import java.time.Instant;

import vn.ocop.contracts.dossier.EntityType;
import vn.ocop.dossier.applicants.domain.Address;
import vn.ocop.dossier.applicants.domain.Representative;

final class ApplicantViews {

    private ApplicantViews() {
    }

    record EntityView(String id, long version, EntityType type, String name, String taxCode,
            Representative representative, Address address, String localityCode, Instant createdAt) {

        static EntityView of(EntityRecord r) {
            return new EntityView(r.id, r.version == null ? 0 : r.version, r.type, r.name, r.taxCode,
                    r.representative, r.address, r.localityCode, r.createdAt);
        }
    }

    record ProductView(String id, long version, String entityId, String localityCode, String name,
            Integer criteriaSetCode, String productGroup, String description, Instant createdAt) {

        static ProductView of(ProductRecord r) {
            return new ProductView(r.id, r.version == null ? 0 : r.version, r.entityId, r.localityCode, r.name,
                    r.criteriaSetCode, r.productGroup, r.description, r.createdAt);
        }
    }
}
