package io.github.cwcontract.stub.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Free-form JSON values (maps, lists, scalars) as Jackson reads them, copied so that no two owners share one. */
public final class JsonValues {
    private JsonValues() {
    }

    /** A deep copy: responses are serialized after the store lock is released, so they must not share state. */
    @SuppressWarnings("unchecked")
    public static <T> T copy(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), copy(v)));
            return (T) copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(copy(v)));
            return (T) copy;
        }
        return value;
    }

    /** Ruby's Hash#deep_merge: nested objects are merged key by key, anything else is replaced. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> deepMerge(Map<String, Object> base, Map<String, Object> changes) {
        Map<String, Object> merged = copy(base);
        changes.forEach((key, value) -> {
            Object current = merged.get(key);
            merged.put(key, current instanceof Map<?, ?> currentMap && value instanceof Map<?, ?> valueMap
                    ? deepMerge((Map<String, Object>) currentMap, (Map<String, Object>) valueMap)
                    : copy(value));
        });
        return merged;
    }
}
