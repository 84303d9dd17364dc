package vn.ocop.dossier.applicants;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

interface ProductRepository extends MongoRepository<ProductRecord, String> {

    List<ProductRecord> findByEntityIdOrderByCreatedAtDesc(String entityId);
}
