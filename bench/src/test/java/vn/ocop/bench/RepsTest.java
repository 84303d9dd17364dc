package vn.ocop.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RepsTest {

    @Test
    void medianOfAnOddCountIsTheMiddleValueWhateverTheOrder() {
        Reps reps = Reps.of(30, 10, 20);
        assertThat(reps.median()).isEqualTo(20);
        assertThat(reps.min()).isEqualTo(10);
        assertThat(reps.max()).isEqualTo(30);
        assertThat(reps.format(1)).isEqualTo("20.0 (10.0–30.0, n=3)");
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheTwoMiddleValues() {
        assertThat(Reps.of(4, 1, 3, 100).median()).isEqualTo(3.5);
    }

    @Test
    void emptyAndSingleRepetitionsSayWhatTheyAre() {
        assertThat(Reps.of().format(1)).isEqualTo("n/a");
        assertThat(Reps.of().median()).isNaN();
        assertThat(Reps.of(1234.5).format(0)).isEqualTo("1,235 (n=1)");
    }

    @Test
    void ratioIsOfTheMedians() {
        assertThat(Reps.of(10, 12, 11).ratioTo(Reps.of(5, 100, 1))).isCloseTo(2.2, within(1e-9));
    }
}
