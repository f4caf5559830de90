package io.github.cwcontract.stub.csat;

import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads a {@code conversation_uuid} path parameter that is not a uuid as null rather than failing the request:
 * the survey page answers 200 for any id (it shows the error itself), and the CSAT API then answers the unknown
 * survey with 404, as Rails does after casting such a value to a nil uuid.
 */
public final class LenientUuidConverter implements ParamConverterProvider {
    private static final Pattern UUID_TEXT = Pattern.compile(
            "\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}");

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType != UUID.class) {
            return null;
        }
        return (ParamConverter<T>) new ParamConverter<UUID>() {
            @Override
            public UUID fromString(String value) {
                return value != null && UUID_TEXT.matcher(value).matches() ? UUID.fromString(value) : null;
            }

            @Override
            public String toString(UUID value) {
                return value.toString();
            }
        };
    }
}
