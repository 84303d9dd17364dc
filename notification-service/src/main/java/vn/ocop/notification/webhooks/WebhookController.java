package vn.ocop.notification.webhooks;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import vn.ocop.chassis.errors.ConflictException;
import vn.ocop.chassis.errors.FieldViolation;
import vn.ocop.chassis.errors.ForbiddenException;
import vn.ocop.chassis.errors.InvalidInputException;
import vn.ocop.chassis.errors.NotFoundException;
import vn.ocop.chassis.security.AgencyPrincipal;
import vn.ocop.contracts.EventType;
import vn.ocop.notification.webhooks.domain.WebhookSignature;

/**
 * Webhook subscriptions and their deliveries. Province officers manage all of them; a machine client holding the
 * scope {@code events.subscribe} manages its own (it is their owner).
 */
@RestController
@RequestMapping("/webhooks/subscriptions")
class WebhookController {

    static final String SUBSCRIBE_SCOPE = "events.subscribe";

    record NewSubscription(String url, List<String> eventTypes, String description) {
    }

    record SubscriptionView(String id, String owner, String url, List<String> eventTypes, String description,
            String status, int consecutiveFailures, Instant createdAt, Instant disabledAt, String disabledReason,
            String secret) {
        static SubscriptionView of(WebhookSubscription s, boolean withSecret) {
            return new SubscriptionView(s.id(), s.owner(), s.url(), s.eventTypes(), s.description(), s.status().name(),
                    s.consecutiveFailures(), s.createdAt(), s.disabledAt(), s.disabledReason(),
                    withSecret ? s.secret() : null);
        }
    }

    record DeliveryView(String id, String webhookId, String eventId, String eventType, String state, int attempts,
            Instant createdAt, Instant nextAttemptAt, Instant deliveredAt, Integer lastStatus, String lastError) {
        static DeliveryView of(WebhookDelivery d) {
            return new DeliveryView(d.getId(), d.getWebhookId(), d.getEventId(), d.getEventType(), d.getState().name(),
                    d.getAttempts(), d.getCreatedAt(), d.getNextAttemptAt(), d.getDeliveredAt(), d.getLastStatus(),
                    d.getLastError());
        }
    }

    private final MongoOperations mongo;
    private final Clock clock;

