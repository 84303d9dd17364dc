package vn.ocop.evaluation.rulebook.domain;

import java.time.Instant;

/**
 * A change to one cell of an imported CSV, approved by an officer and recorded for ever: who, when, which line
 * and column, the old and the new value, and why. The importer applies it only while the cell still holds
 * {@code oldValue}; nothing is ever repaired without one.
 *
 * @param column one of title, description, level, stars, score
 */
public record Correction(int line, String column, String oldValue, String newValue, String reason,
        String approvedBy, Instant approvedAt) {
}
