package io.github.cwcontract.stub.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * Rails' response conventions: nothing answers 204 ({@code head :ok} is a 200 with an empty body that still says
 * application/json), and text responses carry {@code charset=utf-8}.
 */
public final class ResponseConventions implements ContainerResponseFilter {
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() == 204) {
            response.setStatus(200);
            response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, ApiErrors.JSON_UTF8);
            return;
        }
        MediaType type = response.getMediaType();
        if (type != null && (type.isCompatible(MediaType.APPLICATION_JSON_TYPE) || type.isCompatible(MediaType.TEXT_HTML_TYPE))
                && !(response.getEntity() instanceof byte[])) {
            response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE,
                    type.getType() + "/" + type.getSubtype() + "; charset=utf-8");
        }
    }
}
