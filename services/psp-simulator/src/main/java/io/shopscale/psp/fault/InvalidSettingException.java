package io.shopscale.psp.fault;

/** A failure knob set to a value it cannot take; names the setting so the admin API can say which. */
public class InvalidSettingException extends IllegalArgumentException {

    private final String setting;

    public InvalidSettingException(String setting, String message) {
        super(message);
        this.setting = setting;
    }

    public String setting() {
        return setting;
    }
}
