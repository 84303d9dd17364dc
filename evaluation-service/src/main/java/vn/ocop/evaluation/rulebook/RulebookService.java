package vn.ocop.evaluation.rulebook;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import vn.ocop.chassis.errors.FieldViolation;
import vn.ocop.chassis.errors.InvalidInputException;
import vn.ocop.chassis.errors.NotFoundException;
import vn.ocop.evaluation.rulebook.SheetVersionDocument.Status;
import vn.ocop.evaluation.rulebook.domain.Correction;
import vn.ocop.evaluation.rulebook.domain.Regime;
import vn.ocop.evaluation.rulebook.domain.ScoreSheet;
import vn.ocop.evaluation.rulebook.domain.SheetImporter;

/** The versioned rulebook store: regimes, and score sheets imported (and corrected) through one importer. */
@Service
public class RulebookService {

    private final MongoOperations mongo;
    private final Clock clock;

    RulebookService(MongoOperations mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** A score sheet version in use: which set, which version, and the sheet itself. */
    public record ActiveSheet(String sheetSet, int criteriaSet, int version, ScoreSheet sheet) {
    }

    public record ImportReport(String sheetSet, int criteriaSet, int version, String name, String fileName,
            String status, int errorCount, int warningCount, List<vn.ocop.evaluation.rulebook.domain.ImportProblem> problems,
            List<Correction> corrections, Integer correctedFromVersion, String importedBy, Instant importedAt) {

        static ImportReport of(SheetVersionDocument doc) {
            int errors = (int) doc.problems.stream().filter(p -> p.isError()).count();
            return new ImportReport(doc.sheetSet, doc.criteriaSet, doc.version, doc.name, doc.fileName,
                    doc.status.name(), errors, doc.problems.size() - errors, doc.problems, doc.corrections,
                    doc.correctedFromVersion, doc.importedBy, doc.importedAt);
        }
    }

    public void loadRegime(Regime regime) {
        String id = RegimeDocument.idOf(regime);
        if (!mongo.exists(query(where("_id").is(id)), RegimeDocument.class)) {
            try {
                mongo.insert(new RegimeDocument(id, regime.code(), regime.version(), regime, clock.instant()));
            } catch (org.springframework.dao.DuplicateKeyException loadedByAnotherReplica) {
                // the same version, loaded at the same moment by another replica
            }
        }
    }

    public List<Regime> regimes() {
        List<Regime> latest = new ArrayList<>();
        mongo.findAll(RegimeDocument.class).stream()
                .collect(java.util.stream.Collectors.groupingBy(RegimeDocument::code))
                .forEach((code, versions) -> latest.add(versions.stream()
                        .max(Comparator.comparingInt(RegimeDocument::version)).orElseThrow().regime()));
        latest.sort(Comparator.comparing(Regime::validFrom));
        return latest;
    }

    public Regime regime(String code) {
        return mongo.find(query(where("code").is(code)).with(Sort.by(Sort.Direction.DESC, "version")).limit(1),
                RegimeDocument.class).stream().findFirst().map(RegimeDocument::regime)
                .orElseThrow(() -> new NotFoundException("rulebook.regime-not-found", code));
    }

    public boolean hasAnyVersion(String sheetSet, int criteriaSet) {
        return mongo.exists(query(where("sheetSet").is(sheetSet).and("criteriaSet").is(criteriaSet)),
                SheetVersionDocument.class);
    }

    public ImportReport importSheet(String regimeCode, int criteriaSet, String name, String fileName, byte[] content,
            String importedBy) {
        Regime regime = regime(regimeCode);
        String text = utf8(content);
        return ImportReport.of(store(regime, criteriaSet, name, fileName, text, List.of(), null, importedBy));
    }

    public record CorrectionRequest(int line, String column, String oldValue, String newValue, String reason) {
    }

    /**
     * Re-imports the original file of a version with the corrections it already had plus the new ones, each
     * recorded with who approved it, when and why. The result is a new version, ACTIVE only if it is valid.
     */
    public ImportReport correct(String regimeCode, int criteriaSet, int version, List<CorrectionRequest> requests,
            String officer) {
        Regime regime = regime(regimeCode);
        SheetVersionDocument base = version(regime.sheetSet(), criteriaSet, version);
        List<FieldViolation> violations = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            CorrectionRequest request = requests.get(i);
            if (request.reason() == null || request.reason().isBlank()) {
                violations.add(FieldViolation.of("corrections[" + i + "].reason", "validation.NotBlank"));
            }
            if (!SheetImporter.COLUMNS.contains(request.column())) {
                violations.add(FieldViolation.of("corrections[" + i + "].column", "rulebook.correction-column",
                        String.join(", ", SheetImporter.COLUMNS)));
            }
            if (request.oldValue() == null || request.newValue() == null) {
                violations.add(FieldViolation.of("corrections[" + i + "]", "rulebook.correction-values"));
            }
        }
        if (requests.isEmpty()) {
            violations.add(FieldViolation.of("corrections", "validation.NotEmpty"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException("rulebook.correction-invalid", violations);
        }
        Instant now = clock.instant();
        List<Correction> corrections = new ArrayList<>(base.corrections);
        requests.forEach(r -> corrections.add(new Correction(r.line(), r.column(), r.oldValue(), r.newValue(),
                r.reason().strip(), officer, now)));
        return ImportReport.of(store(regime, criteriaSet, base.name, base.fileName, base.csv, corrections, version,
                officer));
    }

    private SheetVersionDocument store(Regime regime, int criteriaSet, String name, String fileName, String text,
            List<Correction> corrections, Integer correctedFrom, String importedBy) {
        SheetImporter.Result result = SheetImporter.read(fileName, text, regime.sheetSet(), criteriaSet, name,
                regime.partTotals(), corrections);
        int version = latestVersion(regime.sheetSet(), criteriaSet) + 1;
        SheetVersionDocument doc = new SheetVersionDocument();
        doc.id = SheetVersionDocument.idOf(regime.sheetSet(), criteriaSet, version);
        doc.sheetSet = regime.sheetSet();
        doc.criteriaSet = criteriaSet;
        doc.version = version;
        doc.name = name;
        doc.fileName = fileName;
        doc.csv = text;
        doc.status = result.activatable() ? Status.ACTIVE : Status.INACTIVE;
        doc.sheet = result.sheet();
        doc.problems = new ArrayList<>(result.problems());
        doc.corrections = new ArrayList<>(corrections);
        doc.correctedFromVersion = correctedFrom;
        doc.importedBy = importedBy;
        doc.importedAt = clock.instant();
        mongo.insert(doc);
        if (doc.status == Status.ACTIVE) {
            mongo.updateMulti(query(where("sheetSet").is(doc.sheetSet).and("criteriaSet").is(criteriaSet)
                    .and("status").is(Status.ACTIVE).and("version").lt(version)),
                    new Update().set("status", Status.SUPERSEDED), SheetVersionDocument.class);
        }
        return doc;
    }

    private int latestVersion(String sheetSet, int criteriaSet) {
        return mongo.find(query(where("sheetSet").is(sheetSet).and("criteriaSet").is(criteriaSet))
                .with(Sort.by(Sort.Direction.DESC, "version")).limit(1), SheetVersionDocument.class)
                .stream().findFirst().map(doc -> doc.version).orElse(0);
    }

    SheetVersionDocument version(String sheetSet, int criteriaSet, int version) {
        SheetVersionDocument doc = mongo.findById(SheetVersionDocument.idOf(sheetSet, criteriaSet, version),
                SheetVersionDocument.class);
        if (doc == null) {
            throw new NotFoundException("rulebook.sheet-version-not-found", criteriaSet, version);
        }
        return doc;
    }

    public ImportReport report(String regimeCode, int criteriaSet, int version) {
        return ImportReport.of(version(regime(regimeCode).sheetSet(), criteriaSet, version));
    }

    public List<ImportReport> reports(String regimeCode) {
        Query all = query(where("sheetSet").is(regime(regimeCode).sheetSet()))
                .with(Sort.by("criteriaSet", "version"));
        return mongo.find(all, SheetVersionDocument.class).stream().map(ImportReport::of).toList();
    }

    public Optional<ActiveSheet> activeSheet(String sheetSet, int criteriaSet) {
        return mongo.find(query(where("sheetSet").is(sheetSet).and("criteriaSet").is(criteriaSet)
                .and("status").is(Status.ACTIVE)).with(Sort.by(Sort.Direction.DESC, "version")).limit(1),
                SheetVersionDocument.class).stream().findFirst()
                .map(doc -> new ActiveSheet(doc.sheetSet, doc.criteriaSet, doc.version, doc.sheet));
    }

    public ActiveSheet sheetVersion(String sheetSet, int criteriaSet, int version) {
        SheetVersionDocument doc = version(sheetSet, criteriaSet, version);
        return new ActiveSheet(doc.sheetSet, doc.criteriaSet, doc.version, doc.sheet);
    }

    private static String utf8(byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException notUtf8) {
            throw new InvalidInputException("rulebook.file-invalid",
                    List.of(FieldViolation.of("file", "rulebook.not-utf8")));
        }
    }
}
