package io.closedloop.bench;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** An item's size as DynamoDB bills it: attribute names plus values (strings UTF-8, binaries raw, numbers approximated). */
final class ItemSize {

    private ItemSize() {}

    static long of(Map<String, AttributeValue> item) {
        long size = 0;
        for (var entry : item.entrySet()) {
            size += utf8(entry.getKey()) + value(entry.getValue());
        }
        return size;
    }

    private static long value(AttributeValue value) {
        if (value.s() != null) {
            return utf8(value.s());
        }
        if (value.n() != null) {
            return (value.n().replace("-", "").replace(".", "").length() + 1) / 2 + 1;
        }
        if (value.b() != null) {
            return value.b().asByteArray().length;
        }
        if (value.bool() != null || value.nul() != null) {
            return 1;
        }
        long size = 3;
        if (value.hasM()) {
            for (var entry : value.m().entrySet()) {
                size += utf8(entry.getKey()) + value(entry.getValue()) + 1;
            }
        }
        if (value.hasL()) {
            for (AttributeValue element : value.l()) {
                size += value(element) + 1;
            }
        }
        if (value.hasSs()) {
            size = value.ss().stream().mapToLong(ItemSize::utf8).sum();
        }
        return size;
    }

    private static long utf8(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }
}
