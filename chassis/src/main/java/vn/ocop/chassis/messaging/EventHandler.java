package vn.ocop.chassis.messaging;

@FunctionalInterface
public interface EventHandler<T> {

    void on(ReceivedEvent<T> event);
}
