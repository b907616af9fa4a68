package io.shopscale.loadtest.blackfriday.verdict;

/** One objective's outcome, as the report shows it; {@code note} says why there is no value, or qualifies it. */
public record ObjectiveResult(String name, String limit, String measured, boolean passed, String note) {
}
