package vn.ocop.evaluation.scoring.domain;

import java.util.Set;

/**
 * The members of a council who may score a case: all members except those with a declared conflict of
 * interest on the case's entity. Quorum is counted against them.
 */
public record Panel(String chairId, Set<String> eligibleMembers) {

    public Panel {
        eligibleMembers = Set.copyOf(eligibleMembers);
    }
}
