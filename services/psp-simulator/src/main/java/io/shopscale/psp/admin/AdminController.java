package io.shopscale.psp.admin;

import io.shopscale.platform.web.InvalidParameterException;
import io.shopscale.psp.charge.Charges;
import io.shopscale.psp.fault.FaultSettings;
import io.shopscale.psp.fault.Faults;
import io.shopscale.psp.fault.InvalidSettingException;
import io.shopscale.psp.idempotency.IdempotencyKeys;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The failure knobs, live, on the management port, for whoever holds the admin token ({@link AdminAuthentication}):
 * the ledger it can wipe is the ground truth the benchmark's audit trusts. It guards nothing but simulated charges;
 * never deploy it where real clients or real money are.
 */
@RestController
@RequestMapping("/admin")
class AdminController {

    private final Faults faults;
    private final Charges charges;
    private final IdempotencyKeys keys;

    AdminController(Faults faults, Charges charges, IdempotencyKeys keys) {
        this.faults = faults;
        this.charges = charges;
        this.keys = keys;
    }

    @GetMapping("/settings")
    SettingsView settings() {
        return SettingsView.of(faults.settings());
    }

    /** Replaces all settings: those left out take their defaults (a well-behaved provider). */
    @PutMapping("/settings")
    SettingsView replace(@RequestBody Map<String, Object> settings) {
        return change(FaultSettings.DEFAULTS, settings);
    }

    /** Changes the settings named, keeps the others. */
    @PatchMapping("/settings")
    SettingsView patch(@RequestBody Map<String, Object> changes) {
        return change(faults.settings(), changes);
    }

    /** Back to the start-up configuration (shopscale.psp.*). */
    @DeleteMapping("/settings")
    SettingsView reset() {
        return SettingsView.of(faults.reset());
    }

    /** Forgets every charge and idempotency key, e.g. between load-test runs. */
    @DeleteMapping("/charges")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void forgetCharges() {
        keys.forgetAll();
        charges.forgetAll();
    }

    private SettingsView change(FaultSettings base, Map<String, Object> changes) {
        FaultSettings next;
        try {
            next = SettingsChange.apply(base, changes);
        } catch (InvalidSettingException e) {
            throw new InvalidParameterException(e.setting(), e.getMessage());
        }
        return SettingsView.of(faults.change(next));
    }
}
