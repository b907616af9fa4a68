package io.shopscale.loadtest.blackfriday;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;

import io.shopscale.loadtest.account.Accounts;
import io.shopscale.loadtest.account.Shopper;
import io.shopscale.loadtest.blackfriday.audit.AuditException;
import io.shopscale.loadtest.blackfriday.audit.Baseline;
import io.shopscale.loadtest.blackfriday.audit.Drain;
import io.shopscale.loadtest.blackfriday.audit.GroundTruth;
import io.shopscale.loadtest.blackfriday.audit.JdbcGroundTruth;
import io.shopscale.loadtest.blackfriday.audit.PspChargeLedger;
import io.shopscale.loadtest.blackfriday.capacity.CpuMeter;
import io.shopscale.loadtest.blackfriday.drill.DrillRun;
import io.shopscale.loadtest.blackfriday.report.BenchConsole;
import io.shopscale.loadtest.blackfriday.report.BenchHtml;
import io.shopscale.loadtest.blackfriday.report.BenchReport;
import io.shopscale.loadtest.blackfriday.setup.CatalogLoader;
import io.shopscale.loadtest.blackfriday.setup.HotStock;
import io.shopscale.loadtest.blackfriday.traffic.EverySecond;
import io.shopscale.loadtest.blackfriday.traffic.LoadObserver;
import io.shopscale.loadtest.blackfriday.traffic.ShopClient;
import io.shopscale.loadtest.blackfriday.traffic.Traffic;
import io.shopscale.loadtest.blackfriday.workload.Arrivals;
import io.shopscale.loadtest.blackfriday.workload.Catalog;
import io.shopscale.loadtest.blackfriday.workload.Profile;
import io.shopscale.loadtest.blackfriday.workload.RateCurve;
import io.shopscale.loadtest.blackfriday.workload.Shopping;
import io.shopscale.loadtest.cli.DurationText;
import io.shopscale.loadtest.report.JsonReport;
import io.shopscale.loadtest.report.Numbers;

/**
 * One benchmark, start to end: check the database is readable, load the products, reset the hot SKUs' stock,
 * register the shoppers, snapshot the stock, run the load, let the orders settle, audit, and report. Anything that
 * stops the bench before the load is reported in one line with exit code {@value #CANNOT_RUN}.
 */
final class Bench {

    static final int CANNOT_RUN = 4;
    /** Listing pages of 100 products to browse: enough variety, cheap to load. */
    private static final int CATALOG_PAGES = 10;
    private static final int PARALLEL_REGISTRATIONS = 4;
    private static final int PARALLEL_CHARGE_LOOKUPS = 16;

    /** A drill has waited for the whole backlog already; the audit's own wait only confirms it. */
    private static final Duration DRAIN_AFTER_DRILL = Duration.ofSeconds(5);

    private final BenchSettings settings;
    private final DrillFiles drillFiles;
    private final PrintWriter out;
    private final PrintWriter err;

    Bench(BenchSettings settings, PrintWriter out, PrintWriter err) {
        this(settings, null, out, err);
    }

    /** @param drillFiles the drill's timeline and started file, or null for a plain bench */
    Bench(BenchSettings settings, DrillFiles drillFiles, PrintWriter out, PrintWriter err) {
        this.settings = settings;
        this.drillFiles = drillFiles;
        this.out = out;
        this.err = err;
    }

    int run() throws InterruptedException, IOException {
        Profile profile = settings.profile();
        String timestamp = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        try (JdbcGroundTruth truth = JdbcGroundTruth.connect(settings.postgresUrl(), settings.postgresUser(),
                settings.postgresPassword());
             HttpClient client = HttpClient.newBuilder()
                     .version(HttpClient.Version.HTTP_1_1)
                     .followRedirects(HttpClient.Redirect.NEVER)
                     .connectTimeout(settings.timeout())
                     .executor(Executors.newVirtualThreadPerTaskExecutor())
                     .build();
             DrillRun drill = drillFiles == null ? null : new DrillRun(drillFiles.timeline(), drillFiles.started(),
                     settings.postgresUrl(), settings.postgresUser(), settings.postgresPassword())) {
            Accounts accounts = new Accounts(client, settings.gateway(), settings.timeout());
            Prepared prepared = prepare(client, accounts, truth, profile);
            SplittableRandom seed = new SplittableRandom(settings.seed());
            RateCurve curve = new RateCurve(profile);
            Arrivals arrivals = new Arrivals(curve, settings.arrivals(), seed.split());
            Shopping shopping = new Shopping(prepared.catalog(), prepared.shoppers().size(), settings.resendShare(),
                    seed.split());
            say("load: %s, %s at base rate %s/s, %d shoppers; progress every 2 s", profile.name(),
                    DurationText.format(profile.duration()), Numbers.trim(profile.baseRate()),
                    prepared.shoppers().size());
            GroundTruth audited = drill == null ? truth : drill.groundTruth();
            AuditRun audit = new AuditRun(audited, settings.psp() == null ? null
                    : new PspChargeLedger(client, settings.psp(), settings.timeout(), PARALLEL_CHARGE_LOOKUPS),
                    prepared, settings.hotSkus(), settings.allow5xx(), err);
            Drain drain = new Drain(audited, drill == null ? profile.drainTimeout() : DRAIN_AFTER_DRILL,
                    Thread::sleep, System::nanoTime, err);
            List<String> userIds = prepared.shoppers().stream().map(Shopper::subject).toList();
            CpuMeter cpu = settings.capacityRun() && !settings.processes().isEmpty()
                    ? CpuMeter.of(settings.processes()) : null;
            if (cpu != null) {
                say("CPU per request: reading /proc/PID/stat of %s each second", String.join(", ",
                        settings.processes().stream().map(p -> p.name() + " (" + p.pid() + ")").toList()));
            }
            else if (settings.capacityRun()) {
                say("CPU per request: not measured (no --process NAME=PID given)");
            }
            Traffic.Result result = new Traffic(new ShopClient(client, settings.gateway(), settings.timeout()),
                    prepared.shoppers(), accounts, settings.maxInFlight(), settings.timeout(),
                    cpu == null ? EverySecond.NONE : cpu, err)
                    .run(curve, arrivals, shopping, drill == null ? LoadObserver.NONE : drill.observer(), orders -> {
                        if (drill != null) {
                            drill.settle(userIds, orders, profile.drainTimeout(), err);
                        }
                        audit.settle(drain, orders);
                    });
            BenchReport report = new ReportAssembly(settings, timestamp, prepared, curve).assemble(result,
                    audit.judge(result), cpu == null ? null : cpu.use());
            if (drill != null) {
                err.println();
                err.flush();
                return drill.finish(report, settings.out(), out);
            }
            write(report);
            return report.verdict().exitCode();
        }
        catch (AuditException | SetupException ex) {
            err.println("error: the bench cannot run: " + ex.getMessage());
            err.flush();
            return CANNOT_RUN;
        }
    }

