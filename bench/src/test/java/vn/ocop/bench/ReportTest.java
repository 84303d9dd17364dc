package vn.ocop.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

class ReportTest {

    @Test
    void markdownHasTheRunTheResultsTableAndTheVerdicts(@TempDir Path dir) throws Exception {
        Report report = new Report().meta("machine", "2 cores").meta("command", "java -jar bench.jar --smoke")
                .row("intake", "max rate | gateway", "≥ 500/s", Reps.of(300, 310, 290).format(0) + "/s", "direct: 700/s",
                        "0.43×", Report.verdict(false))
                .row("footprint", "ready (s)", "≤ 30 s", "12.0 (n=1)", "—", "—", Report.Verdict.PASS)
                .row("rating", "p50", "—", "5", "—", "—", Report.Verdict.INFO)
                .text("Intake", "| a | b |").note("a note");
        String md = report.markdown();
        assertThat(md).contains("| machine | 2 cores |")
                .contains("| intake | max rate \\| gateway | ≥ 500/s | 300 (290–310, n=3)/s | direct: 700/s | 0.43× | **MISS** |")
                .contains("| footprint | ready (s) | ≤ 30 s | 12.0 (n=1) | — | — | **PASS** |")
                .contains("| rating | p50 | — | 5 | — | — | — |")
                .contains("## Intake\n\n| a | b |").contains("- a note");
        report.write(dir);
        JsonNode json = Http.JSON.readTree(Files.readString(dir.resolve("bench-report.json")));
        assertThat(json.get("results")).hasSize(3);
        assertThat(json.get("results").get(0).get("verdict").asString()).isEqualTo("MISS");
        assertThat(json.get("meta").get("command").asString()).isEqualTo("java -jar bench.jar --smoke");
        assertThat(Files.readString(dir.resolve("bench-report.md"))).isEqualTo(md);
    }

    @Test
    void numbersAreLocaleIndependentAndNanIsNa() {
        assertThat(Report.number(1234567.891, 2)).isEqualTo("1,234,567.89");
        assertThat(Report.number(Double.NaN, 1)).isEqualTo("n/a");
    }

    @Test
    void aFullRunBecomesTheLatestRunAndKeepsTheMethodEarlierRunsAndNotes() {
        String before = """
                # Benchmarks

                How it measures, kept by hand.

                ## Latest full run (2026-12-04, evening)

                ### Results

                | ready | 24.2 s |

                ## What the figures say (2026-12-04)

                Ready time met; rebuild bound by decoding.
                """;
        String report = new Report().meta("date", "2026-12-05T07:49:27Z").text("Intake", "Hồ sơ: 99,7/s").markdown();

        String page = BenchMain.docsPage(before, report, java.time.LocalDate.of(2026, 12, 5));

        assertThat(page).startsWith("# Benchmarks\n\nHow it measures, kept by hand.\n\n## Latest full run (2026-12-05)\n")
                .contains("### Run").contains("### Intake\n\nHồ sơ: 99,7/s").doesNotContain("# OCOP Platform benchmarks")
                .contains("## Full run (2026-12-04, evening)\n\n### Results\n\n| ready | 24.2 s |")
                .endsWith("## What the figures say (2026-12-04)\n\nReady time met; rebuild bound by decoding.\n");
        assertThat(page.indexOf("## Latest full run (2026-12-05)")).isLessThan(page.indexOf("## Full run (2026-12-04"));
        assertThat(page.split("## Latest full run", -1)).hasSize(2);
    }

    @Test
    void aPageWithoutARunYetGetsTheReportBelowWhatItHas() {
        String page = BenchMain.docsPage(null, new Report().meta("date", "today").markdown(),
                java.time.LocalDate.of(2026, 12, 5));

        assertThat(page).startsWith("# Benchmarks\n\n## Latest full run (2026-12-05)\n").contains("### Run")
                .doesNotContain("## Full run");
    }
}
