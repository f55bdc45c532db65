package io.closedloop.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.closedloop.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the figures were measured on. */
final class Machine {

    private Machine() {}

    static ObjectNode describe() {
        ObjectNode machine = Json.object();
        machine.put("cpus", Runtime.getRuntime().availableProcessors());
        machine.put("cpuModel", firstValue(Path.of("/proc/cpuinfo"), "model name"));
        String memory = firstValue(Path.of("/proc/meminfo"), "MemTotal");
        machine.put("memory", memory);
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        machine.put("jdk", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        return machine;
    }

    private static String firstValue(Path file, String key) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(key)) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            return "unknown";
        }
        return "unknown";
    }
}
