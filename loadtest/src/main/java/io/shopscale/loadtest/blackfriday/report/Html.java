package io.shopscale.loadtest.blackfriday.report;

import java.util.List;
import java.util.Locale;

/** Escaping and tables for the HTML report. */
final class Html {

    private Html() {
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A table; cells are escaped, and a cell starting with a digit or '-' is right-aligned as a number. */
    static String table(List<String> header, List<List<String>> rows) {
        StringBuilder out = new StringBuilder("<table><thead><tr>");
        header.forEach(h -> out.append("<th>").append(escape(h)).append("</th>"));
        out.append("</tr></thead><tbody>");
        for (List<String> row : rows) {
            out.append("<tr>");
            for (String cell : row) {
                boolean numeric = cell != null && cell.matches("-?[0-9][0-9.,]*( ms| s|%)?|-");
                out.append(numeric ? "<td class=\"num\">" : "<td>").append(escape(cell)).append("</td>");
            }
            out.append("</tr>");
        }
        return out.append("</tbody></table>").toString();
    }

    /** A status word styled by outcome: PASS, FAIL, UNVERIFIED, INCIDENT. */
    static String status(String status) {
        return "<span class=\"status " + escape(status.toLowerCase(Locale.ROOT)) + "\">" + escape(status)
                + "</span>";
    }
}
