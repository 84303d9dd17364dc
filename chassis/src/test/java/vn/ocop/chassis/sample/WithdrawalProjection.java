package vn.ocop.chassis.sample;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import vn.ocop.chassis.messaging.IdempotentProjection;
import vn.ocop.chassis.messaging.ReceivedEvent;
import vn.ocop.contracts.dossier.DossierWithdrawn;

/**
 * Read model: per dossier, how many withdrawal events were applied and in which order. A dossier whose id is
 * in {@link #failing} makes the handler throw, like a bug that a later fix removes.
 */
@Component
public class WithdrawalProjection {

    public static final String COLLECTION = "withdrawals_view";

    private final IdempotentProjection projection;
    private final Set<String> failing = ConcurrentHashMap.newKeySet();

    public WithdrawalProjection(IdempotentProjection projection) {
        this.projection = projection;
    }

    public void failFor(String dossierId) {
        failing.add(dossierId);
    }

    public void fixed() {
        failing.clear();
    }

    void on(ReceivedEvent<DossierWithdrawn> event) {
        AttemptCounter.attempted(event.body().dossierId());
        if (failing.contains(event.body().dossierId())) {
            throw new IllegalStateException("projection bug for " + event.body().dossierId());
        }
        projection.apply(COLLECTION, event, new Update()
                .inc("applied", 1)
                .push("sequences", event.sequence())
                .set("reason", event.body().reason())
                .set("localityCode", event.body().localityCode()));
    }
}
