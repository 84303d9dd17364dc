package vn.ocop.notification.reminders;

import static org.springframework.data.mongodb.core.aggregation.Aggregation.group;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.match;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.newAggregation;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import vn.ocop.chassis.messaging.IdempotentProjection;
import vn.ocop.chassis.messaging.ReceivedEvent;
import vn.ocop.contracts.dossier.DossierResubmitted;
import vn.ocop.contracts.dossier.DossierReturned;
import vn.ocop.contracts.dossier.DossierSubmitted;
import vn.ocop.contracts.dossier.DossierWithdrawn;
import vn.ocop.contracts.evaluation.CertificateRevoked;
import vn.ocop.contracts.evaluation.ProductRated;
import vn.ocop.contracts.evaluation.RoundOpened;
import vn.ocop.contracts.reporting.PeriodicReportSubmitted;
import vn.ocop.contracts.reporting.ReportPeriodOpened;
import vn.ocop.notification.reminders.DeadlineDocument.Status;
import vn.ocop.notification.reminders.DeadlineDocument.Target;
import vn.ocop.notification.reminders.domain.DeadlineKind;
import vn.ocop.notification.units.UnitDirectory;

/**
 * The deadline calendar and the facts that tell whether a deadline is met, fed by events. Every projection applies
 * an event at most once (conditional update on the aggregate's last sequence).
 */
@Service
public class Calendar {

    public static final String DEADLINES = "deadlines";
    public static final String DOSSIERS = "dossiers";
    public static final String REPORTS = "report_submissions";

    private final MongoOperations mongo;
    private final IdempotentProjection projection;
    private final ReminderSettings settings;
    private final String provinceUnit;

    public Calendar(MongoOperations mongo, IdempotentProjection projection, ReminderSettings settings,
            @org.springframework.beans.factory.annotation.Value("${ocop.notification.province-unit:89}") String provinceUnit) {
        this.mongo = mongo;
        this.projection = projection;
        this.settings = settings;
        this.provinceUnit = provinceUnit;
    }

    public void on(ReceivedEvent<RoundOpened> event) {
        RoundOpened round = event.body();
        projection.apply(DEADLINES, "round:" + round.roundId(), event.sequence(), new Update()
                .set("kind", DeadlineKind.ROUND_SUBMISSION).set("reference", round.roundId())
                .set("label", round.name()).set("dueDate", round.submissionDeadline().toString())
                .set("offsets", settings.offsets())
                .set("targets", round.localities().stream()
                        .map(l -> new Target(l.localityCode(), l.targetProducts())).toList())
                .setOnInsert("status", Status.OPEN).set("createdBy", round.openedBy()));
    }

    public void onPeriod(ReceivedEvent<ReportPeriodOpened> event) {
        ReportPeriodOpened period = event.body();
        projection.apply(DEADLINES, "report:" + period.periodId(), event.sequence(), new Update()
                .set("kind", DeadlineKind.PERIODIC_REPORT).set("reference", period.periodId())
                .set("label", period.label()).set("dueDate", period.dueDate().toString())
                .set("offsets", settings.offsets())
                .set("units", period.reportingUnits().stream().map(u -> UnitDirectory.canonical(u.unitCode())).toList())
                .setOnInsert("status", Status.OPEN).set("createdBy", period.openedBy()));
    }

    public void onRated(ReceivedEvent<ProductRated> event) {
        ProductRated rated = event.body();
        String id = "certificate:" + event.aggregateId();
        boolean applied = projection.apply(DEADLINES, id, event.sequence(), new Update()
                .set("kind", DeadlineKind.CERTIFICATE_EXPIRY).set("reference", rated.certificateNumber())
                .set("label", rated.productName())
                .set("detail", String.join("|", rated.certificateNumber(), rated.productName(), rated.entityName(),
                        rated.localityCode()))
                .set("dueDate", rated.validUntil().toString())
                .set("offsets", settings.certificateOffsets())
                .set("units", List.of(rated.localityCode(), provinceUnit).stream().distinct().toList())
                .set("productId", rated.productId()).set("certificateNumber", rated.certificateNumber())
                .set("status", Status.OPEN));
        if (applied) {
            mongo.updateMulti(query(where("kind").is(DeadlineKind.CERTIFICATE_EXPIRY).and("productId")
                    .is(rated.productId()).and("_id").ne(id).and("dueDate").lt(rated.validUntil().toString())),
                    new Update().set("status", Status.CLOSED), DEADLINES);
        }
    }

