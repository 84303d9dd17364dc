package vn.ocop.evaluation.rulebook.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.ocop.evaluation.rulebook.domain.ImportProblem.Severity;

/**
 * Reads a score sheet CSV ({@code title,description,level,stars,score}), builds the sheet and reports every
 * problem with its line and reason. It never changes a value on its own: only recorded {@link Correction}s
 * are applied, and only when the cell still holds the value the officer saw.
 *
 * <p>Shape accepted: level 0 = part ("Phần A…"), 1 = criterion group, 2 = criterion, 3 = option of the
 * criterion above. A group followed directly by options (no level-2 row) is itself one criterion, as in the
 * official tables ("7. TÍNH ĐỘC ĐÁO" with its four options).
 */
public final class SheetImporter {

    public static final List<String> HEADER = List.of("title", "description", "level", "stars", "score");
    public static final List<String> COLUMNS = HEADER;

    private static final Pattern CLEAN_MARKER = Pattern.compile("(\\*+)$");
    private static final Pattern LOOSE_MARKER = Pattern.compile("(\\*+)[\\s.]*$");
    private static final Pattern PART_TITLE = Pattern.compile("^\\s*Phần\\s*([A-Z])", Pattern.UNICODE_CASE);
    private static final Pattern GROUP_NUMBER = Pattern.compile("^\\s*(\\d+)\\s*\\.");
    private static final Pattern LETTER_ONLY = Pattern.compile("^\\s*[a-zđ]\\s*[).]?\\s*$", Pattern.CASE_INSENSITIVE);

    private final String file;
    private final List<ImportProblem> problems = new ArrayList<>();

    private SheetImporter(String file) {
        this.file = file;
    }

    /** The outcome of one import: the sheet as read (null when the file is not a sheet at all) and every problem. */
    public record Result(ScoreSheet sheet, List<ImportProblem> problems, List<Correction> applied) {

        public Result {
            problems = List.copyOf(problems);
            applied = List.copyOf(applied);
        }

        public boolean activatable() {
            return sheet != null && problems.stream().noneMatch(ImportProblem::isError);
        }

        public List<ImportProblem> errors() {
            return problems.stream().filter(ImportProblem::isError).toList();
        }
    }

    public static Result read(String file, String text, String sheetSet, int criteriaSet, String name,
            Map<String, BigDecimal> expectedPartTotals, List<Correction> corrections) {
        return new SheetImporter(file).run(text, sheetSet, criteriaSet, name, expectedPartTotals, corrections);
    }

    private Result run(String text, String sheetSet, int criteriaSet, String name,
            Map<String, BigDecimal> expectedPartTotals, List<Correction> corrections) {
        List<CsvTable.Row> rows;
        try {
            rows = new ArrayList<>(CsvTable.parse(text));
        } catch (IllegalArgumentException unbalanced) {
            error(0, "CSV_MALFORMED", unbalanced.getMessage());
            return new Result(null, problems, List.of());
        }
        List<Correction> applied = applyCorrections(rows, corrections);
        if (rows.isEmpty() || !HEADER.equals(rows.get(0).cells().stream().map(String::strip).toList())) {
            error(1, "HEADER_INVALID", "the first line must be " + String.join(",", HEADER));
            return new Result(null, problems, applied);
        }
        ScoreSheet sheet = build(rows.subList(1, rows.size()), sheetSet, criteriaSet, name, expectedPartTotals);
        return new Result(sheet, problems, applied);
    }

    private List<Correction> applyCorrections(List<CsvTable.Row> rows, List<Correction> corrections) {
        List<Correction> applied = new ArrayList<>();
        for (Correction correction : corrections) {
            int column = COLUMNS.indexOf(correction.column());
            int index = indexOfLine(rows, correction.line());
            if (column < 0 || index < 0 || rows.get(index).cells().size() <= column) {
                error(correction.line(), "CORRECTION_NOT_APPLICABLE",
                        "correction of column '" + correction.column() + "' does not match a cell of this line");
                continue;
            }
            CsvTable.Row row = rows.get(index);
            if (!Objects.equals(row.cells().get(column), correction.oldValue())) {
                error(correction.line(), "CORRECTION_STALE", "correction expects '" + correction.oldValue()
                        + "' in column " + correction.column() + " but the file holds '" + row.cells().get(column) + "'");
                continue;
            }
            List<String> cells = new ArrayList<>(row.cells());
            cells.set(column, correction.newValue());
            rows.set(index, new CsvTable.Row(row.line(), cells));
            applied.add(correction);
        }
        return applied;
    }

