package vn.ocop.evaluation.rulebook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.ocop.evaluation.rulebook.domain.Regime;

/**
 * At start: loads the bundled regimes, then imports every bundled score sheet of a set that has no version yet,
 * through the same importer officers use over HTTP. Sheets with errors are stored INACTIVE with their report.
 */
@Component
@Order(0)
class BundledRulebook implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BundledRulebook.class);
    static final String SYSTEM = "system:bundled-rulebook";

    private final RulebookService rulebook;

    BundledRulebook(RulebookService rulebook) {
        this.rulebook = rulebook;
    }

    @Override
    public void run(ApplicationArguments args) {
        RegimeFile.bundled().values().forEach(rulebook::loadRegime);
        for (Regime regime : RegimeFile.bundled().values()) {
            String folder = "/rubrics/" + regime.sheetSet().toLowerCase(java.util.Locale.ROOT) + "/";
            Properties names = names(folder);
            if (names == null) {
                continue;
            }
            for (String key : names.stringPropertyNames()) {
                int set = Integer.parseInt(key);
                String file = String.format("set-%02d.csv", set);
                if (rulebook.hasAnyVersion(regime.sheetSet(), set)) {
                    continue;
                }
                byte[] content = read(folder + file);
                RulebookService.ImportReport report;
                try {
                    report = rulebook.importSheet(regime.code(), set, names.getProperty(key), file, content, SYSTEM);
                } catch (org.springframework.dao.DuplicateKeyException importedByAnotherReplica) {
                    continue;
                }
                log.info("Imported {} {}: {} ({} errors, {} warnings)", regime.sheetSet(), file, report.status(),
                        report.errorCount(), report.warningCount());
            }
        }
    }

    private static Properties names(String folder) {
        try (InputStream in = BundledRulebook.class.getResourceAsStream(folder + "sets.properties")) {
            if (in == null) {
                return null;
            }
            Properties names = new Properties();
            names.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(String resource) {
        try (InputStream in = BundledRulebook.class.getResourceAsStream(resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
