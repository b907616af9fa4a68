package io.shopscale.gateway.problem;

/** The status a failure will be answered with, for those that account for answers before they are written. */
public final class FailureStatus {

	private FailureStatus() {
	}

	public static int of(Throwable error) {
		return Failure.of(error).status().value();
	}

}
