package vn.ocop.dossier.applicants;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.ocop.contracts.dossier.EntityType;
import vn.ocop.dossier.applicants.domain.Address;
import vn.ocop.dossier.applicants.domain.EconomicEntity;
import vn.ocop.dossier.applicants.domain.Representative;

@Document("entities")
class EntityRecord {

    @Id
    String id;
    @Version
    Long version;
    EntityType type;
    String name;
    String nameNormalized;
    String taxCode;
    Representative representative;
    Address address;
    @Indexed
    String localityCode;
    Instant createdAt;
    String createdBy;
    Instant updatedAt;

    EconomicEntity toDomain() {
        return new EconomicEntity(id, type, name, taxCode, representative, address);
    }
}