    public void onRevoked(ReceivedEvent<CertificateRevoked> event) {
        mongo.updateMulti(query(where("kind").is(DeadlineKind.CERTIFICATE_EXPIRY).and("certificateNumber")
                .is(event.body().certificateNumber())), new Update().set("status", Status.CLOSED), DEADLINES);
    }

    public void onSubmitted(ReceivedEvent<DossierSubmitted> event) {
        DossierSubmitted d = event.body();
        projection.apply(DOSSIERS, d.dossierId(), event.sequence(), new Update().set("roundId", d.roundId())
                .set("localityCode", d.localityCode()).set("productName", d.product().name())
                .set("entityName", d.entity().name()).set("status", DossierStatus.Status.SUBMITTED));
    }

    public void onResubmitted(ReceivedEvent<DossierResubmitted> event) {
        DossierResubmitted d = event.body();
        projection.apply(DOSSIERS, d.dossierId(), event.sequence(), new Update().set("roundId", d.roundId())
                .set("localityCode", d.localityCode()).set("status", DossierStatus.Status.RESUBMITTED));
    }

    public void onReturned(ReceivedEvent<DossierReturned> event) {
        DossierReturned d = event.body();
        projection.apply(DOSSIERS, d.dossierId(), event.sequence(), new Update()
                .set("localityCode", d.localityCode()).set("status", DossierStatus.Status.RETURNED));
    }

    public void onWithdrawn(ReceivedEvent<DossierWithdrawn> event) {
        DossierWithdrawn d = event.body();
        projection.apply(DOSSIERS, d.dossierId(), event.sequence(), new Update()
                .set("localityCode", d.localityCode()).set("status", DossierStatus.Status.WITHDRAWN));
    }

    public void onReport(ReceivedEvent<PeriodicReportSubmitted> event) {
        PeriodicReportSubmitted r = event.body();
        projection.apply(REPORTS, event.aggregateId(), event.sequence(), new Update().set("periodId", r.periodId())
                .set("unitType", r.unitType()).set("unitCode", UnitDirectory.canonical(r.unitCode())).set("reportId", r.reportId()));
    }

    /** Products submitted per locality in a round, counted from the dossiers' read models. */
    public Map<String, Long> submittedProducts(String roundId) {
        var counted = DossierStatus.Status.values();
        List<String> counting = java.util.Arrays.stream(counted).filter(DossierStatus.Status::counts)
                .map(Enum::name).toList();
        var results = mongo.aggregate(newAggregation(
                match(where("roundId").is(roundId).and("status").in(counting)),
                group("localityCode").count().as("count")), DOSSIERS, Document.class);
        Map<String, Long> counts = new HashMap<>();
        results.forEach(row -> counts.put(row.getString("_id"), ((Number) row.get("count")).longValue()));
        return counts;
    }

    public Set<String> reportedUnits(String periodId) {
        Set<String> units = new HashSet<>();
        mongo.find(query(where("periodId").is(periodId)), Document.class, REPORTS)
                .forEach(row -> units.add(row.getString("unitCode")));
        return units;
    }

    public DossierStatus dossier(String dossierId) {
        return mongo.findById(dossierId, DossierStatus.class);
    }

    public List<DeadlineDocument> open() {
        return mongo.find(query(where("status").is(Status.OPEN)), DeadlineDocument.class);
    }
}
