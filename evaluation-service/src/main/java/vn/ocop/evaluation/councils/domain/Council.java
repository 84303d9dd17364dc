package vn.ocop.evaluation.councils.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import vn.ocop.chassis.errors.FieldViolation;
import vn.ocop.chassis.errors.InvalidInputException;
import vn.ocop.contracts.evaluation.CouncilLevel;

/**
 * An evaluation council (hội đồng đánh giá, phân hạng) of one level: a chair (chủ tịch), members, and the
 * conflicts of interest its members declared (a member conflicted on an entity never scores its products).
 */
public record Council(String id, String name, CouncilLevel level, String chairId, List<String> memberIds,
        List<Conflict> conflicts) {

    public Council {
        memberIds = List.copyOf(memberIds);
        conflicts = conflicts == null ? List.of() : List.copyOf(conflicts);
    }

    public record Conflict(String memberId, String entityId, String reason, String declaredBy, Instant declaredAt) {
    }

    public static Council form(String id, String name, CouncilLevel level, String chairId, List<String> members) {
        List<FieldViolation> violations = new ArrayList<>();
        if (name == null || name.isBlank()) {
            violations.add(FieldViolation.of("name", "validation.NotBlank"));
        }
        if (level == null) {
            violations.add(FieldViolation.of("level", "validation.NotNull"));
        }
        Set<String> unique = new LinkedHashSet<>(members == null ? List.of() : members);
        if (chairId == null || chairId.isBlank()) {
            violations.add(FieldViolation.of("chairId", "validation.NotBlank"));
        } else {
            unique.add(chairId);
        }
        if (unique.size() < 3) {
            violations.add(FieldViolation.of("memberIds", "council.too-few-members", 3));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException("council.invalid", violations);
        }
        return new Council(id, name.strip(), level, chairId, List.copyOf(unique), List.of());
    }

    public boolean isMember(String memberId) {
        return memberIds.contains(memberId);
    }

    public boolean conflicted(String memberId, String entityId) {
        return conflicts.stream().anyMatch(c -> c.memberId().equals(memberId) && c.entityId().equals(entityId));
    }

    /** The members who may score a product of this entity. */
    public Set<String> eligibleFor(String entityId) {
        return memberIds.stream().filter(member -> !conflicted(member, entityId))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public Council declare(Conflict conflict) {
        if (!isMember(conflict.memberId())) {
            throw new InvalidInputException("council.invalid",
                    List.of(FieldViolation.of("memberId", "council.not-a-member", conflict.memberId())));
        }
        if (conflicted(conflict.memberId(), conflict.entityId())) {
            return this;
        }
        List<Conflict> all = new ArrayList<>(conflicts);
        all.add(conflict);
        return new Council(id, name, level, chairId, memberIds, all);
    }
}
