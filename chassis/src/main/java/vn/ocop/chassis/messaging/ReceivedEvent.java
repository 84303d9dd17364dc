package vn.ocop.chassis.messaging;

/** A consumed event: its CloudEvents envelope and its body read into the contract's record. */
public record ReceivedEvent<T>(EventEnvelope envelope, T body) {

    public String aggregateId() {
        return envelope.subject();
    }

    public long sequence() {
        return envelope.sequence();
    }
}
