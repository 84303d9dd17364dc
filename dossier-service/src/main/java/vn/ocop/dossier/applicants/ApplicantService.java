package vn.ocop.dossier.applicants;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import vn.ocop.chassis.errors.FieldViolation;
import vn.ocop.chassis.errors.InvalidInputException;
import vn.ocop.chassis.errors.NotFoundException;
import vn.ocop.chassis.security.AgencyPrincipal;
import vn.ocop.dossier.access.Access;
import vn.ocop.dossier.applicants.ApplicantRequests.EntityInput;
import vn.ocop.dossier.applicants.ApplicantRequests.ProductInput;
import vn.ocop.dossier.applicants.ApplicantViews.EntityView;
import vn.ocop.dossier.applicants.ApplicantViews.ProductView;
import vn.ocop.dossier.applicants.domain.Address;
import vn.ocop.dossier.applicants.domain.EconomicEntity;
import vn.ocop.dossier.applicants.domain.Product;
import vn.ocop.dossier.applicants.domain.ProductGroups;
import vn.ocop.dossier.applicants.domain.Representative;
import vn.ocop.dossier.localities.domain.Localities;
import vn.ocop.dossier.search.SearchText;

/** Economic entities (chủ thể) and their products; a locality officer works only on those of its locality. */
@Service
public class ApplicantService {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final EntityRepository entities;
    private final ProductRepository products;
    private final Localities localities;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ApplicantService(EntityRepository entities, ProductRepository products, Localities localities, Clock clock,
            ApplicationEventPublisher events) {
        this.entities = entities;
        this.products = products;
        this.localities = localities;
        this.clock = clock;
        this.events = events;
    }

    EntityView createEntity(EntityInput input, AgencyPrincipal me) {
        String locality = input.address().localityCode();
        Access.requireMayActFor(me, locality);
        requireValidLocality(locality);
        EntityRecord record = new EntityRecord();
        record.id = UUID.randomUUID().toString();
        record.createdAt = clock.instant();
        record.createdBy = me.subject();
        record.localityCode = locality;
        apply(record, input);
        return EntityView.of(entities.save(record));
    }

    EntityView updateEntity(String id, EntityInput input, AgencyPrincipal me) {
        EntityRecord record = entityRecord(id, me);
        if (!record.localityCode.equals(input.address().localityCode())) {
            throw new InvalidInputException("entity.invalid", List.of(FieldViolation.of("address.localityCode",
                    "entity.locality-immutable", record.localityCode)));
        }
        apply(record, input);
        record.updatedAt = clock.instant();
        EntityView view = EntityView.of(entities.save(record));
        events.publishEvent(new ApplicantChanged(id, null));
        return view;
    }

    EntityView entity(String id, AgencyPrincipal me) {
        return EntityView.of(entityRecord(id, me));
    }

    List<EntityView> entities(AgencyPrincipal me) {
        if (!Access.isLocalityActor(me)) {
            return List.of();
        }
        List<EntityRecord> found = me.isProvinceOfficer() ? entities.findAllByOrderByCreatedAtDesc()
                : entities.findByLocalityCodeOrderByCreatedAtDesc(me.locality());
        return found.stream().map(EntityView::of).toList();
    }

    ProductView createProduct(ProductInput input, AgencyPrincipal me) {
        EntityRecord owner = entityRecord(input.entityId(), me);
        ProductRecord record = new ProductRecord();
        record.id = UUID.randomUUID().toString();
        record.entityId = owner.id;
        record.localityCode = owner.localityCode;
        record.createdAt = clock.instant();
        record.createdBy = me.subject();
        apply(record, input);
        return ProductView.of(products.save(record));
    }

    ProductView updateProduct(String id, ProductInput input, AgencyPrincipal me) {
        ProductRecord record = productRecord(id, me);
        if (!record.entityId.equals(input.entityId())) {
            throw new InvalidInputException("product.invalid", List.of(FieldViolation.of("entityId",
                    "product.entity-immutable", record.entityId)));
        }
        apply(record, input);
        record.updatedAt = clock.instant();
        ProductView view = ProductView.of(products.save(record));
        events.publishEvent(new ApplicantChanged(record.entityId, id));
        return view;
    }

    ProductView product(String id, AgencyPrincipal me) {
        return ProductView.of(productRecord(id, me));
    }

    List<ProductView> productsOf(String entityId, AgencyPrincipal me) {
        entityRecord(entityId, me);
        return products.findByEntityIdOrderByCreatedAtDesc(entityId).stream().map(ProductView::of).toList();
    }

    /** The entity, if it exists and {@code me} may act for its locality: else empty, as if it did not exist. */
    public Optional<EconomicEntity> findEntity(String id, AgencyPrincipal me) {
        return entities.findById(id).filter(record -> me.mayActForLocality(record.localityCode))
                .map(EntityRecord::toDomain);
    }

    /** The product, if it exists and {@code me} may act for its locality: else empty, as if it did not exist. */
    public Optional<Product> findProduct(String id, AgencyPrincipal me) {
        return products.findById(id).filter(record -> me.mayActForLocality(record.localityCode))
                .map(ProductRecord::toDomain);
    }

    /** For other features, which apply their own access rules. */
    public Optional<EconomicEntity> findEntity(String id) {
        return entities.findById(id).map(EntityRecord::toDomain);
    }

    public Optional<Product> findProduct(String id) {
        return products.findById(id).map(ProductRecord::toDomain);
    }

    /** The entity for {@code me}: 403 for a role that works with none, 404 if missing or of another locality. */
    private EntityRecord entityRecord(String id, AgencyPrincipal me) {
        Access.requireLocalityActor(me);
        return entities.findById(id).filter(record -> me.mayActForLocality(record.localityCode))
                .orElseThrow(() -> new NotFoundException("entity.not-found", id));
    }

    /** The product for {@code me}: 403 for a role that works with none, 404 if missing or of another locality. */
    private ProductRecord productRecord(String id, AgencyPrincipal me) {
        Access.requireLocalityActor(me);
        return products.findById(id).filter(record -> me.mayActForLocality(record.localityCode))
                .orElseThrow(() -> new NotFoundException("product.not-found", id));
    }

    private void requireValidLocality(String locality) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), VIETNAM);
        if (!localities.isValidOn(locality, today)) {
            throw new InvalidInputException("entity.invalid", List.of(FieldViolation.of("address.localityCode",
                    "locality.not-valid", locality, today.toString())));
        }
    }

    private static void apply(EntityRecord record, EntityInput input) {
        record.type = input.type();
        record.name = input.name().strip();
        record.nameNormalized = SearchText.normalize(input.name());
        record.taxCode = input.taxCode();
        record.representative = input.representative() == null ? null : new Representative(
                input.representative().name(), input.representative().female(), input.representative().ethnicMinority());
        record.address = new Address(input.address().street(), input.address().localityCode());
    }

    private static void apply(ProductRecord record, ProductInput input) {
        Optional<String> group = ProductGroups.ofCriteriaSet(input.criteriaSetCode());
        String productGroup = input.productGroup() == null || input.productGroup().isBlank()
                ? group.orElse(null) : input.productGroup();
        if (group.isPresent() && !group.get().equals(productGroup)) {
            throw new InvalidInputException("product.invalid", List.of(FieldViolation.of("productGroup",
                    "product.group-mismatch", input.criteriaSetCode(), group.get())));
        }
        record.name = input.name().strip();
        record.nameNormalized = SearchText.normalize(input.name());
        record.criteriaSetCode = input.criteriaSetCode();
        record.productGroup = productGroup;
        record.description = input.description();
    }
}
