package io.github.cwcontract.spec;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * A plain walk of the document as written, not of the parsed model, so that it sees what the parser drops or
 * rewrites. It never enters extensions ({@code x-}), {@code enum} or {@code default}: their values are data.
 */
final class DocumentWalk {

    /** What to do with one key of an object that is not a name map. */
    interface KeyVisitor {
        /** @return whether the walk goes on into {@code value} */
        boolean visit(String key, JsonNode value, Loc at);
    }

    /** Keys whose object value maps user-chosen names (so a key "example" in it is a name, not an example). */
    private static final Set<String> NAME_MAPS = Set.of("properties", "schemas", "parameters", "responses",
            "requestBodies", "headers", "securitySchemes", "links", "callbacks", "content", "encoding", "paths",
            "variables", "mapping");

    static void keys(JsonNode document, KeyVisitor visitor) {
        walk(document, Loc.root(), null, visitor);
    }

    private static void walk(JsonNode node, Loc loc, String parentKey, KeyVisitor visitor) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), loc.child(i), null, visitor);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        boolean nameMap = parentKey != null && NAME_MAPS.contains(parentKey);
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            Loc child = loc.child(key);
            if (nameMap) {
                walk(e.getValue(), child, null, visitor);
            } else if (!key.startsWith("x-") && !key.equals("enum") && !key.equals("default")
                    && visitor.visit(key, e.getValue(), child)) {
                walk(e.getValue(), child, key, visitor);
            }
        }
    }
}
