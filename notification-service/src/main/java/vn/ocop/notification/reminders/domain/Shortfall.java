package vn.ocop.notification.reminders.domain;

/**
 * What one unit still owes for a deadline. For a round: {@code done} of {@code required} products submitted; for a
 * report or a custom deadline: 0 of 1; for a certificate: nothing is owed, the unit is only told (0 of 0).
 */
public record Shortfall(String unitCode, long done, long required) {
}
