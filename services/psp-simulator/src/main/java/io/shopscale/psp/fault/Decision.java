package io.shopscale.psp.fault;

import java.time.Duration;

/**
 * The fate of one charge request, drawn from the settings in force when it arrived.
 *
 * @param delay when to answer (and, for a charge that times out, when to make the charge)
 * @param hang how long a {@link Outcome#TIMED_OUT} request is then held open
 * @param declineCode the provider's reason when {@link Outcome#DECLINED}, otherwise null
 */
public record Decision(Outcome outcome, Duration delay, Duration hang, String declineCode) {
}
