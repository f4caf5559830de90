package io.github.cwcontract.stub.http;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.github.cwcontract.stub.model.Attachment;
import io.github.cwcontract.stub.model.Contact;
import io.github.cwcontract.stub.model.ContactSender;
import io.github.cwcontract.stub.model.ContactSession;
import io.github.cwcontract.stub.model.CsatSurvey;
import io.github.cwcontract.stub.model.CsatSurveyCsatSurveyResponse;
import io.github.cwcontract.stub.model.FileAttachment;
import io.github.cwcontract.stub.model.Message;
import io.github.cwcontract.stub.model.Sender;
import io.github.cwcontract.stub.model.WorkingHours;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The ObjectMapper that writes the generated models the way Chatwoot renders them and reads requests strictly.
 *
 * <p>The generated models cannot tell an optional key (absent when unset) from a nullable required one (written as
 * {@code null}) because they are generated with openApiNullable=false. So the default is to omit nulls, and the
 * mix-ins below restate, from openapi.yaml, which keys are required-but-nullable and must be written as null.
 * Keys come out required-first (Jackson's creator order), which is Chatwoot's render order except where a mix-in
 * gives the order explicitly.
 */
public final class ContractJson {
    /** Rails renders times as ISO-8601 UTC with exactly three fraction digits. */
    private static final DateTimeFormatter RAILS_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");

    private ContractJson() {
    }

    public static ObjectMapper mapper() {
        SimpleModule chatwoot = new SimpleModule("chatwoot-rendering");
        chatwoot.addSerializer(OffsetDateTime.class, new StdSerializer<>(OffsetDateTime.class) {
            @Override
            public void serialize(OffsetDateTime value, JsonGenerator gen, SerializerProvider provider)
                    throws IOException {
                gen.writeString(RAILS_TIME.format(value.withOffsetSameInstant(ZoneOffset.UTC)));
            }
        });
        // The generated enum writes its value through toString(), i.e. as a JSON string; the contract says integer.
        chatwoot.addSerializer(Message.MessageTypeEnum.class, new StdSerializer<>(Message.MessageTypeEnum.class) {
            @Override
            public void serialize(Message.MessageTypeEnum value, JsonGenerator gen, SerializerProvider provider)
                    throws IOException {
                gen.writeNumber(value.value());
            }
        });

        ObjectMapper mapper = JsonMapper.builder()
                .addModule(chatwoot)
                // null values inside free-form objects (custom_attributes etc.) are data and stay
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                        JsonInclude.Include.ALWAYS))
                // "content": 5 or "name": true are type errors (422), not silently converted
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                // clients send keys the server ignores (additional_attributes, message_type, ...)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .addMixIn(ContactSession.class, ContactSessionKeys.class)
                .addMixIn(Contact.class, ContactKeys.class)
                .addMixIn(WorkingHours.class, WorkingHoursKeys.class)
                .addMixIn(Message.class, MessageKeys.class)
                .addMixIn(Sender.class, UnionKeys.class)
                .addMixIn(Attachment.class, UnionKeys.class)
                .addMixIn(ContactSender.class, ContactSenderKeys.class)
                .addMixIn(FileAttachment.class, FileAttachmentKeys.class)
                .addMixIn(CsatSurvey.class, CsatSurveyKeys.class)
                .addMixIn(CsatSurveyCsatSurveyResponse.class, CsatSurveyCsatSurveyResponseKeys.class)
                .build();
        // ALLOW_COERCION_OF_SCALARS leaves strings out: numbers and booleans are not strings either
        for (CoercionInputShape shape : List.of(CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean)) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        mapper.getFactory().setCharacterEscapes(new RailsEscapes());
        return mapper;
    }

    abstract static class ContactSessionKeys {
        @JsonInclude(JsonInclude.Include.ALWAYS)
        abstract String getEmail();

        @JsonInclude(JsonInclude.Include.ALWAYS)
        abstract String getPhoneNumber();
    }

    abstract static class ContactKeys {
        @JsonInclude(JsonInclude.Include.ALWAYS)
        abstract String getEmail();

        @JsonInclude(JsonInclude.Include.ALWAYS)
        abstract String getPhoneNumber();

        @JsonInclude(JsonInclude.Include.ALWAYS)
        abstract String getIdentifier();

        @JsonInclude(JsonInclude.Include.ALWAYS)
        abstract OffsetDateTime getLastActivityAt();

        @JsonInclude(JsonInclude.Include.ALWAYS)
        abstract String getLocation();

        @JsonInclude(JsonInclude.Include.ALWAYS)
        abstract String getCountryCode();

        /** Optional in the contract (4.7.0+); Chatwoot 4.15 writes it, as null without a company. */
        @JsonInclude(JsonInclude.Include.ALWAYS)
        abstract Integer getCompanyId();

        /** Only some 4.x builds send label_list; the release emulated here does not. */
        @JsonIgnore
        abstract List<String> getLabelList();
    }

    abstract static class WorkingHoursKeys {
        @JsonInclude(JsonInclude.Include.ALWAYS)
        abstract Integer getOpenHour();

        @JsonInclude(JsonInclude.Include.ALWAYS)
        abstract Integer getOpenMinutes();

        @JsonInclude(JsonInclude.Include.ALWAYS)
        abstract Integer getCloseHour();

        @JsonInclude(JsonInclude.Include.ALWAYS)
        abstract Integer getCloseMinutes();
    }

    abstract static class MessageKeys {
        @JsonInclude(JsonInclude.Include.ALWAYS)
        abstract String getContent();

        /** Absent, not empty, when the message has no attachments. */
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        abstract List<Attachment> getAttachments();
    }

    /** The oneOf unions are only ever written through a variant model (see MessageViews): no type id of their own. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NONE)
    abstract static class UnionKeys {
    }

    @JsonPropertyOrder({"additional_attributes", "custom_attributes", "email", "id", "identifier", "name",
            "phone_number", "thumbnail", "blocked", "company_id", "type"})
    abstract static class ContactSenderKeys {
        @JsonInclude(JsonInclude.Include.ALWAYS)
        abstract String getEmail();

        @JsonInclude(JsonInclude.Include.ALWAYS)
        abstract String getIdentifier();

        @JsonInclude(JsonInclude.Include.ALWAYS)
        abstract String getPhoneNumber();
    }

    /** Chatwoot writes these as null until the file is analysed (width, height) or when unknown. */
    @JsonPropertyOrder({"id", "message_id", "file_type", "account_id", "extension", "content_type", "data_url",
            "thumb_url", "file_size", "width", "height", "transcribed_text"})
    abstract static class FileAttachmentKeys {
        @JsonInclude(JsonInclude.Include.ALWAYS)
        abstract String getExtension();

        @JsonInclude(JsonInclude.Include.ALWAYS)
        abstract String getDataUrl();

        @JsonInclude(JsonInclude.Include.ALWAYS)
        abstract Integer getWidth();

        @JsonInclude(JsonInclude.Include.ALWAYS)
        abstract Integer getHeight();
    }

    @JsonPropertyOrder({"id", "csat_survey_response", "display_type", "content", "inbox_avatar_url", "inbox_name",
            "locale", "conversation_id", "created_at"})
    abstract static class CsatSurveyKeys {
        @JsonInclude(JsonInclude.Include.ALWAYS)
        abstract CsatSurveyCsatSurveyResponse getCsatSurveyResponse();

        @JsonInclude(JsonInclude.Include.ALWAYS)
        abstract String getContent();
    }

    abstract static class CsatSurveyCsatSurveyResponseKeys {
        @JsonInclude(JsonInclude.Include.ALWAYS)
        abstract String getFeedbackMessage();

        @JsonInclude(JsonInclude.Include.ALWAYS)
        abstract Integer getAssignedAgentId();

        @JsonInclude(JsonInclude.Include.ALWAYS)
        abstract String getCsatReviewNotes();

        @JsonInclude(JsonInclude.Include.ALWAYS)
        abstract OffsetDateTime getReviewNotesUpdatedAt();

        @JsonInclude(JsonInclude.Include.ALWAYS)
        abstract Integer getReviewNotesUpdatedById();
    }

    /** ActiveSupport's JSON encoder escapes HTML-sensitive characters and the JavaScript line separators. */
    private static final class RailsEscapes extends CharacterEscapes {
        private final int[] escapes;

        RailsEscapes() {
            escapes = standardAsciiEscapesForJSON();
            escapes['<'] = ESCAPE_CUSTOM;
            escapes['>'] = ESCAPE_CUSTOM;
            escapes['&'] = ESCAPE_CUSTOM;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            if (ch == '<' || ch == '>' || ch == '&' || ch == 0x2028 || ch == 0x2029) {
                return new SerializedString(String.format("\\u%04x", ch));
            }
            return null;
        }
    }
}
