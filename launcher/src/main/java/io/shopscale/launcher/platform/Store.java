package io.shopscale.launcher.platform;

/** The data stores the stores process runs unless the user points the platform at external ones. */
public enum Store {

    POSTGRES("postgres", 15432, "SHOPSCALE_POSTGRES_URL"),
    REDIS("redis", 16379, "SHOPSCALE_REDIS_URL"),
    KAFKA("kafka", 19092, "SHOPSCALE_KAFKA_BOOTSTRAP");

    private final String label;

    private final int defaultPort;

    private final String externalVariable;

    Store(String label, int defaultPort, String externalVariable) {
        this.label = label;
        this.defaultPort = defaultPort;
        this.externalVariable = externalVariable;
    }

    public String label() {
        return label;
    }

    public int defaultPort() {
        return defaultPort;
    }

    public String portVariable() {
        return "SHOPSCALE_" + name() + "_PORT";
    }

    /** Set to use an external store: the stores process skips it and nobody waits for its port. */
    public String externalVariable() {
        return externalVariable;
    }

    String portArgument() {
        return "--" + label + "-port";
    }
}