    private static int indexOfLine(List<CsvTable.Row> rows, int line) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).line() == line) {
                return i;
            }
        }
        return -1;
    }

    private final class PartBuilder {
        final String code;
        final String title;
        final BigDecimal max;
        final int line;
        final List<GroupBuilder> groups = new ArrayList<>();

        PartBuilder(String code, String title, BigDecimal max, int line) {
            this.code = code;
            this.title = title;
            this.max = max;
            this.line = line;
        }
    }

    private final class GroupBuilder {
        final String code;
        final String title;
        final String note;
        final BigDecimal max;
        final int line;
        final List<CriterionBuilder> criteria = new ArrayList<>();
        boolean actsAsCriterion;

        GroupBuilder(String code, String title, String note, BigDecimal max, int line) {
            this.code = code;
            this.title = title;
            this.note = note;
            this.max = max;
            this.line = line;
        }
    }

    private final class CriterionBuilder {
        final String code;
        final String title;
        final String note;
        final BigDecimal max;
        final Integer requiredStars;
        final int line;
        final List<ScoreSheet.Option> options = new ArrayList<>();

        CriterionBuilder(String code, String title, String note, BigDecimal max, Integer requiredStars, int line) {
            this.code = code;
            this.title = title;
            this.note = note;
            this.max = max;
            this.requiredStars = requiredStars;
            this.line = line;
        }
    }

    private ScoreSheet build(List<CsvTable.Row> rows, String sheetSet, int criteriaSet, String name,
            Map<String, BigDecimal> expectedPartTotals) {
        List<PartBuilder> parts = new ArrayList<>();
        PartBuilder part = null;
        GroupBuilder group = null;
        CriterionBuilder criterion = null;
        for (CsvTable.Row row : rows) {
            int line = row.line();
            if (row.cells().size() != 5) {
                error(line, "COLUMN_COUNT", "expected 5 cells, found " + row.cells().size());
                continue;
            }
            String title = row.cells().get(0).strip();
            String description = row.cells().get(1).strip();
            String levelCell = row.cells().get(2).strip();
            Integer level = switch (levelCell) {
                case "0" -> 0;
                case "1" -> 1;
                case "2" -> 2;
                case "3" -> 3;
                default -> null;
            };
            if (level == null) {
                error(line, "LEVEL_INVALID", "level '" + levelCell + "' is not 0, 1, 2 or 3");
                continue;
            }
            BigDecimal score = score(line, row.cells().get(4), level);
            Integer stars = requiredStars(line, title, row.cells().get(3).strip(), level);
            switch (level) {
                case 0 -> {
                    Matcher letter = PART_TITLE.matcher(title);
                    String code = letter.find() ? letter.group(1) : String.valueOf((char) ('A' + parts.size()));
                    if (!letter.find(0)) {
                        error(line, "PART_TITLE_INVALID", "a part title must start with 'Phần <letter>'");
                    }
                    part = new PartBuilder(code, title, score, line);
                    parts.add(part);
                    group = null;
                    criterion = null;
                }
                case 1 -> {
                    if (part == null) {
                        error(line, "GROUP_OUTSIDE_PART", "a criterion group before any part");
                        continue;
                    }
                    Matcher number = GROUP_NUMBER.matcher(title);
                    String code = part.code + "." + (number.find() ? number.group(1) : String.valueOf(part.groups.size() + 1));
                    group = new GroupBuilder(code, title, description, score, line);
                    part.groups.add(group);
                    criterion = null;
                }
                case 2 -> {
                    if (group == null) {
                        error(line, "CRITERION_OUTSIDE_GROUP", "a criterion before any criterion group");
                        continue;
                    }
                    if (group.actsAsCriterion) {
                        error(line, "CRITERION_AFTER_OPTIONS", "a criterion after options given directly under group "
                                + group.code);
                    }
                    criterion = new CriterionBuilder(group.code + "." + (group.criteria.size() + 1), title,
                            description, score, stars, line);
                    group.criteria.add(criterion);
                }
                default -> {
                    if (criterion == null) {
                        if (group != null && group.criteria.isEmpty()) {
                            group.actsAsCriterion = true;
                            criterion = new CriterionBuilder(group.code + ".1", firstLine(group.title), group.note,
                                    group.max, null, group.line);
                            group.criteria.add(criterion);
                        } else {
                            error(line, "OPTION_OUTSIDE_CRITERION", "an option that belongs to no criterion");
                            continue;
                        }
                    }
                    criterion.options.add(new ScoreSheet.Option(criterion.code + "." + (criterion.options.size() + 1),
                            title, score, stars, line));
                }
            }
        }
        return assemble(parts, sheetSet, criteriaSet, name, expectedPartTotals);
    }

    private ScoreSheet assemble(List<PartBuilder> parts, String sheetSet, int criteriaSet, String name,
            Map<String, BigDecimal> expectedPartTotals) {
        List<ScoreSheet.Part> built = new ArrayList<>();
        Map<String, PartBuilder> byCode = new LinkedHashMap<>();
        for (PartBuilder part : parts) {
            if (byCode.putIfAbsent(part.code, part) != null) {
                error(part.line, "PART_DUPLICATE", "part " + part.code + " appears twice");
            }
            BigDecimal groupSum = BigDecimal.ZERO;
            boolean groupSumKnown = true;
            List<ScoreSheet.Group> groups = new ArrayList<>();
            for (GroupBuilder group : part.groups) {
                BigDecimal criteriaSum = BigDecimal.ZERO;
                boolean criteriaSumKnown = true;
                List<ScoreSheet.Criterion> criteria = new ArrayList<>();
                for (CriterionBuilder criterion : group.criteria) {
                    String title = criterion.title;
                    if (LETTER_ONLY.matcher(title).matches()) {
                        if (group.criteria.size() == 1) {
                            warning(criterion.line, "CRITERION_TITLE_ONLY_LETTER", "the criterion title is only '"
                                    + title + "'; as the only criterion of its group it is shown with the group's title '"
                                    + firstLine(group.title) + "'");
                            title = firstLine(group.title);
                        } else {
                            error(criterion.line, "CRITERION_TITLE_ONLY_LETTER", "the criterion title is only '" + title
                                    + "' and its group " + group.code + " has several criteria: it cannot be named");
                        }
                    }
                    ScoreSheet.Criterion done = new ScoreSheet.Criterion(criterion.code, title, criterion.note,
                            criterion.max, criterion.requiredStars, criterion.line, criterion.options);
                    checkCriterion(done, group.actsAsCriterion);
                    criteria.add(done);
                    if (criterion.max == null) {
                        criteriaSumKnown = false;
                    } else {
                        criteriaSum = criteriaSum.add(criterion.max);
                    }
                }
                if (group.criteria.isEmpty()) {
                    error(group.line, "GROUP_WITHOUT_CRITERIA", "criterion group " + group.code + " has no criteria");
                }
                if (!group.actsAsCriterion && group.max != null && criteriaSumKnown && !group.criteria.isEmpty()
                        && group.max.compareTo(criteriaSum) != 0) {
                    error(group.line, "GROUP_TOTAL_MISMATCH", "criterion group " + group.code + " has maximum "
                            + plain(group.max) + " but its criteria add up to " + plain(criteriaSum));
                }
                groups.add(new ScoreSheet.Group(group.code, group.title, group.max, group.line, criteria));
                if (group.max == null) {
                    groupSumKnown = false;
                } else {
                    groupSum = groupSum.add(group.max);
                }
            }
            if (part.max != null && groupSumKnown && part.max.compareTo(groupSum) != 0) {
                error(part.line, "PART_TOTAL_MISMATCH", "part " + part.code + " has maximum " + plain(part.max)
                        + " but its criterion groups add up to " + plain(groupSum));
            }
            BigDecimal expected = expectedPartTotals.get(part.code);
            if (expected == null) {
                error(part.line, "PART_UNKNOWN", "part " + part.code + " is not a part of the regime ("
                        + String.join(", ", expectedPartTotals.keySet()) + ")");
            } else if (part.max != null && expected.compareTo(part.max) != 0) {
                error(part.line, "PART_TOTAL_VS_REGIME", "part " + part.code + " has maximum " + plain(part.max)
                        + " but the regime gives it " + plain(expected));
            }
            built.add(new ScoreSheet.Part(part.code, part.title, part.max, part.line, groups));
        }
        for (String code : expectedPartTotals.keySet()) {
            if (!byCode.containsKey(code)) {
                error(0, "PART_MISSING", "part " + code + " of the regime is missing");
            }
        }
        return new ScoreSheet(sheetSet, criteriaSet, name, built);
    }

    private void checkCriterion(ScoreSheet.Criterion criterion, boolean groupActsAsCriterion) {
        String what = groupActsAsCriterion ? "criterion group " : "criterion ";
        String code = criterion.code();
        if (criterion.options().isEmpty()) {
            error(criterion.line(), "CRITERION_WITHOUT_OPTIONS", what + code + " has no options");
            return;
        }
        BigDecimal best = criterion.bestScore();
        if (criterion.max() != null && best != null && criterion.max().compareTo(best) != 0) {
            error(criterion.line(), "CRITERION_MAX_MISMATCH", what + code + " has maximum " + plain(criterion.max())
                    + " but its best option gives " + plain(best));
        }
    }

    private BigDecimal score(int line, String raw, int level) {
        String cell = raw.strip();
        String what = level == 3 ? "option score" : "maximum";
        if (cell.isEmpty()) {
            error(line, "SCORE_EMPTY", "the " + what + " is empty");
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(cell);
            if (value.signum() < 0) {
                error(line, "SCORE_NEGATIVE", "the " + what + " '" + cell + "' is negative");
                return null;
            }
            return value;
        } catch (NumberFormatException notNumeric) {
            error(line, "SCORE_NOT_NUMBER", "the " + what + " '" + cell + "' is not a number");
            return null;
        }
    }

    /**
     * The mandatory star level of a row: a trailing run of 3–5 asterisks in the title ({@code ***} = 3★), and the
     * stars column which repeats it where the transcriber filled it in.
     */
    private Integer requiredStars(int line, String title, String starsCell, int level) {
        Integer column = null;
        if (!starsCell.isEmpty()) {
            try {
                column = Integer.valueOf(starsCell);
            } catch (NumberFormatException notNumeric) {
                error(line, "STARS_NOT_NUMBER", "the stars cell '" + starsCell + "' is not a number");
            }
            if (column != null && (column < 3 || column > 5)) {
                error(line, "STARS_OUT_OF_RANGE", "the stars cell '" + starsCell + "' is not 3, 4 or 5");
                column = null;
            }
        }
        Integer marker = null;
        Matcher clean = CLEAN_MARKER.matcher(title);
        Matcher loose = LOOSE_MARKER.matcher(firstLine(title));
        Matcher looseWhole = LOOSE_MARKER.matcher(title);
        String asterisks = null;
        if (clean.find()) {
            asterisks = clean.group(1);
        } else if (looseWhole.find()) {
            asterisks = looseWhole.group(1);
            warning(line, "MARKER_NOT_AT_END", "the mandatory marker '" + asterisks
                    + "' is followed by punctuation; read as a marker");
        } else if (loose.find()) {
            asterisks = loose.group(1);
            warning(line, "MARKER_NOT_AT_END", "the mandatory marker '" + asterisks
                    + "' ends the first line of the text and is followed by a note; read as a marker");
        } else if (title.contains("*")) {
            error(line, "MARKER_UNPARSEABLE", "asterisks inside the text are not a mandatory marker at its end");
        }
        if (asterisks != null) {
            if (asterisks.length() < 3 || asterisks.length() > 5) {
                error(line, "MARKER_UNPARSEABLE", "the marker '" + asterisks + "' is not ***, **** or *****");
            } else {
                marker = asterisks.length();
            }
        }
        if (column != null && marker != null && !column.equals(marker)) {
            error(line, "STARS_MARKER_DISAGREE", "the stars column says " + column + " but the marker says " + marker);
        } else if (column != null && marker == null && asterisks == null) {
            error(line, "STARS_MARKER_DISAGREE", "the stars column says " + column + " but the text has no marker");
        }
        Integer stars = marker != null ? marker : column;
        if (stars != null && level < 2) {
            error(line, "MARKER_ON_NON_OPTION", "a mandatory marker on a part or criterion group");
            return null;
        }
        if (stars != null && level == 2) {
            warning(line, "MARKER_ON_CRITERION", "the criterion itself is marked mandatory for " + stars
                    + "★; with exactly one option per criterion any choice meets it");
        }
        return stars;
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return (newline < 0 ? text : text.substring(0, newline)).strip();
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private void error(int line, String code, String reason) {
        problems.add(new ImportProblem(file, line, Severity.ERROR, code, reason));
    }

    private void warning(int line, String code, String reason) {
        problems.add(new ImportProblem(file, line, Severity.WARNING, code, reason));
    }
}
