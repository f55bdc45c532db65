package io.closedloop.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.closedloop.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** The jars the harness runs, and what each deployment artifact weighs. */
final class Artifacts {

    static final List<String> FUNCTIONS = List.of("ingest", "processor", "web", "api", "sla", "console");
    private static final String VERSION = "0.1.0-SNAPSHOT";

    private final Path root;

    Artifacts(Path root) {
        this.root = root;
    }

    Path functionJar(String function) {
        return existing(root.resolve("functions/" + function + "/target/" + function + "-" + VERSION + "-lambda.jar"));
    }

    Path floorJar() {
        return existing(root.resolve("bench/floor/target/bench-floor-" + VERSION + "-lambda.jar"));
    }

    Path runnerJar() {
        return existing(root.resolve("bench/floor/target/bench-floor-" + VERSION + ".jar"));
    }

    Path baselineJar() {
        return existing(root.resolve("bench/baseline/target/bench-baseline-" + VERSION + "-lambda.jar"));
    }

    Path baselineBenchJar() {
        return existing(root.resolve("bench/baseline/target/bench-baseline-" + VERSION + "-bench.jar"));
    }

    Path localJar() {
        return existing(root.resolve("local/target/closedloop-local.jar"));
    }

    ObjectNode describe() throws IOException {
        ObjectNode all = Json.object();
        for (String function : FUNCTIONS) {
            Path jar = root.resolve("functions/" + function + "/target/" + function + "-" + VERSION + "-lambda.jar");
            if (Files.exists(jar)) {
                all.set(function, describe(jar));
            }
        }
        all.set("baseline-ingest", describe(baselineJar()));
        all.set("floor", describe(floorJar()));
        return all;
    }

    private ObjectNode describe(Path jar) throws IOException {
        ObjectNode node = Json.object();
        node.put("path", root.relativize(jar).toString());
        node.put("bytes", Files.size(jar));
        long unpacked = 0;
        int classes = 0;
        int files = 0;
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (entry.isDirectory()) {
                    continue;
                }
                files++;
                unpacked += entry.getSize();
                if (entry.getName().endsWith(".class")) {
                    classes++;
                }
            }
        }
        node.put("unpackedBytes", unpacked);
        node.put("files", files);
        node.put("classes", classes);
        return node;
    }

    private static Path existing(Path jar) {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: bench/run builds it (./mvnw -pl bench/harness -am package)");
        }
        return jar;
    }
}
