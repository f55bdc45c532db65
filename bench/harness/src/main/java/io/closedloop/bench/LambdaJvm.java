package io.closedloop.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM command lines of the Lambda {@code java25} managed runtime, for a function of 1024 MB. The runtime starts
 * {@code java -XX:MaxHeapSize=<85 % of memory> -XX:+UseSerialGC -Xshare:on -XX:SharedArchiveFile=<runtime CDS>
 * -XX:+TieredCompilation -XX:TieredStopAtLevel=1 --add-opens=java.base/java.io=ALL-UNNAMED
 * -Djava.net.preferIPv4Stack=true -XX:+ErrorFileToStderr ...}; from Java 25 on, a function with SnapStart (or
 * provisioned concurrency) keeps the JVM's default tiered compilation instead of stopping at level 1, because
 * compilation then happens outside the invocation path. Sources in docs/performance.md.
 */
public final class LambdaJvm {

    /** 85 % of 1024 MB, as the runtime computes MaxHeapSize. */
    public static final String HEAP = "-XX:MaxHeapSize=891290k";

    private LambdaJvm() {}

    /** An on-demand cold start (no snapshot): C1 only. */
    public static List<String> onDemandFlags() {
        List<String> flags = new ArrayList<>(common());
        flags.add(2, "-XX:+TieredCompilation");
        flags.add(3, "-XX:TieredStopAtLevel=1");
        return flags;
    }

    /** A function with SnapStart: the JVM's default tiered compilation. */
    public static List<String> snapStartFlags() {
        return common();
    }

    private static List<String> common() {
        return new ArrayList<>(List.of(HEAP, "-XX:+UseSerialGC", "-Xshare:auto", "--add-opens=java.base/java.io=ALL-UNNAMED",
                "-Djava.net.preferIPv4Stack=true", "-XX:+ErrorFileToStderr"));
    }

    public static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }
}
