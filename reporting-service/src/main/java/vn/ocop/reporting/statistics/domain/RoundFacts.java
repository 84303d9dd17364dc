package vn.ocop.reporting.statistics.domain;

import java.util.Map;

/** An evaluation round (đợt) with the number of products each locality is asked to put forward. */
public record RoundFacts(String roundId, String name, Map<String, Integer> targets) {

    public RoundFacts {
        targets = Map.copyOf(targets);
    }
}
