package io.shopscale.launcher.drill;

/**
 * Something a drill breaks on purpose and repairs again. {@link #inject()} returns once the fault has taken full effect
 * and {@link #heal()} once it is undone; the fault's window runs from the start of the one to the end of the other.
 */
public interface Fault {

    /** As the command names it: {@code pg-outage}, {@code kill orders}. */
    String name();

    /** How it is injected and healed, in a sentence. */
    String what();

    void inject() throws Exception;

    void heal() throws Exception;
}
