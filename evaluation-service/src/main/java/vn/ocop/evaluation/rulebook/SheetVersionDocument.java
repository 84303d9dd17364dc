package vn.ocop.evaluation.rulebook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.ocop.evaluation.rulebook.domain.Correction;
import vn.ocop.evaluation.rulebook.domain.ImportProblem;
import vn.ocop.evaluation.rulebook.domain.ScoreSheet;

/**
 * One imported version of a score sheet: the file as uploaded (kept byte for byte so that corrections are
 * re-applied to the original), the corrections approved for it, the problems found and the sheet read.
 * ACTIVE only when it has no ERROR; the highest ACTIVE version of a set is the one in use.
 */
@Document("score_sheet_versions")
@CompoundIndex(name = "set_version", def = "{'sheetSet': 1, 'criteriaSet': 1, 'version': 1}", unique = true)
class SheetVersionDocument {

    enum Status {
        ACTIVE,
        INACTIVE,
        SUPERSEDED
    }

    @Id
    String id;
    @Version
    Long revision;
    String sheetSet;
    int criteriaSet;
    int version;
    String name;
    String fileName;
    String csv;
    Status status;
    ScoreSheet sheet;
    List<ImportProblem> problems = new ArrayList<>();
    List<Correction> corrections = new ArrayList<>();
    Integer correctedFromVersion;
    String importedBy;
    Instant importedAt;

    static String idOf(String sheetSet, int criteriaSet, int version) {
        return sheetSet + ":" + criteriaSet + ":v" + version;
    }
}
