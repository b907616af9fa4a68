package io.shopscale.launcher.health;

/** What a health probe saw. */
public enum Health {
    /** Answering and ready. */
    UP,
    /** Answering, but not ready (or only some of its ports answer). */
    DOWN,
    /** Nothing answers. */
    UNREACHABLE
}
