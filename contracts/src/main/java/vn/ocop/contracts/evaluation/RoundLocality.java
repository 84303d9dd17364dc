package vn.ocop.contracts.evaluation;

/**
 * A locality taking part in a round, with the number of products it is asked to put forward.
 */
public record RoundLocality(String localityCode, int targetProducts) {
}
