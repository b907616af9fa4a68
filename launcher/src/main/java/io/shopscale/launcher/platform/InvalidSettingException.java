package io.shopscale.launcher.platform;

/** A setting from the environment or the command line that the platform cannot run with. */
public final class InvalidSettingException extends RuntimeException {

    public InvalidSettingException(String message) {
        super(message);
    }
}
