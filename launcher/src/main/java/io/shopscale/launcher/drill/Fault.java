package io.shopscale.launcher.drill;

/**
 * Something a drill breaks on purpose and repairs again. {@link #inject()} returns once the fault has taken effect
 * and {@link #heal()} once it is undone, so the time between them is how long the platform had to live with it.
 */
public interface Fault {

    /** As the command names it: {@code pg-outage}, {@code kill orders}. */
    String name();

    /** How it is injected and healed, in a sentence. */
    String what();

    void inject() throws Exception;

    void heal() throws Exception;
}
