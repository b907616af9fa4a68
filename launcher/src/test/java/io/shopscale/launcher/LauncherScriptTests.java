package io.shopscale.launcher;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code shopscale} script's choice of JDK and its one-time build, run by bash against fake JDKs whose
 * {@code java} prints how it was called instead of running anything.
 */
class LauncherScriptTests {

    private static final Path SCRIPT = Path.of("").toAbsolutePath().getParent().resolve("shopscale");

    @TempDir
    Path dir;

    private Path home;

    private Path jvms;

    private Path bin;

    @BeforeEach
    void createRepositoryAndJdks() throws IOException {
        home = Files.createDirectories(dir.resolve("repo"));
        Files.copy(SCRIPT, home.resolve("shopscale"));
        Files.createDirectories(home.resolve("scripts"));
        Files.copy(SCRIPT.resolveSibling("scripts/find-jdk.sh"), home.resolve("scripts/find-jdk.sh"));
        touch(home.resolve("launcher/target/launcher-0.1.0-SNAPSHOT-exec.jar"));
        jvms = Files.createDirectories(dir.resolve("jvm"));
        bin = Files.createDirectories(dir.resolve("bin"));
        fakeJdk(jvms.resolve("java-17-openjdk"), "17.0.15");
        fakeJdk(jvms.resolve("temurin-21-jdk"), "21.0.7");
        fakeJdk(jvms.resolve("temurin-25-jdk"), "25.0.3");
    }

    @Test
    void javaHomeWinsWhenItIsNewEnough() throws Exception {
        Result result = run(Map.of("JAVA_HOME", jvms.resolve("temurin-21-jdk").toString()), "status");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("java 21 ")
                .contains("-Dshopscale.home=" + home.toRealPath(),
                        "-Dshopscale.java=" + jvms.resolve("temurin-21-jdk/bin/java"),
                        "-jar " + home.toRealPath() + "/launcher/target/launcher-0.1.0-SNAPSHOT-exec.jar status");
    }

    @Test
    void anOldJavaHomeGivesWayToTheNewestInstalledJdk() throws Exception {
        Result result = run(Map.of("JAVA_HOME", jvms.resolve("java-17-openjdk").toString()), "status");

        assertThat(result.out()).startsWith("java 25 ");
    }

    @Test
    void javaOnThePathIsTheLastResort() throws Exception {
        deleteJdk("temurin-21-jdk");
        deleteJdk("temurin-25-jdk");
        fakeJdk(dir.resolve("path-jdk"), "22.0.1");
        Files.createSymbolicLink(bin.resolve("java"), dir.resolve("path-jdk/bin/java"));

        assertThat(run(Map.of(), "status").out()).startsWith("java 22 ");
    }

    @Test
    void withoutAnyNewEnoughJdkItSaysWhatIsMissingAndHowToInstallIt() throws Exception {
        deleteJdk("temurin-21-jdk");
        deleteJdk("temurin-25-jdk");
        Files.createSymbolicLink(bin.resolve("java"), jvms.resolve("java-17-openjdk/bin/java"));

        Result result = run(Map.of("JAVA_HOME", jvms.resolve("java-17-openjdk").toString()), "up");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("shopscale needs a JDK 21 or newer and found none:",
                "JAVA_HOME=" + jvms.resolve("java-17-openjdk") + " is Java 17",
                jvms + " has only Java 17",
                "java on the PATH (" + bin.resolve("java") + ") is Java 17",
                "apt-get install openjdk-21-jdk", "Temurin");
    }

    @Test
    void missingPlatformJarsAreBuiltOnceWithTheChosenJdk() throws Exception {
        Path mvnw = home.resolve("mvnw");
        Files.writeString(mvnw, """
                #!/bin/bash
                echo "mvnw $* with JAVA_HOME=$JAVA_HOME" >> "$(dirname "$0")/mvnw.calls"
                for jar in launcher/target/launcher-0.1.0-SNAPSHOT-exec.jar \\
                           platform/stores/target/stores-0.1.0-SNAPSHOT-exec.jar \\
                           platform/compact/target/compact-0.1.0-SNAPSHOT.jar \\
                           services/catalog/target/catalog-0.1.0-SNAPSHOT-exec.jar; do
                  mkdir -p "$(dirname "$jar")" && touch "$jar"
                done
                """);
        executable(mvnw);
        touch(home.resolve("services/catalog/pom.xml"));

        Result first = run(Map.of("JAVA_HOME", jvms.resolve("temurin-25-jdk").toString()), "up", "-d");
        Result second = run(Map.of("JAVA_HOME", jvms.resolve("temurin-25-jdk").toString()), "up", "-d");

        assertThat(first.err()).contains("building the platform once");
        assertThat(first.out()).startsWith("java 25 ").endsWith("up -d\n");
        assertThat(second.err()).doesNotContain("building");
        assertThat(Files.readAllLines(home.resolve("mvnw.calls")))
                .containsExactly("mvnw -q -DskipTests package with JAVA_HOME=" + jvms.resolve("temurin-25-jdk"));
    }

