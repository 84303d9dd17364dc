package vn.ocop.dossier.intake;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import vn.ocop.chassis.errors.FieldViolation;
import vn.ocop.chassis.errors.InvalidInputException;
import vn.ocop.chassis.security.AgencyPrincipal;
import vn.ocop.chassis.security.Role;
import vn.ocop.contracts.OcopEvent;
import vn.ocop.contracts.dossier.ReturnReason;
import vn.ocop.dossier.access.Access;
import vn.ocop.dossier.applicants.ApplicantChanged;
import vn.ocop.dossier.applicants.ApplicantService;
import vn.ocop.dossier.applicants.domain.EconomicEntity;
import vn.ocop.dossier.applicants.domain.Product;
import vn.ocop.dossier.assignments.SessionAssignments;
import vn.ocop.dossier.intake.DossierRequests.CreateDossier;
import vn.ocop.dossier.intake.DossierRequests.ReturnDossier;
import vn.ocop.dossier.intake.DossierViews.DocumentView;
import vn.ocop.dossier.intake.DossierViews.DossierSummary;
import vn.ocop.dossier.intake.DossierViews.DossierView;
import vn.ocop.dossier.intake.DossierViews.EntityPart;
import vn.ocop.dossier.intake.DossierViews.HistoryView;
import vn.ocop.dossier.intake.DossierViews.Page;
import vn.ocop.dossier.intake.DossierViews.ProductPart;
import vn.ocop.dossier.intake.domain.DocumentKind;
import vn.ocop.dossier.intake.domain.Dossier;
import vn.ocop.dossier.intake.domain.DossierStatus;
import vn.ocop.dossier.intake.domain.Submission;
import vn.ocop.dossier.localities.domain.Localities;
import vn.ocop.dossier.rounds.RoundCatalog;
import vn.ocop.dossier.search.SearchText;

/** Creating, reading, listing and moving dossiers through their lifecycle, with locality scoping. */
@Service
class DossierService {

    static final int MAX_PAGE_SIZE = 100;

    private final DossierStore store;
    private final MongoOperations mongo;
    private final DossierAccess access;
    private final ApplicantService applicants;
    private final RoundCatalog rounds;
    private final SessionAssignments assignments;
    private final Localities localities;
    private final Clock clock;
    private final Set<DocumentKind> requiredKinds;

    DossierService(DossierStore store, MongoOperations mongo, DossierAccess access, ApplicantService applicants,
            RoundCatalog rounds, SessionAssignments assignments, Localities localities, Clock clock,
            @Value("${ocop.dossier.required-document-kinds:REGISTRATION_FORM,BUSINESS_PLAN,ORGANISATION_DESCRIPTION,BUSINESS_REGISTRATION}")
            Set<DocumentKind> requiredKinds) {
        this.store = store;
        this.mongo = mongo;
        this.access = access;
        this.applicants = applicants;
        this.rounds = rounds;
        this.assignments = assignments;
        this.localities = localities;
        this.clock = clock;
        this.requiredKinds = Set.copyOf(requiredKinds);
    }

    DossierView create(CreateDossier input, AgencyPrincipal me) {
        Access.requireLocalityActor(me);
        List<FieldViolation> invalid = new ArrayList<>();
        EconomicEntity entity = applicants.findEntity(input.entityId(), me).orElse(null);
        Product product = applicants.findProduct(input.productId(), me).orElse(null);
        if (entity == null) {
            invalid.add(FieldViolation.of("entityId", "entity.not-found", input.entityId()));
        }
        if (product == null) {
            invalid.add(FieldViolation.of("productId", "product.not-found", input.productId()));
        } else if (entity != null && !product.entityId().equals(entity.id())) {
            invalid.add(FieldViolation.of("productId", "dossier.product-of-other-entity", product.id(), entity.id()));
        }
        if (entity != null) {
            LocalDate today = LocalDate.ofInstant(clock.instant(), ApplicantService.VIETNAM);
            if (!localities.isValidOn(entity.localityCode(), today)) {
                invalid.add(FieldViolation.of("entityId", "locality.not-valid", entity.localityCode(), today.toString()));
            }
        }
        if (!invalid.isEmpty()) {
            throw new InvalidInputException("dossier.invalid", invalid);
        }
        Instant now = clock.instant();
        Dossier dossier = Dossier.draft(UUID.randomUUID().toString(), entity.id(), product.id(), entity.localityCode(),
                blankToNull(input.roundId()), me.subject(), now);
        DossierRecord record = new DossierRecord();
        refreshNames(record, entity, product);
        DossierRecord saved = store.save(new DossierStore.Loaded(dossier, record), List.of(), now);
        return view(saved);
    }

