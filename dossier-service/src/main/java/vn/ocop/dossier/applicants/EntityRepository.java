package vn.ocop.dossier.applicants;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

interface EntityRepository extends MongoRepository<EntityRecord, String> {

    List<EntityRecord> findByLocalityCodeOrderByCreatedAtDesc(String localityCode);

    List<EntityRecord> findAllByOrderByCreatedAtDesc();
}