    private Prepared prepare(HttpClient client, Accounts accounts, JdbcGroundTruth truth, Profile profile)
            throws InterruptedException, AuditException, SetupException {
        long started = System.nanoTime();
        Catalog catalog = step("loading products from " + settings.gateway(), () -> new CatalogLoader(client,
                settings.gateway(), settings.timeout()).load(CATALOG_PAGES, profile.hasFlashSale()
                ? settings.hotSkus() : List.of()));
        boolean reset = false;
        if (profile.hasFlashSale() && settings.adminPassword() != null) {
            step("resetting the hot SKUs to " + settings.flashStock() + " units each", () -> {
                new HotStock(client, settings.gateway(), settings.timeout(), accounts).reset(settings.adminEmail(),
                        settings.adminPassword(), settings.hotSkus(), settings.flashStock());
                return null;
            });
            reset = true;
        }
        else if (profile.hasFlashSale()) {
            say("warning: no --admin-password (or SHOPSCALE_ADMIN_PASSWORD): the hot SKUs keep their current stock");
        }
        String runId = Long.toString(System.currentTimeMillis(), 36);
        List<Shopper> shoppers = step("registering " + profile.users() + " shoppers",
                () -> accounts.register(profile.users(), runId, PARALLEL_REGISTRATIONS));
        if (accounts.rateLimited() > 0) {
            say("registration met %d answers 429 (rate limited) and waited %ds in total", accounts.rateLimited(),
                    accounts.waited().toSeconds());
        }
        if (accounts.unavailable() > 0) {
            say("registration met %d answers 502/503/504 and asked again", accounts.unavailable());
        }
        // After the reset: the reset changes the hot SKUs' totals, the run must not. Its clock opens the run's window.
        Baseline before = truth.baseline();
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Prepared(catalog, shoppers, before, new BenchReport.Setup(shoppers.size(), round(seconds),
                accounts.rateLimited(), accounts.waited().toMillis() / 1000.0, catalog.regular().size(),
                profile.hasFlashSale() ? settings.hotSkus() : List.of(), reset));
    }

    private void write(BenchReport report) throws IOException {
        Files.createDirectories(settings.out());
        JsonReport.write(report, settings.out().resolve("report.json"));
        Files.writeString(settings.out().resolve("report.html"), BenchHtml.render(report));
        err.println();
        err.flush();
        out.print(BenchConsole.render(report));
        out.println("report: " + settings.out().resolve("report.html") + " (json beside it)");
        out.flush();
    }

    private <T> T step(String what, SetupStep<T> step) throws SetupException, InterruptedException {
        say("%s …", what);
        try {
            return step.run();
        }
        catch (IOException | RuntimeException ex) {
            String reason = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
            throw new SetupException(what + ": " + reason, ex);
        }
    }

    private void say(String format, Object... args) {
        err.println(String.format(Locale.ROOT, format, args));
        err.flush();
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    @FunctionalInterface
    private interface SetupStep<T> {

        T run() throws IOException, InterruptedException;
    }

    /** A step before the load failed; the bench stops without sending load. */
    static final class SetupException extends Exception {

        SetupException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * A drill's files: the fault's timeline, read during and after the load, and where the load's start is written.
     */
    record DrillFiles(Path timeline, Path started) {
    }

    /** What the load starts from. */
    record Prepared(Catalog catalog, List<Shopper> shoppers, Baseline before, BenchReport.Setup setup) {
    }
}
