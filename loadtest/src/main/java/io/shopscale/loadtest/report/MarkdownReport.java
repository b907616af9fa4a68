package io.shopscale.loadtest.report;

/** A table to paste into docs, with the context and the command that produced it. */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    public static String render(RunReport report) {
        return "_" + report.context() + "_\n\n" + ResultTable.of(report).markdown() + "\nCommand: `"
                + report.parameters().command() + "`\n";
    }
}
