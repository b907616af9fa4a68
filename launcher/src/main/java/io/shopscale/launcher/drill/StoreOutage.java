package io.shopscale.launcher.drill;

/**
 * Redis or the Kafka broker stopped inside the running stores process and started again there, on the same port and
 * with its data: a real outage of the server, with the process (and PostgreSQL beside it) left running.
 */
public final class StoreOutage implements Fault {

    private final String store;

    private final StoresRequests requests;

    private StoreOutage(String store, StoresRequests requests) {
        this.store = store;
        this.requests = requests;
    }

    public static StoreOutage kafka(StoresRequests requests) {
        return new StoreOutage("kafka", requests);
    }

    public static StoreOutage redis(StoresRequests requests) {
        return new StoreOutage("redis", requests);
    }

    @Override
    public String name() {
        return store + "-outage";
    }

    @Override
    public String what() {
        return store.equals("kafka")
                ? "the Kafka broker shut down inside the stores process (its ports closed), then started again there "
                        + "with its log directory"
                : "the Redis server stopped (its port closed), then started again with the same command line and "
                        + "data directory";
    }

    @Override
    public void inject() throws Exception {
        requests.send(store, "stop");
    }

    @Override
    public void heal() throws Exception {
        requests.send(store, "start");
    }
}
