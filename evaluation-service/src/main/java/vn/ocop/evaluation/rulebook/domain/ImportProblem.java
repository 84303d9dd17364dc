package vn.ocop.evaluation.rulebook.domain;

/**
 * One thing wrong (ERROR: the sheet cannot be activated) or odd but unambiguous (WARNING) in an imported
 * score sheet, located by file and line (the line where the CSV record starts).
 */
public record ImportProblem(String file, int line, Severity severity, String code, String reason) {

    public enum Severity {
        ERROR,
        WARNING
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
