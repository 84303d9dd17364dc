package vn.ocop.dossier.applicants;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.ocop.dossier.applicants.domain.Product;

@Document("products")
class ProductRecord {

    @Id
    String id;
    @Version
    Long version;
    @Indexed
    String entityId;
    String localityCode;
    String name;
    String nameNormalized;
    Integer criteriaSetCode;
    String productGroup;
    String description;
    Instant createdAt;
    String createdBy;
    Instant updatedAt;

    Product toDomain() {
        return new Product(id, entityId, name, criteriaSetCode, productGroup, description);
    }
}