    WebhookController(MongoOperations mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    private static void requireSubscriber(AgencyPrincipal me) {
        if (!me.isProvinceOfficer() && !me.scopes().contains(SUBSCRIBE_SCOPE)) {
            throw new ForbiddenException("auth.forbidden");
        }
    }

    private WebhookSubscription owned(AgencyPrincipal me, String id) {
        requireSubscriber(me);
        WebhookSubscription subscription = mongo.findById(id, WebhookSubscription.class);
        if (subscription == null || (!me.isProvinceOfficer() && !subscription.owner().equals(me.subject()))) {
            throw new NotFoundException("webhook.subscription-not-found", id);
        }
        return subscription;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    SubscriptionView create(@AuthenticationPrincipal AgencyPrincipal me, @RequestBody NewSubscription body) {
        requireSubscriber(me);
        List<FieldViolation> violations = new ArrayList<>();
        try {
            URI uri = body.url() == null ? null : URI.create(body.url());
            if (uri == null || uri.getHost() == null
                    || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                violations.add(FieldViolation.of("url", "webhook.bad-url"));
            }
        } catch (IllegalArgumentException e) {
            violations.add(FieldViolation.of("url", "webhook.bad-url"));
        }
        Set<String> types = new LinkedHashSet<>();
        if (body.eventTypes() == null || body.eventTypes().isEmpty()) {
            violations.add(FieldViolation.of("eventTypes", "webhook.event-types-required"));
        } else {
            for (int i = 0; i < body.eventTypes().size(); i++) {
                String name = body.eventTypes().get(i);
                var type = resolve(name);
                if (type == null) {
                    violations.add(FieldViolation.of("eventTypes[" + i + "]", "webhook.unknown-event-type", name));
                } else {
                    types.add(type.ceType());
                }
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException("request.invalid-fields", violations);
        }
        var subscription = new WebhookSubscription("sub_" + UUID.randomUUID().toString().replace("-", ""),
                me.subject(), body.url(), List.copyOf(types), body.description(), WebhookSignature.newSecret(),
                WebhookSubscription.Status.ACTIVE, 0, clock.instant(), null, null);
        return SubscriptionView.of(mongo.insert(subscription), true);
    }

    /** Accepts a CloudEvents type ({@code vn.ocop.evaluation.product-rated.v1}) or a record name ({@code ProductRated}). */
    private static EventType resolve(String name) {
        if (name == null) {
            return null;
        }
        return EventType.fromCeType(name).orElseGet(() -> java.util.Arrays.stream(EventType.values())
                .filter(type -> type.payloadClass().getSimpleName().equals(name)).findFirst().orElse(null));
    }

    @GetMapping
    List<SubscriptionView> list(@AuthenticationPrincipal AgencyPrincipal me) {
        requireSubscriber(me);
        Query query = me.isProvinceOfficer() ? new Query() : query(where("owner").is(me.subject()));
        return mongo.find(query.with(Sort.by("createdAt")), WebhookSubscription.class).stream()
                .map(s -> SubscriptionView.of(s, false)).toList();
    }

    @GetMapping("/{id}")
    SubscriptionView one(@AuthenticationPrincipal AgencyPrincipal me, @PathVariable String id) {
        return SubscriptionView.of(owned(me, id), false);
    }

    @GetMapping("/{id}/secret")
    Map<String, String> secret(@AuthenticationPrincipal AgencyPrincipal me, @PathVariable String id) {
        return Map.of("secret", owned(me, id).secret());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@AuthenticationPrincipal AgencyPrincipal me, @PathVariable String id) {
        owned(me, id);
        mongo.remove(query(where("_id").is(id)), WebhookSubscription.class);
    }

    @PostMapping("/{id}/enable")
    SubscriptionView enable(@AuthenticationPrincipal AgencyPrincipal me, @PathVariable String id) {
        owned(me, id);
        var enabled = mongo.findAndModify(query(where("_id").is(id)),
                new Update().set("status", WebhookSubscription.Status.ACTIVE).set("consecutiveFailures", 0)
                        .unset("disabledAt").unset("disabledReason"),
                FindAndModifyOptions.options().returnNew(true), WebhookSubscription.class);
        return SubscriptionView.of(enabled, false);
    }

    @GetMapping("/{id}/deliveries")
    List<DeliveryView> deliveries(@AuthenticationPrincipal AgencyPrincipal me, @PathVariable String id,
            @RequestParam(required = false) WebhookDelivery.State state, @RequestParam(defaultValue = "100") int limit) {
        owned(me, id);
        Query query = query(where("subscriptionId").is(id));
        if (state != null) {
            query.addCriteria(where("state").is(state));
        }
        return mongo.find(query.with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(Math.max(1, Math.min(limit, 500))),
                WebhookDelivery.class).stream().map(DeliveryView::of).toList();
    }

    /** Sends a delivery again (same {@code webhook-id}), whatever its state except while it is being sent. */
    @PostMapping("/{id}/deliveries/{deliveryId}/redeliver")
    @ResponseStatus(HttpStatus.ACCEPTED)
    DeliveryView redeliver(@AuthenticationPrincipal AgencyPrincipal me, @PathVariable String id,
            @PathVariable String deliveryId) {
        owned(me, id);
        WebhookDelivery current = mongo.findById(deliveryId, WebhookDelivery.class);
        if (current == null || !current.getSubscriptionId().equals(id)) {
            throw new NotFoundException("webhook.delivery-not-found", deliveryId);
        }
        var updated = mongo.findAndModify(query(where("_id").is(deliveryId).and("state")
                        .in(WebhookDelivery.State.FAILED, WebhookDelivery.State.SUCCEEDED, WebhookDelivery.State.PENDING)),
                new Update().set("state", WebhookDelivery.State.PENDING).set("attempts", 0)
                        .set("nextAttemptAt", clock.instant()),
                FindAndModifyOptions.options().returnNew(true), WebhookDelivery.class);
        if (updated == null) {
            throw new ConflictException("webhook.delivery-in-flight", deliveryId);
        }
        return DeliveryView.of(updated);
    }
}
