package vn.ocop.reporting.periods;

import org.springframework.data.mongodb.repository.MongoRepository;

interface ReportPeriodRepository extends MongoRepository<ReportPeriodDocument, String> {
}
