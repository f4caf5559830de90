package io.github.cwcontract.stub.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriBuilder;

import java.net.URI;

/**
 * How Rails routes {@code /public/api/v1}: the routes default to the json format, so {@code Accept} is ignored, and
 * every route ends in an optional {@code (.:format)} suffix, so a trailing {@code .json} is dropped while any other
 * dot in a path segment makes the route not match (404): a source_id containing {@code .} cannot be used in a path.
 */
@PreMatching
public final class RequestConventions implements ContainerRequestFilter {
    private static final String API_PREFIX = "/public/api/v1/";

    @Override
    public void filter(ContainerRequestContext request) {
        request.getHeaders().remove(HttpHeaders.ACCEPT);
        URI uri = request.getUriInfo().getRequestUri();
        String path = uri.getRawPath();
        if (path == null || !path.startsWith(API_PREFIX)) {
            return;
        }
        if (path.endsWith(".json")) {
            path = path.substring(0, path.length() - ".json".length());
            request.setRequestUri(UriBuilder.fromUri(uri).replacePath(path).build());
        }
        if (path.substring(API_PREFIX.length()).contains(".") || path.toLowerCase().contains("%2e")) {
            request.abortWith(ApiErrors.notFoundResponse());
        }
    }
}
