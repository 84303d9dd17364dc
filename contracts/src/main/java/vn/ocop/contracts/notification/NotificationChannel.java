package vn.ocop.contracts.notification;

/** How a notification reached its recipient. */
public enum NotificationChannel {
    EMAIL,
    IN_APP,
    WEBHOOK
}
