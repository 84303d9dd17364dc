package vn.ocop.reporting.periods;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

interface PeriodicReportRepository extends MongoRepository<PeriodicReportDocument, String> {

    List<PeriodicReportDocument> findByPeriodId(String periodId);
}
