package vn.ocop.evaluation.rulebook.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The score sheet (phiếu đánh giá) of one criteria set (bộ sản phẩm): parts (A, B, C) → criterion groups →
 * criteria → options. A member picks exactly one option per criterion.
 */
public record ScoreSheet(String sheetSet, int criteriaSet, String name, List<Part> parts) {

    public ScoreSheet {
        parts = List.copyOf(parts);
    }

    public List<Criterion> criteria() {
        return parts.stream().flatMap(part -> part.groups().stream()).flatMap(group -> group.criteria().stream())
                .toList();
    }

    public Optional<Criterion> criterion(String code) {
        return criteria().stream().filter(criterion -> criterion.code().equals(code)).findFirst();
    }

    public record Part(String code, String title, BigDecimal max, int line, List<Group> groups) {
        public Part {
            groups = List.copyOf(groups);
        }
    }

    public record Group(String code, String title, BigDecimal max, int line, List<Criterion> criteria) {
        public Group {
            criteria = List.copyOf(criteria);
        }
    }

    /**
     * @param requiredStars set when the criterion row itself carries a mandatory marker (every sheet has one on
     *                      "Sở hữu trí tuệ"); with exactly one option per criterion it is met by any choice
     */
    public record Criterion(String code, String title, String note, BigDecimal max, Integer requiredStars, int line,
            List<Option> options) {

        public Criterion {
            options = List.copyOf(options);
        }

        public Optional<Option> option(String optionCode) {
            return options.stream().filter(option -> option.code().equals(optionCode)).findFirst();
        }

        public BigDecimal bestScore() {
            return options.stream().map(Option::score).filter(java.util.Objects::nonNull).max(BigDecimal::compareTo)
                    .orElse(null);
        }
    }

    /** @param requiredStars 3, 4 or 5 when this option (or a better one) is mandatory for that star level */
    public record Option(String code, String text, BigDecimal score, Integer requiredStars, int line) {
    }
}
