package vn.ocop.evaluation.rulebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import vn.ocop.evaluation.rulebook.domain.Correction;
import vn.ocop.evaluation.rulebook.domain.ImportProblem;
import vn.ocop.evaluation.rulebook.domain.Regime;
import vn.ocop.evaluation.rulebook.domain.ScoreSheet;
import vn.ocop.evaluation.rulebook.domain.SheetImporter;

/** The importer over the 26 real QĐ 148 sheets: the errors it must find (file, line, reason) and the valid sheets. */
class BundledSheetsImportTest {

    private static final Regime QD148 = RegimeFile.bundled().get("QD148-2023");

    /** file → the ERROR problems expected, as "line CODE". */
    private static final Map<String, List<String>> EXPECTED_ERRORS = Map.of(
            "set-03.csv", List.of("125 SCORE_EMPTY", "130 SCORE_EMPTY", "146 SCORE_EMPTY", "157 SCORE_EMPTY"),
            "set-07.csv", List.of("119 CRITERION_MAX_MISMATCH"),
            "set-11.csv", List.of("107 CRITERION_WITHOUT_OPTIONS", "116 CRITERION_WITHOUT_OPTIONS",
                    "106 GROUP_TOTAL_MISMATCH", "104 PART_TOTAL_MISMATCH"),
            "set-12.csv", List.of("104 PART_TOTAL_MISMATCH"),
            "set-13.csv", List.of("99 PART_TOTAL_MISMATCH"),
            "set-17.csv", List.of("20 SCORE_NOT_NUMBER"),
            "set-18.csv", List.of("11 SCORE_NOT_NUMBER"),
            "set-26.csv", List.of("96 GROUP_TOTAL_MISMATCH", "105 GROUP_TOTAL_MISMATCH", "132 GROUP_TOTAL_MISMATCH"));

    static List<String> files() {
        return IntStream.rangeClosed(1, 26).mapToObj(i -> String.format("set-%02d.csv", i)).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void findsExactlyTheKnownErrorsAndAcceptsTheOtherSheets(String file) {
        SheetImporter.Result result = importFile(file, List.of());

        List<String> errors = result.errors().stream().map(p -> p.line() + " " + p.code()).toList();
        List<String> expected = EXPECTED_ERRORS.getOrDefault(file, List.of());
        assertThat(errors).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(result.activatable()).isEqualTo(expected.isEmpty());
        assertThat(result.problems()).allSatisfy(problem -> {
            assertThat(problem.file()).isEqualTo(file);
            assertThat(problem.reason()).isNotBlank();
        });
        if (result.activatable()) {
            ScoreSheet sheet = result.sheet();
            assertThat(sheet.parts()).extracting(ScoreSheet.Part::code).containsExactly("A", "B", "C");
            assertThat(sheet.criteria().stream().map(ScoreSheet.Criterion::bestScore)
                    .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add)).isEqualByComparingTo("100");
        }
    }

    @Test
    void reportsTheReasonsWithLineNumbers() {
        ImportProblem mismatch = importFile("set-07.csv", List.of()).errors().get(0);
        assertThat(mismatch.line()).isEqualTo(119);
        assertThat(mismatch.reason()).isEqualTo("criterion C.6.4 has maximum 4 but its best option gives 3");

        ImportProblem letter = importFile("set-17.csv", List.of()).errors().get(0);
        assertThat(letter.reason()).isEqualTo("the option score 'l' is not a number");
    }

    @Test
    void warnsAboutOddButUnambiguousRowsWithoutBlockingTheSheet() {
        SheetImporter.Result sheet16 = importFile("set-16.csv", List.of());
        assertThat(sheet16.activatable()).isTrue();
        assertThat(sheet16.problems()).extracting(p -> p.line() + " " + p.code())
                .contains("62 MARKER_ON_CRITERION", "130 MARKER_NOT_AT_END");
        assertThat(sheet16.sheet().criteria().stream().flatMap(c -> c.options().stream())
                .filter(o -> o.line() == 130).findFirst().orElseThrow().requiredStars()).isEqualTo(3);

        SheetImporter.Result sheet02 = importFile("set-02.csv", List.of());
        assertThat(sheet02.problems()).extracting(p -> p.line() + " " + p.code())
                .contains("123 CRITERION_TITLE_ONLY_LETTER", "139 CRITERION_TITLE_ONLY_LETTER");
    }

    @Test
    void aRecordedCorrectionThatStillMatchesTheFileMakesTheSheetValid() {
        Correction digit = new Correction(20, "score", "l", "1",
                "letter l typed for digit 1: the options of this criterion give 0, 1, 2", "province-officer",
                Instant.parse("2026-11-28T08:00:00Z"));

        SheetImporter.Result corrected = importFile("set-17.csv", List.of(digit));

        assertThat(corrected.activatable()).isTrue();
        assertThat(corrected.applied()).containsExactly(digit);
    }

    @Test
    void aCorrectionThatNoLongerMatchesTheFileIsRefused() {
        Correction stale = new Correction(20, "score", "7", "1", "wrong old value", "province-officer", Instant.now());

        SheetImporter.Result result = importFile("set-17.csv", List.of(stale));

        assertThat(result.activatable()).isFalse();
        assertThat(result.errors()).extracting(ImportProblem::code).contains("CORRECTION_STALE", "SCORE_NOT_NUMBER");
    }

    @Test
    void reportsStructuralProblemsOfAnUploadedSheet() {
        String csv = """
                title,description,level,stars,score
                □ Lạc chỗ,,3,,1
                Phần A (40 Điểm),,0,,40
                1. NHÓM,,1,,5
                a),,2,,5
                □ Một,,3,,x
                □ Hai****,,3,5,5
                □ Ba**,,3,,5
                Phần B,,0,,25
                4. NHÓM HAI,,1,,25
                a),,2,,20
                □ Một,,3,,20
                b) Có tên,,2,,5
                □ Hai,,3,,5
                Phần C,,0,,35
                """;

        SheetImporter.Result result = SheetImporter.read("upload.csv", csv, "QD148-2023", 1, "test", QD148.partTotals(),
                List.of());

        assertThat(result.activatable()).isFalse();
        assertThat(result.problems()).extracting(p -> p.line() + " " + p.code()).contains(
                "2 OPTION_OUTSIDE_CRITERION", "3 PART_TOTAL_MISMATCH", "5 CRITERION_TITLE_ONLY_LETTER",
                "6 SCORE_NOT_NUMBER", "7 STARS_MARKER_DISAGREE", "8 MARKER_UNPARSEABLE", "15 PART_TOTAL_MISMATCH");
        assertThat(result.problems()).filteredOn(p -> p.line() == 11).singleElement()
                .satisfies(p -> assertThat(p.isError()).as("'a)' among several criteria").isTrue());
        assertThat(result.problems()).filteredOn(p -> p.line() == 5).singleElement()
                .satisfies(p -> assertThat(p.isError()).as("'a)' alone in its group").isFalse());
    }

    static SheetImporter.Result importFile(String file, List<Correction> corrections) {
        try (InputStream in = BundledSheetsImportTest.class.getResourceAsStream("/rubrics/qd148-2023/" + file)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return SheetImporter.read(file, text, "QD148-2023", Integer.parseInt(file.substring(4, 6)), file,
                    QD148.partTotals(), corrections);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
