package vn.ocop.chassis.sample;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface SampleDossierRepository extends MongoRepository<SampleDossier, String> {
}
