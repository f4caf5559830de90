package io.github.cwcontract.stub.csat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cwcontract.stub.model.CsatSurveyUpdateRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Reads a CSAT update like Jackson would, except that a body whose {@code message} is missing or not an object is
 * read as a request without {@code message} instead of failing to bind: Chatwoot answers that case with 500
 * (update!(nil)), which the resource reproduces, not with a validation error.
 */
@Consumes(MediaType.APPLICATION_JSON)
public final class CsatUpdateReader implements MessageBodyReader<CsatSurveyUpdateRequest> {
    private final ObjectMapper mapper;

    public CsatUpdateReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == CsatSurveyUpdateRequest.class;
    }

    @Override
    public CsatSurveyUpdateRequest readFrom(Class<CsatSurveyUpdateRequest> type, Type genericType,
                                            Annotation[] annotations, MediaType mediaType,
                                            MultivaluedMap<String, String> httpHeaders, InputStream entityStream)
            throws IOException {
        JsonNode body = mapper.readTree(entityStream);
        JsonNode message = body == null ? null : body.get("message");
        return message != null && message.isObject()
                ? mapper.treeToValue(body, CsatSurveyUpdateRequest.class)
                : new CsatSurveyUpdateRequest();
    }
}
