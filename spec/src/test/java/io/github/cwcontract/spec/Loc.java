package io.github.cwcontract.spec;

import java.util.ArrayList;
import java.util.List;

/** A location in the document: JSON pointer segments. */
record Loc(List<String> segments) {
    static Loc root() {
        return new Loc(List.of());
    }

    Loc child(String segment) {
        List<String> next = new ArrayList<>(segments);
        next.add(segment);
        return new Loc(List.copyOf(next));
    }

    Loc child(int index) {
        return child(Integer.toString(index));
    }

    String pointer() {
        StringBuilder sb = new StringBuilder();
        for (String s : segments) {
            sb.append('/').append(s.replace("~", "~0").replace("/", "~1"));
        }
        return sb.toString();
    }

    String display() {
        return String.join(" > ", segments);
    }
}
