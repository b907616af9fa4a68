package io.shopscale.launcher.health;

import java.time.Duration;

/**
 * How much a starting instance has done so far: what it wrote to its log and the processor time it used. Either
 * growing is a sign of life, however slowly the machine lets it get ready.
 *
 * @param logBytes the size of its log file
 * @param cpu the processor time of the process and its descendants
 */
public record Work(long logBytes, Duration cpu) {
}