    @Test
    void testRunsTheWholeBuildWithTheChosenJdk() throws Exception {
        Path mvnw = home.resolve("mvnw");
        Files.writeString(mvnw, """
                #!/bin/bash
                echo "mvnw $* with JAVA_HOME=$JAVA_HOME" >> "$(dirname "$0")/mvnw.calls"
                """);
        executable(mvnw);

        Result test = run(Map.of("JAVA_HOME", jvms.resolve("java-17-openjdk").toString()), "test", "-o");

        assertThat(test.exitCode()).isZero();
        assertThat(Files.readAllLines(home.resolve("mvnw.calls")))
                .containsExactly("mvnw verify -o with JAVA_HOME=" + jvms.resolve("temurin-25-jdk"));
    }

    @Test
    void sourcesNewerThanTheJarsAreRebuilt() throws Exception {
        Path mvnw = home.resolve("mvnw");
        Files.writeString(mvnw, """
                #!/bin/bash
                echo "mvnw $*" >> "$(dirname "$0")/mvnw.calls"
                """);
        executable(mvnw);
        touch(home.resolve("services/catalog/pom.xml"));
        Path source = home.resolve("services/catalog/src/main/java/Catalog.java");
        touch(source);
        for (String jar : List.of("launcher/target/launcher-0.1.0-SNAPSHOT-exec.jar",
                "platform/stores/target/stores-0.1.0-SNAPSHOT-exec.jar",
                "platform/compact/target/compact-0.1.0-SNAPSHOT.jar",
                "services/catalog/target/catalog-0.1.0-SNAPSHOT-exec.jar")) {
            touch(home.resolve(jar));
        }
        Files.setLastModifiedTime(home.resolve("services/catalog/pom.xml"), FileTime.fromMillis(0));
        Files.setLastModifiedTime(source, FileTime.fromMillis(System.currentTimeMillis() + 60_000));

        Result up = run(Map.of("JAVA_HOME", jvms.resolve("temurin-25-jdk").toString()), "up", "-d");

        assertThat(up.err()).contains("sources changed since the last build", "Catalog.java");
        assertThat(Files.readAllLines(home.resolve("mvnw.calls"))).containsExactly("mvnw -q -DskipTests package");
    }

    @Test
    void statusNeverWaitsForABuildAndSkipBuildNeverBuilds() throws Exception {
        touch(home.resolve("services/catalog/pom.xml"));

        assertThat(run(Map.of(), "status").err()).doesNotContain("building");
        Result up = run(Map.of("SHOPSCALE_SKIP_BUILD", "1"), "up");
        assertThat(up.exitCode()).isEqualTo(1);
        assertThat(up.err()).contains("missing platform/stores/target/stores-*-exec.jar",
                "services/catalog/target/catalog-*-exec.jar", "SHOPSCALE_SKIP_BUILD=1");
    }

    record Result(int exitCode, String out, String err) {
    }

    private Result run(Map<String, String> env, String... args) throws Exception {
        var command = new ArrayList<>(List.of("bash", home.resolve("shopscale").toString()));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("out").toFile())
                .redirectError(dir.resolve("err").toFile());
        Map<String, String> environment = builder.environment();
        environment.clear();
        var base = new HashMap<String, String>();
        base.put("PATH", bin + ":/usr/bin:/bin");
        base.put("SHOPSCALE_JVM_ROOT", jvms.toString());
        base.put("HOME", dir.toString());
        base.putAll(env);
        environment.putAll(base);
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), Files.readString(dir.resolve("out")), Files.readString(dir.resolve("err")));
    }

    /** A JDK whose java prints "java <feature> <arguments>"; the script reads the version from its release file. */
    private static void fakeJdk(Path jdk, String version) throws IOException {
        Files.createDirectories(jdk.resolve("bin"));
        Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
        Path java = jdk.resolve("bin/java");
        Files.writeString(java, "#!/bin/sh\necho \"java " + version.split("\\.")[0] + " $*\"\n");
        executable(java);
    }

    private void deleteJdk(String name) throws IOException {
        Path jdk = jvms.resolve(name);
        Files.delete(jdk.resolve("bin/java"));
        Files.delete(jdk.resolve("bin"));
        Files.delete(jdk.resolve("release"));
        Files.delete(jdk);
    }

    private static void touch(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "");
    }

    private static void executable(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
