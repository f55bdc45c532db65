package io.closedloop.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Immutable copies that keep null elements and order. Rule records are bound from admin JSON before they are
 * validated: a null element must survive binding so that validation can name it ({@code conditions[1]: required})
 * instead of failing inside a constructor.
 */
final class Copies {

    private Copies() {}

    static <T> List<T> list(List<T> items) {
        if (items == null || items.isEmpty()) {
            return List.of();
        }
        return Collections.unmodifiableList(new ArrayList<>(items));
    }

    static <T> Set<T> set(Collection<T> items) {
        if (items == null || items.isEmpty()) {
            return Set.of();
        }
        return Collections.unmodifiableSet(new LinkedHashSet<>(items));
    }

    static <K, V> Map<K, V> map(Map<K, V> entries) {
        if (entries == null || entries.isEmpty()) {
            return Map.of();
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }
}
