package io.github.cwcontract.stub.http;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;

/**
 * Chatwoot's rack-cors rule for {@code /public/api/*}: any origin, any header, any method, so that a browser page
 * served elsewhere can call the stub.
 */
@PreMatching
public final class Cors implements ContainerRequestFilter, ContainerResponseFilter {
    private static final String METHODS = "GET, POST, PUT, PATCH, DELETE, OPTIONS, HEAD";

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getMethod().equals(HttpMethod.OPTIONS) && applies(request)
                && request.getHeaderString("Access-Control-Request-Method") != null) {
            Response.ResponseBuilder preflight = Response.ok()
                    .header("Access-Control-Allow-Methods", METHODS)
                    .header("Access-Control-Max-Age", "7200");
            String headers = request.getHeaderString("Access-Control-Request-Headers");
            if (headers != null) {
                preflight.header("Access-Control-Allow-Headers", headers);
            }
            request.abortWith(preflight.build());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (applies(request)) {
            response.getHeaders().putSingle("Access-Control-Allow-Origin", "*");
            response.getHeaders().add("Vary", "Origin");
        }
    }

    private static boolean applies(ContainerRequestContext request) {
        return request.getHeaderString("Origin") != null
                && request.getUriInfo().getRequestUri().getRawPath().startsWith("/public/api/");
    }
}
