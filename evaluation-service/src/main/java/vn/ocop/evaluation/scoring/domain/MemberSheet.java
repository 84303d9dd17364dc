package vn.ocop.evaluation.scoring.domain;

import java.util.Map;

/** One council member's signed choices for a case: criterion code → option code. */
public record MemberSheet(String memberId, Map<String, String> choices) {

    public MemberSheet {
        choices = Map.copyOf(choices);
    }
}
