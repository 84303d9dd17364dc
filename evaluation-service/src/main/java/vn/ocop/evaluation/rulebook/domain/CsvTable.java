package vn.ocop.evaluation.rulebook.domain;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 reading (quoted cells may hold commas, doubled quotes and line breaks), keeping each record's first line. */
public final class CsvTable {

    private CsvTable() {
    }

    public record Row(int line, List<String> cells) {
    }

    /** @throws IllegalArgumentException when a quoted cell is never closed (the line where it opened is given) */
    public static List<Row> parse(String text) {
        List<Row> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int line = 1;
        int recordLine = 1;
        int quoteLine = 0;
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < content.length() && content.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append(c);
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    quoted = true;
                    quoteLine = line;
                    any = true;
                }
                case ',' -> {
                    cells.add(cell.toString());
                    cell.setLength(0);
                    any = true;
                }
                case '\r' -> {
                }
                case '\n' -> {
                    if (any || cell.length() > 0) {
                        cells.add(cell.toString());
                        rows.add(new Row(recordLine, List.copyOf(cells)));
                    }
                    cells.clear();
                    cell.setLength(0);
                    any = false;
                    line++;
                    recordLine = line;
                }
                default -> {
                    cell.append(c);
                    any = true;
                }
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("line " + quoteLine + ": a quoted cell is never closed");
        }
        if (any || cell.length() > 0) {
            cells.add(cell.toString());
            rows.add(new Row(recordLine, List.copyOf(cells)));
        }
        return rows;
    }
}
