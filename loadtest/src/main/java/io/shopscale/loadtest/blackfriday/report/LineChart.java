package io.shopscale.loadtest.blackfriday.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line chart as inline SVG, drawn in Java so the report needs no script and no network to open. The x axis is
 * either linear (seconds) or a percentile axis that spreads the tail out (90, 99, 99.9, 99.99 % equally spaced), the
 * usual way to plot an HdrHistogram. Missing values break a line instead of being drawn as zero.
 */
final class LineChart {

    enum Axis { LINEAR, PERCENTILE }

    record Series(String name, double[] xs, Double[] ys) {
    }

    /** A shaded stretch of the x axis, such as a phase of the profile. */
    record Band(double from, double to, String label, boolean highlight) {
    }

    static final String[] COLORS = {"#1f6feb", "#d1242f", "#1a7f37", "#bf8700", "#8250df", "#0e8a9e", "#bf3989",
        "#57606a", "#e16f24", "#7d4e00"};
    private static final int WIDTH = 860;
    private static final int HEIGHT = 300;
    private static final int LEFT = 64;
    private static final int RIGHT = 16;
    private static final int TOP = 16;
    private static final int BOTTOM = 64;
    /** Where the maximum sits on the percentile axis: a little right of 99.99 %. */
    private static final double MAX_POSITION = 4.4;

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final Axis axis;
    private final List<Series> series = new ArrayList<>();
    private final List<Band> bands = new ArrayList<>();

