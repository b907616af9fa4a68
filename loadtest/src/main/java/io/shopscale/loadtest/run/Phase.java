package io.shopscale.loadtest.run;

import java.util.ArrayList;
import java.util.List;

/** One slot of the run: a round number (from 1) and the index of the target measured in it. */
public record Phase(int round, int target) {

    /**
     * Rounds alternate direction, A B | B A | A B …, so that slow drift on the machine (heat, other
     * processes, a JIT still settling) lands on every target about equally.
     */
    public static List<Phase> interleaved(int targets, int rounds) {
        List<Phase> phases = new ArrayList<>(targets * rounds);
        for (int round = 1; round <= rounds; round++) {
            for (int i = 0; i < targets; i++) {
                phases.add(new Phase(round, round % 2 == 1 ? i : targets - 1 - i));
            }
        }
        return phases;
    }
}
