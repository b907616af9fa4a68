package io.shopscale.launcher.drill;

import java.nio.file.Path;

/** PostgreSQL stopped with {@code pg_ctl stop -m fast} on the platform's data directory and started again. */
public final class PostgresOutage implements Fault {

    private final PgCtl pgCtl;

    private final Path dataDirectory;

    public PostgresOutage(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
        this.pgCtl = new PgCtl(dataDirectory);
    }

    @Override
    public String name() {
        return "pg-outage";
    }

    @Override
    public String what() {
        return "PostgreSQL stopped with pg_ctl stop -m fast on " + dataDirectory
                + " (every session ended), then started again with pg_ctl start and the same options";
    }

    @Override
    public void inject() throws Exception {
        if (!pgCtl.running()) {
            throw new IllegalStateException("no PostgreSQL runs on " + dataDirectory);
        }
        pgCtl.stop();
    }

    @Override
    public void heal() throws Exception {
        pgCtl.start();
    }
}