    DossierView get(String id, AgencyPrincipal me) {
        return view(access.readable(me, id).record());
    }

    HistoryView history(String id, AgencyPrincipal me) {
        return new HistoryView(id, access.readable(me, id).dossier().history());
    }

    DossierView changeRound(String id, String roundId, AgencyPrincipal me) {
        return change(id, me, (dossier, parties) -> {
            dossier.changeRound(blankToNull(roundId), me.subject(), clock.instant());
            return List.of();
        });
    }

    DossierView submit(String id, AgencyPrincipal me) {
        return change(id, me, (dossier, parties) -> dossier.submit(parties.submissionOf(dossier), me.subject(),
                clock.instant()));
    }

    DossierView resubmit(String id, AgencyPrincipal me) {
        return change(id, me, (dossier, parties) -> dossier.resubmit(parties.submissionOf(dossier), me.subject(),
                clock.instant()));
    }

    DossierView withdraw(String id, String reason, AgencyPrincipal me) {
        return change(id, me, (dossier, parties) -> dossier.withdraw(blankToNull(reason), me.subject(), clock.instant()));
    }

    DossierView returnForCompletion(String id, ReturnDossier input, AgencyPrincipal me) {
        List<ReturnReason> reasons = input == null || input.reasons() == null ? List.of()
                : input.reasons().stream().map(r -> r == null ? null : new ReturnReason(r.item(), r.reason())).toList();
        Access.requireProvinceOfficer(me);
        DossierStore.Loaded loaded = store.load(id);
        Instant now = clock.instant();
        return view(store.update(loaded, now, dossier -> dossier.returnForCompletion(reasons, me.subject(), now),
                record -> record));
    }

    private DossierView change(String id, AgencyPrincipal me, BiFunction<Dossier, Parties, List<OcopEvent>> change) {
        DossierStore.Loaded loaded = access.changeable(me, id);
        Parties parties = new Parties();
        DossierRecord saved = store.update(loaded, clock.instant(), dossier -> change.apply(dossier, parties),
                record -> record);
        return view(saved, parties);
    }

    /**
     * The entity and product of the dossier a request changes, each read at most once per request: the
     * submission checks them and the answer shows them (they are not part of the dossier's optimistic lock
     * either way).
     */
    private final class Parties {

        private String entityId;
        private EconomicEntity entity;
        private String productId;
        private Product product;

        EconomicEntity entity(String id) {
            if (entityId == null || !entityId.equals(id)) {
                entity = applicants.findEntity(id).orElse(null);
                entityId = id;
            }
            return entity;
        }

        Product product(String id) {
            if (productId == null || !productId.equals(id)) {
                product = applicants.findProduct(id).orElse(null);
                productId = id;
            }
            return product;
        }

        Submission submissionOf(Dossier dossier) {
            return new Submission(entity(dossier.entityId()), product(dossier.productId()),
                    rounds.find(dossier.roundId()).orElse(null), requiredKinds);
        }
    }

