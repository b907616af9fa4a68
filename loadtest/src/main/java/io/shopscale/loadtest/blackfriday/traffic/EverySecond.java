package io.shopscale.loadtest.blackfriday.traffic;

/**
 * Runs beside the run's once-a-second sample on the sampler's thread: {@link #start} just before the first second,
 * then {@link #second} as each one ends, named by the phase the samples name it by ("settling" after the load).
 */
public interface EverySecond {

    /** Does nothing. */
    EverySecond NONE = new EverySecond() {
        @Override
        public void start() {
        }

        @Override
        public void second(int second, String phase) {
        }
    };

    void start();

    /** Second {@code second} (from 0) of the run has ended; it belonged to {@code phase}. */
    void second(int second, String phase);
}
