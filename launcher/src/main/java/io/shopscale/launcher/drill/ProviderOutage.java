package io.shopscale.launcher.drill;

/** The payment provider simulator refuses every connection to its charge API, as {@code psp --outage} makes it. */
public final class ProviderOutage implements Fault {

    private final ProviderAdmin admin;

    public ProviderOutage(ProviderAdmin admin) {
        this.admin = admin;
    }

    @Override
    public String name() {
        return "psp-outage";
    }

    @Override
    public String what() {
        return "the payment provider simulator refused every connection to its charge API (./shopscale psp --outage, "
                + "then --no-outage)";
    }

    @Override
    public void inject() {
        admin.change(ProviderAdmin.changes().put("outage", true));
    }

    @Override
    public void heal() {
        admin.change(ProviderAdmin.changes().put("outage", false));
    }
}
