package io.shopscale.stores;

/**
 * A store server that this process started (or an external one it was pointed at). Closing it stops the server
 * when this process owns it and does nothing for an external one.
 */
public interface RunningStore extends AutoCloseable {

    /** Where clients connect: a JDBC URL, a redis:// URL or a Kafka bootstrap list. */
    String connectionString();

    /** True when this process started the server and will stop it on close. */
    boolean embedded();

    @Override
    void close();
}
