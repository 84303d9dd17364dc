package vn.ocop.reporting.projection;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Read models live in generation-suffixed collections ({@code dossiers_g1}, {@code certificates_g1}…). One
 * pointer document says which generation answers queries and receives the live events; a rebuild fills the
 * next generation from the beginning of the topics, then moves the pointer.
 */
@Component
public class Generations {

    public static final String DOSSIERS = "dossiers";
    public static final String OUTCOMES = "outcomes";
    public static final String CERTIFICATES = "certificates";
    public static final String ROUNDS = "rounds";
    public static final java.util.List<String> KINDS = java.util.List.of(DOSSIERS, OUTCOMES, CERTIFICATES, ROUNDS);

    static final String POINTER_COLLECTION = "projection_pointer";
    static final String POINTER_ID = "read-models";
    static final String SWITCHING_UNTIL = "switchingUntil";
    private static final java.time.Duration WAIT_STEP = java.time.Duration.ofMillis(50);

    private final MongoOperations mongo;
    private final Clock clock;

    public Generations(MongoOperations mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public int active() {
        Document pointer = mongo.findById(POINTER_ID, Document.class, POINTER_COLLECTION);
        return pointer == null ? 1 : pointer.getInteger("active", 1);
    }

    /**
     * The generation a live event goes to. While a rebuild is switching over (a lease in the pointer document,
     * seen by every replica), live writers wait for the switch, so that the new generation never receives a
     * live event before the rebuild has applied everything older; at worst they wait until the lease ends.
     */
    public int activeForLiveWrite() {
        while (true) {
            Document pointer = mongo.findById(POINTER_ID, Document.class, POINTER_COLLECTION);
            if (pointer == null) {
                return 1;
            }
            java.util.Date switchingUntil = pointer.getDate(SWITCHING_UNTIL);
            if (switchingUntil == null || !switchingUntil.toInstant().isAfter(clock.instant())) {
                return pointer.getInteger("active", 1);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(WAIT_STEP.toNanos());
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("interrupted while the read models switch generation; "
                        + "the event is not acknowledged and will be delivered again");
            }
        }
    }

    /** Makes live writers wait until {@link #completeSwitch} or the end of the lease. */
    void beginSwitch(java.time.Duration lease) {
        mongo.upsert(query(where("_id").is(POINTER_ID)), new Update()
                .set(SWITCHING_UNTIL, clock.instant().plus(lease)).setOnInsert("active", 1), POINTER_COLLECTION);
    }

    /** Switches to the generation if the lease still holds; false when it ran out (live writers went on). */
    boolean completeSwitch(int generation) {
        int previous = active();
        var result = mongo.updateFirst(query(where("_id").is(POINTER_ID).and(SWITCHING_UNTIL).gt(clock.instant())),
                new Update().set("active", generation).set("previous", previous).set("switchedAt", clock.instant())
                        .max("highest", generation).unset(SWITCHING_UNTIL),
                POINTER_COLLECTION);
        return result.getModifiedCount() == 1;
    }

    void abortSwitch() {
        mongo.updateFirst(query(where("_id").is(POINTER_ID)), new Update().unset(SWITCHING_UNTIL), POINTER_COLLECTION);
    }

    public String activeCollection(String kind) {
        return collection(kind, active());
    }

    public static String collection(String kind, int generation) {
        return kind + "_g" + generation;
    }

    /** Reserves a new generation number atomically (several replicas may ask at once). */
    int reserveNext() {
        mongo.upsert(query(where("_id").is(POINTER_ID)), new Update().setOnInsert("active", 1)
                .setOnInsert("highest", 1), POINTER_COLLECTION);
        while (true) {
            Document pointer = mongo.findAndModify(query(where("_id").is(POINTER_ID)), new Update().inc("highest", 1),
                    org.springframework.data.mongodb.core.FindAndModifyOptions.options().returnNew(true), Document.class,
                    POINTER_COLLECTION);
            if (pointer.getInteger("highest") > pointer.getInteger("active", 1)) {
                return pointer.getInteger("highest");
            }
        }
    }
}
