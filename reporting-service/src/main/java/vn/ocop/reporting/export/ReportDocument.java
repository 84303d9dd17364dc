package vn.ocop.reporting.export;

import java.util.List;

/**
 * What an export contains, independent of its format: a title, a few lines of context and tables.
 * Cells are strings or numbers (numbers stay numbers in XLSX).
 */
public record ReportDocument(String title, List<String> lines, List<Table> tables) {

    public ReportDocument {
        lines = List.copyOf(lines);
        tables = List.copyOf(tables);
    }

    public record Table(String title, List<String> columns, List<List<Object>> rows) {

        public Table {
            columns = List.copyOf(columns);
            rows = rows.stream().map(row -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(row)))
                    .toList();
        }
    }
}
