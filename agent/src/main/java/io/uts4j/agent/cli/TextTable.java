package io.uts4j.agent.cli;

import java.io.PrintStream;
import java.util.List;

/** Prints rows of text as left-aligned columns under a heading. */
final class TextTable {
    private static final String GAP = "  ";

    private TextTable() {}

    static void print(List<String> headings, List<List<String>> rows, PrintStream out) {
        int[] width = new int[headings.size()];
        for (int c = 0; c < width.length; c++) {
            width[c] = headings.get(c).length();
            for (List<String> r : rows) width[c] = Math.max(width[c], r.get(c).length());
        }
        out.println(line(headings, width));
        out.println(line(headings.stream().map(h -> "-".repeat(h.length())).toList(), width));
        for (List<String> r : rows) out.println(line(r, width));
    }

    private static String line(List<String> cells, int[] width) {
        StringBuilder s = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            if (c > 0) s.append(GAP);
            s.append(cells.get(c));
            if (c < cells.size() - 1) s.append(" ".repeat(width[c] - cells.get(c).length()));
        }
        return s.toString();
    }
}
