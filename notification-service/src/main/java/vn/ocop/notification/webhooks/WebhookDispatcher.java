package vn.ocop.notification.webhooks;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import vn.ocop.notification.inbox.Inbox;
import vn.ocop.notification.inbox.InboxItem.RecipientType;
import vn.ocop.notification.webhooks.domain.RetryPolicy;
import vn.ocop.notification.webhooks.domain.WebhookSignature;

/**
 * Sends due webhook deliveries. Each delivery is claimed by one replica, sent on its own virtual thread with a
 * timeout, behind a circuit breaker per endpoint, so a slow or failing endpoint never holds up the others. A failed
 * attempt is retried with exponential backoff; after the last attempt the delivery is FAILED. A subscription whose
 * endpoint fails too many attempts in a row is disabled and its owner and the province are told.
 */
@Service
public class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final MongoOperations mongo;
    private final Inbox inbox;
    private final Clock clock;
    private final MeterRegistry meters;
    private final RetryPolicy retry;
    private final int disableAfter;
    private final Duration requestTimeout;
    private final Duration claimLease;
    private final String provinceUnit;
    private final CircuitBreakerRegistry breakers;
    private final HttpClient http;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    /** Deliveries being sent right now, all endpoints together; the poll never waits for them. */
    private final Semaphore inFlight = new Semaphore(200);

    public WebhookDispatcher(MongoOperations mongo, Inbox inbox, Clock clock, MeterRegistry meters,
            @Value("${ocop.notification.webhooks.max-attempts:6}") int maxAttempts,
            @Value("${ocop.notification.webhooks.backoff:PT30S}") Duration backoff,
            @Value("${ocop.notification.webhooks.max-backoff:PT1H}") Duration maxBackoff,
            @Value("${ocop.notification.webhooks.disable-after-failures:15}") int disableAfter,
            @Value("${ocop.notification.webhooks.request-timeout:PT5S}") Duration requestTimeout,
            @Value("${ocop.notification.webhooks.circuit-open-for:PT60S}") Duration openFor,
            @Value("${ocop.notification.province-unit:89}") String provinceUnit) {
        this.mongo = mongo;
        this.inbox = inbox;
        this.clock = clock;
        this.meters = meters;
        this.retry = new RetryPolicy(maxAttempts, backoff, maxBackoff);
        this.disableAfter = disableAfter;
        this.requestTimeout = requestTimeout;
        this.claimLease = requestTimeout.multipliedBy(6);
        this.provinceUnit = provinceUnit;
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED).slidingWindowSize(10)
                .minimumNumberOfCalls(4).failureRateThreshold(50).waitDurationInOpenState(openFor)
                .permittedNumberOfCallsInHalfOpenState(1).build());
        this.http = HttpClient.newBuilder().connectTimeout(requestTimeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }

    public CircuitBreaker.State circuitState(String url) {
        return breakers.circuitBreaker(url).getState();
    }

    @Scheduled(fixedDelayString = "${ocop.notification.webhooks.poll-interval:PT2S}",
            initialDelayString = "${ocop.notification.webhooks.poll-interval:PT2S}")
    public void dispatch() {
        while (inFlight.tryAcquire()) {
            WebhookDelivery delivery;
            try {
                delivery = claim();
            } catch (RuntimeException e) {
                inFlight.release();
                throw e;
            }
            if (delivery == null) {
                inFlight.release();
                return;
            }
            workers.execute(() -> {
                try {
                    send(delivery);
                } finally {
                    inFlight.release();
                }
            });
        }
    }

    private WebhookDelivery claim() {
        Instant now = clock.instant();
        Criteria due = new Criteria().orOperator(
                where("state").is(WebhookDelivery.State.PENDING).and("nextAttemptAt").lte(now),
                where("state").is(WebhookDelivery.State.SENDING).and("claimedAt").lt(now.minus(claimLease)));
        return mongo.findAndModify(query(due).with(Sort.by("nextAttemptAt")),
                new Update().set("state", WebhookDelivery.State.SENDING).set("claimedAt", now),
                FindAndModifyOptions.options().returnNew(true), WebhookDelivery.class);
    }

    private void send(WebhookDelivery delivery) {
        try {
            attempt(delivery);
        } catch (RuntimeException e) {
            log.warn("webhook delivery {} could not be processed: {}", delivery.getId(), e.toString());
        }
    }

    private void attempt(WebhookDelivery delivery) {
        WebhookSubscription subscription = mongo.findById(delivery.getSubscriptionId(), WebhookSubscription.class);
        if (subscription == null || subscription.status() != WebhookSubscription.Status.ACTIVE) {
            delivery.abandoned(subscription == null ? "subscription deleted" : "subscription disabled");
            mongo.save(delivery);
            return;
        }
        CircuitBreaker breaker = breakers.circuitBreaker(subscription.url());
        if (!breaker.tryAcquirePermission()) {
            delivery.postponed("circuit open for " + subscription.url(),
                    clock.instant().plus(Duration.ofMillis(
                            breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1))));
            mongo.save(delivery);
            return;
        }
        long started = System.nanoTime();
        Integer status = null;
        String error;
        try {
            Instant now = clock.instant();
            long timestamp = now.getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(URI.create(subscription.url())).timeout(requestTimeout)
                    .header("Content-Type", "application/json")
                    .header("webhook-id", delivery.getWebhookId())
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", WebhookSignature.sign(subscription.secret(), delivery.getWebhookId(),
                            timestamp, delivery.getPayload()))
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.getPayload()))
                    .build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
            if (status >= 200 && status < 300) {
                breaker.onSuccess(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                delivery.succeeded(status, clock.instant(), subscription.url());
                mongo.save(delivery);
                if (subscription.consecutiveFailures() > 0) {
                    mongo.updateFirst(query(where("_id").is(subscription.id())),
                            new Update().set("consecutiveFailures", 0), WebhookSubscription.class);
                }
                meters.counter("ocop.notification.webhooks.delivered").increment();
                return;
            }
            error = "HTTP " + status;
            breaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, new IllegalStateException(error));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (Exception e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            breaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, e);
        }
        int attempt = delivery.getAttempts() + 1;
        Instant next = retry.delayAfterFailedAttempt(attempt).map(clock.instant()::plus).orElse(null);
        delivery.failed(status, error, next);
        mongo.save(delivery);
        meters.counter("ocop.notification.webhooks.failed-attempts").increment();
        countFailure(subscription, error);
    }

    private void countFailure(WebhookSubscription subscription, String error) {
        WebhookSubscription counted = mongo.findAndModify(query(where("_id").is(subscription.id())),
                new Update().inc("consecutiveFailures", 1), FindAndModifyOptions.options().returnNew(true),
                WebhookSubscription.class);
        if (counted == null || counted.consecutiveFailures() < disableAfter) {
            return;
        }
        Instant now = clock.instant();
        String reason = counted.consecutiveFailures() + " consecutive failed attempts, last: " + error;
        var disabled = mongo.updateFirst(query(where("_id").is(subscription.id())
                        .and("status").is(WebhookSubscription.Status.ACTIVE)),
                new Update().set("status", WebhookSubscription.Status.DISABLED).set("disabledAt", now)
                        .set("disabledReason", reason), WebhookSubscription.class);
        if (disabled.getModifiedCount() == 0) {
            return;
        }
        log.warn("webhook subscription {} disabled: {}", subscription.id(), reason);
        meters.counter("ocop.notification.webhooks.disabled").increment();
        String key = "webhook-disabled:" + subscription.id() + ":" + now.toEpochMilli();
        String subjectVi = "Đăng ký webhook bị tạm dừng: " + subscription.url();
        String bodyVi = "Đăng ký webhook " + subscription.id() + " (" + subscription.url() + ") đã bị tạm dừng sau "
                + counted.consecutiveFailures() + " lần gửi thất bại liên tiếp (lần cuối: " + error
                + "). Sửa điểm nhận rồi bật lại đăng ký và gửi lại các sự kiện thất bại.";
        String subjectEn = "Webhook subscription disabled: " + subscription.url();
        String bodyEn = "Webhook subscription " + subscription.id() + " (" + subscription.url() + ") was disabled after "
                + counted.consecutiveFailures() + " consecutive failed attempts (last: " + error
                + "). Fix the endpoint, re-enable the subscription and redeliver the failed events.";
        inbox.post(key + ":owner", RecipientType.USER, subscription.owner(), "WEBHOOK_SUBSCRIPTION_DISABLED",
                subscription.id(), subjectVi, bodyVi, subjectEn, bodyEn);
        inbox.post(key + ":province", RecipientType.UNIT, provinceUnit, "WEBHOOK_SUBSCRIPTION_DISABLED",
                subscription.id(), subjectVi, bodyVi, subjectEn, bodyEn);
    }
}
