package io.github.cwcontract.stub.contact;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** The "haiku" names Chatwoot gives contacts created without a name, e.g. {@code silent-moon-271}. */
final class Names {
    private static final List<String> ADJECTIVES = List.of("silent", "autumn", "hidden", "bitter", "misty",
            "quiet", "wandering", "restless", "ancient", "patient", "crimson", "frosty", "gentle", "lively");
    private static final List<String> NOUNS = List.of("moon", "river", "meadow", "leaf", "breeze", "dawn",
            "forest", "snowflake", "pond", "sunset", "wave", "cloud", "firefly", "glade");

    private Names() {
    }

    static String haiku() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return ADJECTIVES.get(random.nextInt(ADJECTIVES.size())) + "-" + NOUNS.get(random.nextInt(NOUNS.size()))
                + "-" + random.nextInt(1, 1000);
    }
}
