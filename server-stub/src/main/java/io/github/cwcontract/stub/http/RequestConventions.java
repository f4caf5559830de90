package io.github.cwcontract.stub.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriBuilder;

import java.io.InputStream;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * How Rails routes {@code /public/api/v1}: the routes default to the json format, so {@code Accept} is ignored, and
 * every route ends in an optional {@code (.:format)} suffix, so a trailing {@code .json} is dropped while any other
 * dot in a path segment makes the route not match (404): a source_id containing {@code .} cannot be used in a path.
 * There are no OPTIONS routes either (CORS preflights are answered by {@link Cors}). And Rails reads no parameters
 * from a body without a Content-Type, so such a request is passed on as an empty JSON request, which also makes
 * Jersey choose the JSON method where an operation takes JSON or multipart.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION) // before the other filters, which read the Content-Type it repairs
public final class RequestConventions implements ContainerRequestFilter {
    private static final String API_PREFIX = "/public/api/v1/";
    private static final Set<String> BODY_METHODS = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    @Override
    public void filter(ContainerRequestContext request) {
        request.getHeaders().remove(HttpHeaders.ACCEPT);
        String contentType = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (contentType != null && !concrete(contentType)) {
            // Jersey would fail on an unparsable or wildcard type with a 500: with a body it is a type no operation
            // takes (422), otherwise it is ignored like the body
            if (BODY_METHODS.contains(request.getMethod())) {
                request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_OCTET_STREAM);
            } else {
                request.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
            }
        }
        if (request.getMediaType() == null && BODY_METHODS.contains(request.getMethod())) {
            request.getHeaders().remove(HttpHeaders.CONTENT_LENGTH);
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
            request.setEntityStream(InputStream.nullInputStream());
        }
        if (request.getMethod().equals(HttpMethod.OPTIONS)
                && request.getHeaderString("Access-Control-Request-Method") == null) {
            request.abortWith(ApiErrors.notFoundResponse());
            return;
        }
        URI uri = request.getUriInfo().getRequestUri();
        String path = uri.getRawPath();
        if (path == null || !path.startsWith(API_PREFIX)) {
            return;
        }
        if (path.endsWith(".json")) {
            path = path.substring(0, path.length() - ".json".length());
            request.setRequestUri(UriBuilder.fromUri(uri).replacePath(path).build());
        }
        if (path.substring(API_PREFIX.length()).contains(".") || path.toLowerCase(Locale.ROOT).contains("%2e")) {
            request.abortWith(ApiErrors.notFoundResponse());
        }
    }

    private static boolean concrete(String contentType) {
        try {
            MediaType type = MediaType.valueOf(contentType);
            return !type.isWildcardType() && !type.isWildcardSubtype();
        } catch (IllegalArgumentException unparsable) {
            return false;
        }
    }
}
