package vn.ocop.contracts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Council scores travel with exactly two decimals (QĐ decisions record them so, e.g. 71.00).
 */
public final class Scores {

    public static final int SCALE = 2;

    private Scores() {
    }

    /**
     * Returns the score with scale 2, so that 85.5 and 85.50 are the same value in events.
     * Refuses more than two significant decimals instead of rounding: rounding could move a product
     * across a star band (69.995 → 70.00), which is a rule for the evaluation service, not for a contract.
     *
     * @throws IllegalArgumentException if the score has more than two significant decimals
     */
    public static BigDecimal twoDecimals(BigDecimal score) {
        Objects.requireNonNull(score, "score is required");
        BigDecimal exact = score.stripTrailingZeros();
        if (exact.scale() > SCALE) {
            throw new IllegalArgumentException(
                    "score must have at most " + SCALE + " decimals: " + score.toPlainString());
        }
        return exact.setScale(SCALE, RoundingMode.UNNECESSARY);
    }
}
