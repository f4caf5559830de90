package io.github.cwcontract.stub;

import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** Serves the contract the stub implements and its rendered docs, as packaged by the spec module. */
@Path("/")
@Singleton
public final class ContractResource {
    static final String SPEC_RESOURCE = "chatwoot-public-api/openapi.yaml";
    static final String DOCS_RESOURCE = "chatwoot-public-api/docs.html";
    /** The spec module renders the docs only when the npm tools are installed (npm ci), as CI does. */
    private static final byte[] DOCS_MISSING = ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Docs not built"
            + "</title></head><body><p>The rendered docs were not built into this server: run <code>npm ci</code>"
            + " and then <code>./mvnw install</code>. The contract itself is at <a href=\"/openapi.yaml\">"
            + "/openapi.yaml</a>.</p></body></html>").getBytes(StandardCharsets.UTF_8);

    private final byte[] spec = Objects.requireNonNull(load(SPEC_RESOURCE), SPEC_RESOURCE + " is not on the classpath");

    @GET
    @Path("openapi.yaml")
    public Response openapi() {
        return Response.ok(spec, "application/yaml; charset=utf-8").build();
    }

    @GET
    @Path("docs")
    public Response docs() {
        // read per request: the page is ~2.5 MB and rarely opened, so it stays out of start-up and of the heap
        byte[] docs = load(DOCS_RESOURCE);
        return docs != null
                ? Response.ok(docs, "text/html; charset=utf-8").build()
                : Response.status(404).entity(DOCS_MISSING).type("text/html; charset=utf-8").build();
    }

    private static byte[] load(String resource) {
        try (InputStream in = ContractResource.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