    Page<DossierSummary> list(DossierStatus status, String locality, Integer criteriaSet, String roundId, String q,
            int page, int size, AgencyPrincipal me) {
        int pageSize = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        int pageNumber = Math.max(0, page);
        List<Criteria> filters = new ArrayList<>();
        if (me.isProvinceOfficer()) {
            if (locality != null) {
                filters.add(where("localityCode").is(locality));
            }
        } else if (me.has(Role.LOCALITY_OFFICER)) {
            filters.add(where("localityCode").is(me.locality()));
            if (locality != null && !locality.equals(me.locality())) {
                return new Page<>(List.of(), pageNumber, pageSize, 0);
            }
        } else if (me.has(Role.COUNCIL_MEMBER)) {
            filters.add(where("_id").in(assignments.dossiersOf(me.subject())));
            if (locality != null) {
                filters.add(where("localityCode").is(locality));
            }
        } else {
            return new Page<>(List.of(), pageNumber, pageSize, 0);
        }
        if (status != null) {
            filters.add(where("status").is(status));
        }
        if (criteriaSet != null) {
            filters.add(where("criteriaSetCode").is(criteriaSet));
        }
        if (roundId != null) {
            filters.add(where("roundId").is(roundId));
        }
        if (q != null && !SearchText.normalize(q).isEmpty()) {
            filters.add(where("searchText").regex(SearchText.containsRegex(q)));
        }
        Query query = filters.isEmpty() ? new Query() : new Query(new Criteria().andOperator(filters.toArray(Criteria[]::new)));
        query.fields().exclude("history", "outbox", "appliedEvaluationEvents");
        long total = mongo.count(query, DossierRecord.class);
        query.with(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("_id")))
                .skip((long) pageNumber * pageSize).limit(pageSize);
        List<DossierSummary> items = mongo.find(query, DossierRecord.class).stream().map(DossierSummary::of).toList();
        return new Page<>(items, pageNumber, pageSize, total);
    }

    @EventListener
    void on(ApplicantChanged changed) {
        Query affected = changed.productId() != null ? query(where("productId").is(changed.productId()))
                : query(where("entityId").is(changed.entityId()));
        Map<String, List<DossierRecord>> byProduct = mongo.find(affected, DossierRecord.class).stream()
                .collect(Collectors.groupingBy(r -> r.productId));
        byProduct.forEach((productId, dossiers) -> {
            EconomicEntity entity = applicants.findEntity(dossiers.get(0).entityId).orElse(null);
            Product product = applicants.findProduct(productId).orElse(null);
            DossierRecord names = new DossierRecord();
            refreshNames(names, entity, product);
            mongo.updateMulti(query(where("productId").is(productId)), new Update()
                    .set("entityName", names.entityName).set("productName", names.productName)
                    .set("criteriaSetCode", names.criteriaSetCode).set("searchText", names.searchText)
                    .inc("version", 1), DossierRecord.class);
        });
    }

    private static void refreshNames(DossierRecord record, EconomicEntity entity, Product product) {
        record.entityName = entity == null ? null : entity.name();
        record.productName = product == null ? null : product.name();
        record.criteriaSetCode = product == null ? null : product.criteriaSetCode();
        record.searchText = SearchText.normalize(record.productName) + " | " + SearchText.normalize(record.entityName);
    }

    private DossierView view(DossierRecord record) {
        return view(record, new Parties());
    }

    private DossierView view(DossierRecord record, Parties parties) {
        Dossier dossier = record.toDomain();
        return new DossierView(dossier.id(), record.version == null ? 0 : record.version, dossier.status(),
                dossier.localityCode(), dossier.roundId(), dossier.revision(),
                EntityPart.of(parties.entity(dossier.entityId())),
                ProductPart.of(parties.product(dossier.productId())),
                dossier.documents().stream().map(DocumentView::of).toList(), dossier.openReturnReasons(),
                dossier.outcome(), dossier.createdAt(), dossier.createdBy(), record.updatedAt);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
