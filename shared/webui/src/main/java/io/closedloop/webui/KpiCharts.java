package io.closedloop.webui;

import io.closedloop.kpi.KpiReport;
import io.closedloop.kpi.KpiReports;
import io.closedloop.text.Html;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The dashboard's charts as inline SVG strings: NPS trend, cases opened vs closed, share resolved within the goal's
 * time against the goal line. Each is self-contained (no script, no external resource, no style attribute, so a
 * strict CSP allows it), scales to its container ({@code viewBox}, width 100 %) and is laid out for a 360 px wide
 * phone; role="img" with a title and a description that states the figures. A long period is shown by week (over
 * {@value #MAX_POINTS} days) or by month (over {@value #MAX_POINTS} weeks), so bars stay wide enough to see. Every
 * word is the viewer's ({@code chart.*} in the bundles).
 */
public final class KpiCharts {

    /** The most points (days, weeks or months) a chart shows. */
    public static final int MAX_POINTS = 62;

    static final int WIDTH = 360;
    static final int HEIGHT = 200;
    private static final double LEFT = 40;
    private static final double RIGHT = WIDTH - 10;
    private static final double TOP = 34;
    private static final double BOTTOM = HEIGHT - 24;

    private static final String TEXT = "#374151";
    private static final String GRID = "#e5e7eb";
    private static final String AXIS = "#9ca3af";
    private static final String BLUE = "#2563eb";
    private static final String AMBER = "#b45309";
    private static final String GREEN = "#047857";
    private static final String RED = "#b91c1c";

    /** How a chart groups the days of a period. */
    public enum Grain {
        DAY("day"),
        WEEK("week"),
        MONTH("month");

        private final String word;

        Grain(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }

        /** The finest grain that shows {@code days} days in at most {@link #MAX_POINTS} points. */
        public static Grain of(int days) {
            if (days <= MAX_POINTS) {
                return DAY;
            }
            return days <= MAX_POINTS * 7 ? WEEK : MONTH;
        }
    }

    private KpiCharts() {}

    /** The report's days grouped by {@code grain}: each point sums its days and is labelled with its first day. */
    public static List<KpiReport.Day> points(List<KpiReport.Day> days, Grain grain) {
        Function<LocalDate, LocalDate> key = switch (grain) {
            case DAY -> d -> d;
            case WEEK -> d -> d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> d -> d.withDayOfMonth(1);
        };
        Map<LocalDate, List<KpiReport.Day>> groups = new LinkedHashMap<>();
        for (KpiReport.Day day : days) {
            groups.computeIfAbsent(key.apply(day.day()), k -> new ArrayList<>()).add(day);
        }
        return groups.values().stream().map(g -> KpiReports.sum(g.getFirst().day(), g)).toList();
    }

    /** NPS per point as a line on a −100…100 scale; points without NPS responses leave a gap. */
    public static String npsTrend(KpiReport report, WebMessages m) {
        Grain grain = Grain.of(report.days().size());
        List<KpiReport.Day> points = points(report.days(), grain);
        Double total = report.totals().nps();
        String by = m.t("chart.grain." + grain.word());
        String desc = m.t("chart.nps.desc", by, report.campaignId(), report.from(), report.to()) + " "
                + (total == null ? m.t("chart.nps.none") : m.t("chart.nps.total", decimal(total), report.totals().npsResponses())
                        + latest(points, KpiReport.Day::nps, " (" + m.t("chart.latest", by) + " ", ")") + ".");
        Svg svg = new Svg("kpi-nps", m.t("chart.nps.title"), desc);
        svg.heading(m.t("chart.nps.heading", by));
        Scale y = new Scale(-100, 100);
        for (int v = -100; v <= 100; v += 50) {
            svg.gridLine(y.at(v), v == 0 ? AXIS : GRID, Integer.toString(v));
        }
        svg.xLabels(points, grain);
        List<Double> values = points.stream().map(KpiReport.Day::nps).toList();
        svg.line(values, y, BLUE, i -> label(points.get(i), grain, m) + ": " + m.t("chart.nps.point", decimal(values.get(i)),
                points.get(i).npsResponses()));
        if (values.stream().allMatch(v -> v == null)) {
            svg.empty(m.t("chart.nps.empty"));
        }
        return svg.end();
    }

    /** Cases opened and closed per point, as pairs of bars. */
    public static String openedVsClosed(KpiReport report, WebMessages m) {
        Grain grain = Grain.of(report.days().size());
        List<KpiReport.Day> points = points(report.days(), grain);
        String by = m.t("chart.grain." + grain.word());
        String desc = m.t("chart.cases.desc", by, report.campaignId(), report.from(), report.to(), report.totals().opened(),
                report.totals().closed(), report.totals().openNow());
        Svg svg = new Svg("kpi-cases", m.t("chart.cases.title"), desc);
        svg.heading(m.t("chart.cases.heading", by));
        svg.legend(List.of(new Legend(m.t("chart.opened"), AMBER, false), new Legend(m.t("chart.closed"), BLUE, false)));
        long max = points.stream().mapToLong(p -> Math.max(p.opened(), p.closed())).max().orElse(0);
        long step = niceStep(max);
        Scale y = new Scale(0, step * 4);
        for (long v = 0; v <= step * 4; v += step) {
            svg.gridLine(y.at(v), v == 0 ? AXIS : GRID, Long.toString(v));
        }
        svg.xLabels(points, grain);
        double slot = (RIGHT - LEFT) / Math.max(1, points.size());
        double bar = Math.max(1, slot * 0.38);
        for (int i = 0; i < points.size(); i++) {
            KpiReport.Day p = points.get(i);
            double x = LEFT + i * slot + slot * 0.1;
            String tip = label(p, grain, m) + ": " + m.t("chart.cases.point", p.opened(), p.closed());
            svg.bar(x, bar, y.at(p.opened()), y.at(0), AMBER, tip);
            svg.bar(x + bar + slot * 0.04, bar, y.at(p.closed()), y.at(0), BLUE, tip);
        }
        if (max == 0) {
            svg.empty(m.t("chart.cases.empty"));
        }
        return svg.end();
    }

    /**
     * The share of closes within the goal's time from opening (e.g. 24 h) per point, on a 0…100 % scale, with the
     * goal's share as a dashed horizontal line ({@code class="goal"}).
     */
    public static String resolvedWithinGoal(KpiReport report, WebMessages m) {
        Grain grain = Grain.of(report.days().size());
        List<KpiReport.Day> points = points(report.days(), grain);
        String within = m.duration(report.goal().within());
        String goal = percent(report.goal().share());
        Double total = report.totals().resolvedWithinGoalShare();
        String by = m.t("chart.grain." + grain.word());
        String desc = m.t("chart.goal.desc", within, by, report.campaignId(), report.from(), report.to(), goal) + " "
                + (total == null ? m.t("chart.goal.none") : m.t("chart.goal.total", percent(total), report.totals().closed())
                        + " " + m.t(Boolean.TRUE.equals(report.totals().goalMet()) ? "chart.goal.met" : "chart.goal.notMet"));
        Svg svg = new Svg("kpi-goal", m.t("chart.goal.title", within), desc);
        svg.heading(m.t("chart.goal.heading", within));
        svg.legend(List.of(new Legend(m.t("chart.share"), GREEN, false), new Legend(m.t("chart.goal.legend", goal), RED, true)));
        Scale y = new Scale(0, 1);
        for (int v = 0; v <= 100; v += 25) {
            svg.gridLine(y.at(v / 100.0), v == 0 ? AXIS : GRID, v + " %");
        }
        svg.xLabels(points, grain);
        List<Double> values = points.stream().map(KpiReport.Day::resolvedWithinGoalShare).toList();
        svg.line(values, y, GREEN, i -> label(points.get(i), grain, m) + ": " + m.t("chart.goal.point", percent(values.get(i)),
                points.get(i).closed(), within));
        svg.goalLine(y.at(report.goal().share()), RED, m.t("chart.goal.line", goal, within));
        if (values.stream().allMatch(v -> v == null)) {
            svg.empty(m.t("chart.goal.empty"));
        }
        return svg.end();
    }

    /** A y scale from {@code min} (bottom of the plot) to {@code max} (top). */
    private record Scale(double min, double max) {
        double at(double value) {
            double clamped = Math.max(min, Math.min(max, value));
            return BOTTOM - (clamped - min) / (max - min) * (BOTTOM - TOP);
        }
    }

    private record Legend(String label, String color, boolean dashed) {}

    /** 1, 2 or 5 × 10^k: the smallest such step that covers {@code max} in four grid steps. */
    static long niceStep(long max) {
        long step = 1;
        while (true) {
            for (long m : new long[] {1, 2, 5}) {
                if (step * m * 4 >= max) {
                    return step * m;
                }
            }
            step *= 10;
        }
    }

    private static String latest(List<KpiReport.Day> points, Function<KpiReport.Day, Double> value, String before, String after) {
        for (KpiReport.Day p : points.reversed()) {
            if (value.apply(p) != null) {
                return before + decimal(value.apply(p)) + after;
            }
        }
        return "";
    }

    /** A point's date as the axis shows it: the day, the week's first day, or the month. */
    private static String axisLabel(KpiReport.Day point, Grain grain) {
        return grain == Grain.MONTH ? point.day().toString().substring(0, 7) : point.day().toString();
    }

    private static String label(KpiReport.Day point, Grain grain, WebMessages m) {
        return grain == Grain.WEEK ? m.t("chart.weekOf", point.day()) : axisLabel(point, grain);
    }

    private static String decimal(Double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String percent(Double share) {
        double pct = share * 100;
        return (pct == Math.rint(pct) ? Long.toString(Math.round(pct)) : String.format(Locale.ROOT, "%.1f", pct)) + " %";
    }

    private static String n(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** Writes one chart's markup; every text goes through {@link Html#escape}. */
    private static final class Svg {
        private final StringBuilder out = new StringBuilder(4096);

        Svg(String id, String title, String desc) {
            out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                    .append("\" width=\"100%\" role=\"img\" aria-labelledby=\"").append(id).append("-title ").append(id)
                    .append("-desc\" font-family=\"system-ui, sans-serif\" font-size=\"11\" fill=\"")
                    .append(TEXT).append("\">");
            out.append("<title id=\"").append(id).append("-title\">").append(Html.escape(title)).append("</title>");
            out.append("<desc id=\"").append(id).append("-desc\">").append(Html.escape(desc)).append("</desc>");
        }

        void heading(String text) {
            out.append("<text x=\"").append(n(LEFT)).append("\" y=\"14\" font-size=\"12\" font-weight=\"600\">")
                    .append(Html.escape(text)).append("</text>");
        }

        void legend(List<Legend> entries) {
            double x = RIGHT;
            for (Legend entry : entries.reversed()) {
                double textWidth = entry.label().length() * 6.2;
                x -= textWidth;
                out.append("<text x=\"").append(n(x)).append("\" y=\"14\">").append(Html.escape(entry.label())).append("</text>");
                x -= 14;
                if (entry.dashed()) {
                    out.append("<line x1=\"").append(n(x)).append("\" y1=\"10\" x2=\"").append(n(x + 10))
                            .append("\" y2=\"10\" stroke=\"").append(entry.color()).append("\" stroke-width=\"2\" stroke-dasharray=\"3 2\"/>");
                } else {
                    out.append("<rect x=\"").append(n(x)).append("\" y=\"5\" width=\"10\" height=\"10\" fill=\"")
                            .append(entry.color()).append("\"/>");
                }
                x -= 10;
            }
        }

        void gridLine(double y, String color, String label) {
            out.append("<line x1=\"").append(n(LEFT)).append("\" y1=\"").append(n(y)).append("\" x2=\"").append(n(RIGHT))
                    .append("\" y2=\"").append(n(y)).append("\" stroke=\"").append(color).append("\" stroke-width=\"1\"/>");
            out.append("<text x=\"").append(n(LEFT - 4)).append("\" y=\"").append(n(y + 4)).append("\" text-anchor=\"end\">")
                    .append(Html.escape(label)).append("</text>");
        }

        void xLabels(List<KpiReport.Day> points, Grain grain) {
            if (points.isEmpty()) {
                return;
            }
            out.append("<text x=\"").append(n(LEFT)).append("\" y=\"").append(n(HEIGHT - 6)).append("\">")
                    .append(Html.escape(axisLabel(points.getFirst(), grain))).append("</text>");
            if (points.size() > 1) {
                out.append("<text x=\"").append(n(RIGHT)).append("\" y=\"").append(n(HEIGHT - 6)).append("\" text-anchor=\"end\">")
                        .append(Html.escape(axisLabel(points.getLast(), grain))).append("</text>");
            }
        }

        double x(int i, int count) {
            return LEFT + (i + 0.5) * (RIGHT - LEFT) / Math.max(1, count);
        }

        /** A polyline broken where a value is missing, with a dot and a tooltip on every point. */
        void line(List<Double> values, Scale y, String color, Function<Integer, String> tip) {
            StringBuilder d = new StringBuilder();
            boolean pen = false;
            for (int i = 0; i < values.size(); i++) {
                Double v = values.get(i);
                if (v == null) {
                    pen = false;
                    continue;
                }
                d.append(pen ? " L" : (d.isEmpty() ? "M" : " M")).append(n(x(i, values.size()))).append(' ').append(n(y.at(v)));
                pen = true;
            }
            if (!d.isEmpty()) {
                out.append("<path d=\"").append(d).append("\" fill=\"none\" stroke=\"").append(color)
                        .append("\" stroke-width=\"2\" stroke-linejoin=\"round\" stroke-linecap=\"round\"/>");
            }
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i) != null) {
                    out.append("<circle cx=\"").append(n(x(i, values.size()))).append("\" cy=\"").append(n(y.at(values.get(i))))
                            .append("\" r=\"2.5\" fill=\"").append(color).append("\"><title>").append(Html.escape(tip.apply(i)))
                            .append("</title></circle>");
                }
            }
        }

        void bar(double x, double width, double top, double bottom, String color, String tip) {
            if (bottom - top <= 0) {
                return;
            }
            out.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(top)).append("\" width=\"").append(n(width))
                    .append("\" height=\"").append(n(bottom - top)).append("\" fill=\"").append(color).append("\"><title>")
                    .append(Html.escape(tip)).append("</title></rect>");
        }

        void goalLine(double y, String color, String tip) {
            out.append("<line class=\"goal\" x1=\"").append(n(LEFT)).append("\" y1=\"").append(n(y)).append("\" x2=\"")
                    .append(n(RIGHT)).append("\" y2=\"").append(n(y)).append("\" stroke=\"").append(color)
                    .append("\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"><title>").append(Html.escape(tip))
                    .append("</title></line>");
        }

        void empty(String message) {
            out.append("<text x=\"").append(n((LEFT + RIGHT) / 2)).append("\" y=\"").append(n((TOP + BOTTOM) / 2))
                    .append("\" text-anchor=\"middle\">").append(Html.escape(message)).append("</text>");
        }

        String end() {
            return out.append("</svg>").toString();
        }
    }
}
