package io.github.cwcontract.spec;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The rendered contract, {@code chatwoot-public-api/docs.html}, when the build made it (profile
 * {@code rendered-docs}, active when the npm tools are installed): one page that loads nothing from the network.
 * Whether it really renders is checked in a browser by {@code scripts/check-docs.mjs}.
 */
class RenderedDocsTest {

    static final String RESOURCE = "chatwoot-public-api/docs.html";

    @Test
    void isSelfContained() throws IOException {
        String html;
        try (InputStream in = RenderedDocsTest.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            assumeTrue(in != null, RESOURCE + " not built (no node_modules/.bin/redocly)");
            html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher external = Pattern.compile("<(script|link)\\b[^>]*\\b(src|href)=\"(https?:)?//[^\"]*\"").matcher(html);
        assertFalse(external.find(), () -> "loads from the network: " + external.group());
        assertTrue(html.contains("<title>" + Contract.get().api.getInfo().getTitle() + "</title>"), "title of the contract");
    }
}
