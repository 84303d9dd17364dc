package vn.ocop.evaluation.councils.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import vn.ocop.chassis.errors.FieldViolation;
import vn.ocop.evaluation.rulebook.domain.ScoreSheet;

/** Checks a member's choices against the score sheet: one known option per known criterion, none twice. */
public final class SheetChoices {

    private SheetChoices() {
    }

    public record Choice(String criterion, String option) {
    }

    /** Violations of the choices as given (unknown criterion, option outside its criterion, a criterion twice). */
    public static List<FieldViolation> violations(ScoreSheet sheet, List<Choice> choices) {
        List<FieldViolation> violations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < choices.size(); i++) {
            Choice choice = choices.get(i);
            String field = "choices[" + i + "]";
            var criterion = choice.criterion() == null ? java.util.Optional.<ScoreSheet.Criterion>empty()
                    : sheet.criterion(choice.criterion());
            if (criterion.isEmpty()) {
                violations.add(FieldViolation.of(field + ".criterion", "sheet.criterion-unknown", choice.criterion()));
                continue;
            }
            if (!seen.add(choice.criterion())) {
                violations.add(FieldViolation.of(field + ".criterion", "sheet.criterion-twice", choice.criterion()));
            }
            if (criterion.get().option(choice.option()).isEmpty()) {
                violations.add(FieldViolation.of(field + ".option", "sheet.option-not-in-criterion", choice.option(),
                        choice.criterion()));
            }
        }
        return violations;
    }

    /** Violations for every criterion of the sheet without a choice. */
    public static List<FieldViolation> missing(ScoreSheet sheet, List<Choice> choices) {
        Set<String> chosen = new HashSet<>();
        choices.forEach(choice -> chosen.add(choice.criterion()));
        return sheet.criteria().stream().filter(criterion -> !chosen.contains(criterion.code()))
                .map(criterion -> FieldViolation.of("choices[" + criterion.code() + "]", "sheet.criterion-missing",
                        criterion.code(), criterion.title()))
                .toList();
    }

    public static Map<String, String> asMap(List<Choice> choices) {
        Map<String, String> map = new LinkedHashMap<>();
        choices.forEach(choice -> map.put(choice.criterion(), choice.option()));
        return map;
    }
}
