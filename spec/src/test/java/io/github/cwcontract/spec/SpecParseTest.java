package io.github.cwcontract.spec;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The contract parses cleanly as OpenAPI 3.0.3 and is packaged unchanged. */
class SpecParseTest {

    @Test
    void parsesWithoutMessages() {
        Contract contract = Contract.get();
        assertNotNull(contract.api, () -> "not parsed: " + contract.parseResult.getMessages());
        assertTrue(contract.parseResult.getMessages() == null || contract.parseResult.getMessages().isEmpty(),
                () -> "Swagger Parser reports for " + contract.path + ":\n  "
                        + String.join("\n  ", contract.parseResult.getMessages()));
    }

    @Test
    void isOpenApi303() {
        Contract contract = Contract.get();
        assertEquals("3.0.3", contract.raw.path("openapi").asText(), "the openapi field as written");
        assertNotNull(contract.api);
        assertEquals("3.0.3", contract.api.getOpenapi());
    }

    @Test
    void hasOperationsAndSchemas() {
        Contract contract = Contract.get();
        assertNotNull(contract.api.getPaths(), "paths");
        assertTrue(!contract.api.getPaths().isEmpty(), "no paths");
        assertNotNull(contract.api.getComponents(), "components");
        assertNotNull(contract.api.getComponents().getSchemas(), "components/schemas");
    }

    @Test
    void classpathResourceIsTheContractByteForByte() throws IOException {
        byte[] file = Files.readAllBytes(Contract.specPath());
        try (InputStream in = SpecParseTest.class.getClassLoader().getResourceAsStream(Contract.RESOURCE)) {
            assertNotNull(in, "classpath resource " + Contract.RESOURCE + " missing");
            assertArrayEquals(file, in.readAllBytes(), "packaged spec differs from " + Contract.specPath());
        }
    }
}
