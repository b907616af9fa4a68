package io.shopscale.loadtest.blackfriday.drill;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.shopscale.loadtest.blackfriday.audit.OrderRecord;

/**
 * What the answers say about a fault, judged on the wall clock of its timeline: the answers in each window (lead-in,
 * fault, tail, after the load), the first checkout accepted after healing, and the longest stretch of the load
 * without one. Pure, so it is tested with made-up answers.
 */
final class Recovery {

    static final String LEAD_IN = "lead-in";
    static final String FAULT = "fault";
    static final String TAIL = "tail";
    static final String LOAD = "load";
    static final String AFTER_LOAD = "after the load";

    private Recovery() {
    }

    /** The windows of the timeline with what ended in each; an answer at a boundary belongs to the later window. */
    static List<DrillReport.Window> windows(List<Answer> answers, FaultTimeline timeline, Instant loadStart,
                                             Instant loadEnd) {
        List<Instant> bounds = new ArrayList<>();
        List<String> names = new ArrayList<>();
        bounds.add(loadStart);
        if (timeline.injected()) {
            names.add(LEAD_IN);
            bounds.add(timeline.injectedAt());
            names.add(FAULT);
            if (timeline.healed()) {
                bounds.add(timeline.healedAt());
                names.add(TAIL);
            }
        }
        else {
            names.add(LOAD);
        }
        bounds.add(loadEnd);
        names.add(AFTER_LOAD);
        bounds.add(null);
        List<DrillReport.Window> windows = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            Instant from = bounds.get(i);
            Instant to = bounds.get(i + 1);
            boolean first = i == 0;
            List<Answer> inside = answers.stream()
                    .filter(answer -> first || !answer.at().isBefore(from))
                    .filter(answer -> to == null || answer.at().isBefore(to))
                    .toList();
            List<Answer> checkouts = inside.stream().filter(Answer::isCheckout).toList();
            windows.add(new DrillReport.Window(names.get(i), from, to, inside.size(), outcomes(inside),
                    checkouts.size(), outcomes(checkouts)));
        }
        return windows;
    }

    static DrillReport.Recovery recovery(List<Answer> answers, FaultTimeline timeline, Instant loadStart,
                                         Instant loadEnd) {
        List<Instant> accepted = answers.stream().filter(Answer::acceptedCheckout).map(Answer::at)
                .sorted().toList();
        Instant firstAfter = !timeline.healed() ? null : accepted.stream()
                .filter(at -> !at.isBefore(timeline.healedAt())).findFirst().orElse(null);
        long duringFault = !timeline.injected() ? 0 : accepted.stream()
                .filter(at -> !at.isBefore(timeline.injectedAt()))
                .filter(at -> !timeline.healed() || at.isBefore(timeline.healedAt()))
                .count();
        Instant gapFrom = loadStart;
        Instant gapTo = loadStart;
        Instant previous = loadStart;
        List<Instant> marks = new ArrayList<>(accepted.stream()
                .filter(at -> at.isAfter(loadStart) && at.isBefore(loadEnd)).toList());
        marks.add(loadEnd);
        for (Instant mark : marks) {
            if (Duration.between(previous, mark).compareTo(Duration.between(gapFrom, gapTo)) > 0) {
                gapFrom = previous;
                gapTo = mark;
            }
            previous = mark;
        }
        return new DrillReport.Recovery(firstAfter == null ? null : seconds(timeline.healedAt(), firstAfter),
                firstAfter, seconds(gapFrom, gapTo), gapFrom, gapTo, duringFault);
    }

    /**
     * The orders the fault held over: placed before healing and final only after it (or not at all), and when the
     * last of them became final, from the database's {@code placed_at} and {@code updated_at}.
     */
    static HeldOver heldOver(List<OrderRecord> orders, Instant healedAt) {
        if (healedAt == null) {
            return new HeldOver(0, 0, null);
        }
        long count = 0;
        long notFinal = 0;
        Instant last = healedAt;
        for (OrderRecord order : orders) {
            if (!order.placedAt().isBefore(healedAt)) {
                continue;
            }
            if (!order.isFinal()) {
                count++;
                notFinal++;
            }
            else if (order.updatedAt().isAfter(healedAt)) {
                count++;
                last = order.updatedAt().isAfter(last) ? order.updatedAt() : last;
            }
        }
        return new HeldOver(count, notFinal, notFinal > 0 ? null : seconds(healedAt, last));
    }

    /** See {@link DrillReport.Drain}. */
    record HeldOver(long orders, long notFinal, Double lastFinalAfterHealing) {
    }

    /** Outcomes by name, counted, in a stable order: status codes first, then failures. */
    static Map<String, Long> outcomes(List<Answer> answers) {
        Map<String, Long> counts = new TreeMap<>(Comparator.comparing((String outcome) -> !outcome.matches("\\d+"))
                .thenComparing(Comparator.naturalOrder()));
        answers.forEach(answer -> counts.merge(answer.outcome(), 1L, Long::sum));
        return counts;
    }

    static double seconds(Instant from, Instant to) {
        return Math.round(Duration.between(from, to).toMillis() / 100.0) / 10.0;
    }
}
