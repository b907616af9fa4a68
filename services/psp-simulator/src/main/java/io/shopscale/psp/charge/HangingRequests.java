package io.shopscale.psp.charge;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * Requests held open on purpose (charges that "time out"). Each costs a socket and a {@link DeferredResult}, no
 * thread. On shutdown they are answered at once: otherwise graceful shutdown would wait for each to run out.
 */
@Component
class HangingRequests implements SmartLifecycle {

    private final Map<DeferredResult<ResponseEntity<byte[]>>, Supplier<ResponseEntity<byte[]>>> held =
            new ConcurrentHashMap<>();
    /** Set once stopping: requests that arrive after that are not held. */
    private volatile boolean stopped;

    void hold(DeferredResult<ResponseEntity<byte[]>> request, Supplier<ResponseEntity<byte[]>> release) {
        held.put(request, release);
        request.onCompletion(() -> held.remove(request));
        if (stopped) {
            releaseAll();
        }
    }

    int size() {
        return held.size();
    }

    /** Holding works from the first request on; there is nothing to start. */
    @Override
    public void start() {
        stopped = false;
    }

    /** Runs before the web server's graceful shutdown (the default phase is the highest, so it stops first). */
    @Override
    public void stop() {
        stopped = true;
        releaseAll();
    }

    @Override
    public boolean isRunning() {
        return !stopped;
    }

    private void releaseAll() {
        held.forEach((request, release) -> request.setResult(release.get()));
        held.clear();
    }
}
