package io.shopscale.loadtest.blackfriday.traffic;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import io.shopscale.loadtest.account.AccessToken;
import io.shopscale.loadtest.account.Accounts;
import io.shopscale.loadtest.account.Shopper;

/**
 * The shoppers' tokens during the run. A shopper whose token is about to expire, or was refused, logs in again
 * before the request goes out; the login is recorded as its own endpoint, and its time is part of the request's
 * latency too, because that shopper waited for it.
 */
final class Sessions {

    private final List<Shopper> shoppers;
    private final Accounts accounts;
    private final Measurements measurements;
    // Locks rather than synchronized: a virtual thread blocked on I/O inside synchronized pins its carrier on JDK 21.
    private final ReentrantLock[] renewing;

    Sessions(List<Shopper> shoppers, Accounts accounts, Measurements measurements) {
        this.shoppers = List.copyOf(shoppers);
        this.accounts = accounts;
        this.measurements = measurements;
        this.renewing = new ReentrantLock[shoppers.size()];
        for (int i = 0; i < renewing.length; i++) {
            renewing[i] = new ReentrantLock();
        }
    }

    Shopper shopper(int index) {
        return shoppers.get(index);
    }

    /** A usable token for the shopper, logging in again first if needed; null if that login failed. */
    AccessToken token(int index) {
        Shopper shopper = shoppers.get(index);
        if (!shopper.needsLogin(Instant.now())) {
            return shopper.token();
        }
        ReentrantLock lock = renewing[index];
        lock.lock();
        try {
            if (shopper.needsLogin(Instant.now())) {
                long started = System.nanoTime();
                String outcome = "200";
                try {
                    accounts.renew(shopper);
                }
                catch (IOException | RuntimeException ex) {
                    outcome = "failed";
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    outcome = "failed";
                }
                measurements.record(Endpoint.LOGIN, outcome, System.nanoTime() - started);
            }
            return shopper.token();
        }
        finally {
            lock.unlock();
        }
    }

    /** The gateway refused the token: the next request of this shopper logs in first. */
    void refused(int index, AccessToken token) {
        shoppers.get(index).rejected(token);
    }
}
