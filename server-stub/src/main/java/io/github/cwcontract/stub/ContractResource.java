package io.github.cwcontract.stub;

import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/** Serves the contract the stub implements, as packaged by the spec module. */
@Path("/openapi.yaml")
@Singleton
public final class ContractResource {
    static final String SPEC_RESOURCE = "chatwoot-public-api/openapi.yaml";
    private final byte[] spec = load();

    @GET
    public Response openapi() {
        return Response.ok(spec, "application/yaml; charset=utf-8").build();
    }

    private static byte[] load() {
        try (InputStream in = ContractResource.class.getClassLoader().getResourceAsStream(SPEC_RESOURCE)) {
            return Objects.requireNonNull(in, SPEC_RESOURCE + " is not on the classpath").readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
