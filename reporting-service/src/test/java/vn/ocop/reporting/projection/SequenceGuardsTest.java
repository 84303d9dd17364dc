package vn.ocop.reporting.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class SequenceGuardsTest {

    @Test
    void behavesAsAMapOfIdToSequenceThroughGrowthOverwritesAndEqualHashes() {
        SequenceGuards guards = new SequenceGuards();
        Map<String, Long> expected = new HashMap<>();
        Random random = new Random(42);
        for (int i = 0; i < 50_000; i++) {
            // "Aa" and "BB" have the same hashCode: ids built from them collide in every table size
            String id = switch (random.nextInt(4)) {
                case 0 -> "Aa".repeat(1 + random.nextInt(3)) + "BB".repeat(random.nextInt(3));
                case 1 -> String.format("%024x", random.nextInt(20_000));
                case 2 -> "hồ-sơ-Chợ-Mới-" + random.nextInt(20_000);
                default -> "bench-rb-" + random.nextInt(20_000);
            };
            long sequence = random.nextInt(10) == 0 ? Long.MAX_VALUE : random.nextLong(-5, 1_000_000);
            guards.put(id, sequence);
            expected.put(id, sequence);
        }
        assertThat(guards.size()).isEqualTo(expected.size());
        expected.forEach((id, sequence) -> {
            assertThat(guards.contains(id)).as(id).isTrue();
            assertThat(guards.get(id, -1)).as(id).isEqualTo(sequence);
        });
        assertThat(guards.contains("AaAaAaAa")).isFalse();
        assertThat(guards.contains("absent")).isFalse();
        assertThat(guards.get("absent", -7)).isEqualTo(-7);
    }

    @Test
    void putAllOverwritesAndAdds() {
        SequenceGuards guards = new SequenceGuards();
        guards.put("a", 1);
        guards.put("b", 2);
        guards.putAll(Map.of("b", 5L, "c", 3L));
        assertThat(guards.size()).isEqualTo(3);
        assertThat(guards.get("a", 0)).isEqualTo(1);
        assertThat(guards.get("b", 0)).isEqualTo(5);
        assertThat(guards.get("c", 0)).isEqualTo(3);
    }
}
