package vn.ocop.contracts;

/**
 * Marker for the body of a published event; every record registered in {@link EventType} implements it.
 */
public interface OcopEvent {
}