    LineChart(String title, String xLabel, String yLabel, Axis axis) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.axis = axis;
    }

    LineChart series(String name, double[] xs, Double[] ys) {
        series.add(new Series(name, xs, ys));
        return this;
    }

    LineChart band(Band band) {
        bands.add(band);
        return this;
    }

    String svg() {
        double xMin = axis == Axis.PERCENTILE ? 0 : Double.MAX_VALUE;
        double xMax = axis == Axis.PERCENTILE ? MAX_POSITION : -Double.MAX_VALUE;
        double yMax = 0;
        for (Series s : series) {
            for (int i = 0; i < s.xs().length; i++) {
                if (axis == Axis.LINEAR) {
                    xMin = Math.min(xMin, s.xs()[i]);
                    xMax = Math.max(xMax, s.xs()[i]);
                }
                if (s.ys()[i] != null) {
                    yMax = Math.max(yMax, s.ys()[i]);
                }
            }
        }
        for (Band band : bands) {
            xMin = Math.min(xMin, band.from());
            xMax = Math.max(xMax, band.to());
        }
        if (xMin >= xMax) {
            xMin = 0;
            xMax = Math.max(1, xMax);
        }
        double yStep = niceStep(yMax > 0 ? yMax / 5 : 0.2);
        double yTop = Math.max(yStep, Math.ceil(yMax / yStep) * yStep);
        Frame frame = new Frame(xMin, xMax, yTop);
        StringBuilder out = new StringBuilder();
        out.append("<svg class=\"chart\" role=\"img\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT).append("\">");
        out.append("<title>").append(Html.escape(title)).append("</title>");
        bands(out, frame);
        grid(out, frame, yStep);
        for (int i = 0; i < series.size(); i++) {
            line(out, frame, series.get(i), COLORS[i % COLORS.length]);
        }
        legend(out);
        out.append("</svg>");
        return out.toString();
    }

    private void bands(StringBuilder out, Frame frame) {
        int i = 0;
        for (Band band : bands) {
            double x0 = frame.x(band.from());
            double x1 = frame.x(band.to());
            out.append("<rect x=\"").append(n(x0)).append("\" y=\"").append(TOP).append("\" width=\"")
                    .append(n(Math.max(0, x1 - x0))).append("\" height=\"").append(HEIGHT - TOP - BOTTOM)
                    .append("\" fill=\"").append(band.highlight() ? "#fff1e5" : i++ % 2 == 0 ? "#f6f8fa" : "#ffffff")
                    .append("\"/>");
            out.append("<text class=\"band\" x=\"").append(n(x0 + 4)).append("\" y=\"").append(TOP + 12).append("\">")
                    .append(Html.escape(band.label())).append("</text>");
        }
    }

    private void grid(StringBuilder out, Frame frame, double yStep) {
        int bottom = HEIGHT - BOTTOM;
        for (double y = 0; y <= frame.yTop() + yStep / 2; y += yStep) {
            double py = frame.y(y);
            out.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
                    .append("\" y1=\"").append(n(py)).append("\" y2=\"").append(n(py)).append("\"/>");
            out.append("<text class=\"tick\" x=\"").append(LEFT - 6).append("\" y=\"").append(n(py + 4))
                    .append("\" text-anchor=\"end\">").append(number(y)).append("</text>");
        }
        for (double[] tick : xTicks(frame)) {
            double px = frame.x(tick[0]);
            out.append("<line class=\"axis\" x1=\"").append(n(px)).append("\" x2=\"").append(n(px)).append("\" y1=\"")
                    .append(bottom).append("\" y2=\"").append(bottom + 4).append("\"/>");
            out.append("<text class=\"tick\" x=\"").append(n(px)).append("\" y=\"").append(bottom + 16)
                    .append("\" text-anchor=\"middle\">").append(xTickLabel(tick)).append("</text>");
        }
        out.append("<line class=\"axis\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
                .append("\" y1=\"").append(bottom).append("\" y2=\"").append(bottom).append("\"/>");
        out.append("<text class=\"label\" x=\"").append((LEFT + WIDTH - RIGHT) / 2).append("\" y=\"")
                .append(bottom + 32).append("\" text-anchor=\"middle\">").append(Html.escape(xLabel)).append("</text>");
        out.append("<text class=\"label\" transform=\"translate(14 ").append((TOP + bottom) / 2)
                .append(") rotate(-90)\" text-anchor=\"middle\">").append(Html.escape(yLabel)).append("</text>");
    }

    private List<double[]> xTicks(Frame frame) {
        List<double[]> ticks = new ArrayList<>();
        if (axis == Axis.PERCENTILE) {
            for (int i = 0; i <= 4; i++) {
                ticks.add(new double[] {i, i});
            }
            ticks.add(new double[] {MAX_POSITION, -1});
            return ticks;
        }
        double step = niceStep((frame.xMax() - frame.xMin()) / 8);
        for (double x = Math.ceil(frame.xMin() / step) * step; x <= frame.xMax() + step / 1000; x += step) {
            ticks.add(new double[] {x, x});
        }
        return ticks;
    }

    private String xTickLabel(double[] tick) {
        if (axis == Axis.LINEAR) {
            return number(tick[1]);
        }
        return switch ((int) tick[1]) {
            case 0 -> "0%";
            case 1 -> "90%";
            case 2 -> "99%";
            case 3 -> "99.9%";
            case 4 -> "99.99%";
            default -> "max";
        };
    }

    private void line(StringBuilder out, Frame frame, Series s, String color) {
        StringBuilder path = new StringBuilder();
        boolean pen = false;
        for (int i = 0; i < s.xs().length; i++) {
            Double y = s.ys()[i];
            if (y == null) {
                pen = false;
                continue;
            }
            path.append(pen ? " L" : " M").append(n(frame.x(s.xs()[i]))).append(' ').append(n(frame.y(y)));
            pen = true;
        }
        out.append("<path fill=\"none\" stroke-width=\"1.8\" stroke=\"").append(color).append("\" d=\"")
                .append(path.toString().trim()).append("\"><title>").append(Html.escape(s.name()))
                .append("</title></path>");
    }

    private void legend(StringBuilder out) {
        double x = LEFT;
        int y = HEIGHT - 10;
        for (int i = 0; i < series.size(); i++) {
            String name = series.get(i).name();
            out.append("<rect x=\"").append(n(x)).append("\" y=\"").append(y - 9).append("\" width=\"12\" height=\"4\" "
                    + "fill=\"").append(COLORS[i % COLORS.length]).append("\"/>");
            out.append("<text class=\"legend\" x=\"").append(n(x + 16)).append("\" y=\"").append(y - 4).append("\">")
                    .append(Html.escape(name)).append("</text>");
            x += 28 + name.length() * 6.5;
        }
    }

    /** 1, 2 or 5 times a power of ten, at least {@code rough}. */
    static double niceStep(double rough) {
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        double fraction = rough / power;
        return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
    }

    /** Where a percentile sits on the percentile axis: log10 of 1 / (1 - p), the maximum a little beyond 99.99 %. */
    static double percentilePosition(double percentile) {
        if (percentile >= 100) {
            return MAX_POSITION;
        }
        return Math.min(4, Math.log10(100 / (100 - percentile)));
    }

    private static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%.2f", value).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    private static String n(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private record Frame(double xMin, double xMax, double yTop) {

        double x(double value) {
            return LEFT + (value - xMin) / (xMax - xMin) * (WIDTH - LEFT - RIGHT);
        }

        double y(double value) {
            return HEIGHT - BOTTOM - value / yTop * (HEIGHT - TOP - BOTTOM);
        }
    }
}
