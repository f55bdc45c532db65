package io.closedloop.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the repository root (the folder holding template.yaml), from wherever a test or tool runs. */
public final class Project {

    private Project() {}

    public static Path root() {
        String configured = System.getProperty("closedloop.root");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("template.yaml")) && Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("cannot find the repository root (template.yaml) above " + Path.of("").toAbsolutePath());
    }

    public static Path template() {
        return root().resolve("template.yaml");
    }
}
