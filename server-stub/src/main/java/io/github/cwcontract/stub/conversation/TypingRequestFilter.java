package io.github.cwcontract.stub.conversation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.cwcontract.stub.http.ApiErrors;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * toggle_typing only fails on a body Rails cannot parse (400): Chatwoot acts on {@code "on"} and {@code "off"} and
 * ignores anything else. So before matching, the body is replaced by {@code {"typing_status":"on"|"off"}} when it
 * says so, and by nothing otherwise (another content type, other values), which the generated method then receives
 * as "no typing_status".
 */
@PreMatching
public final class TypingRequestFilter implements ContainerRequestFilter {
    private final ObjectMapper mapper;

    public TypingRequestFilter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        if (!request.getMethod().equals(HttpMethod.POST) || !request.getUriInfo().getPath().endsWith("/toggle_typing")
                || !request.hasEntity()) {
            return;
        }
        String status;
        try {
            status = typingStatus(request);
        } catch (JsonProcessingException malformed) {
            request.abortWith(ApiErrors.badRequestResponse());
            return;
        }
        request.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
        if (status != null) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
        byte[] body = status == null ? new byte[0]
                : mapper.writeValueAsString(Map.of("typing_status", status)).getBytes(StandardCharsets.UTF_8);
        request.setEntityStream(new ByteArrayInputStream(body));
    }

    private String typingStatus(ContainerRequestContext request) throws IOException {
        byte[] body = request.getEntityStream().readAllBytes();
        MediaType type = request.getMediaType();
        if (type == null || !type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            return null;
        }
        JsonNode root = mapper.readTree(body);
        JsonNode status = root == null ? null : root.get("typing_status");
        if (status == null) {
            return null;
        }
        return status.isTextual() && (status.asText().equals("on") || status.asText().equals("off"))
                ? status.asText() : null;
    }
}
