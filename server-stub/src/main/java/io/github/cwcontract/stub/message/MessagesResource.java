package io.github.cwcontract.stub.message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cwcontract.stub.http.ApiErrors;
import io.github.cwcontract.stub.model.Message;
import io.github.cwcontract.stub.model.MessageCreateRequest;
import io.github.cwcontract.stub.model.MessageUpdateRequest;
import io.github.cwcontract.stub.store.AttachmentRow;
import io.github.cwcontract.stub.store.ContactInboxRow;
import io.github.cwcontract.stub.store.ConversationRow;
import io.github.cwcontract.stub.store.MessageRow;
import io.github.cwcontract.stub.store.Store;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.glassfish.jersey.media.multipart.FormDataBodyPart;
import org.glassfish.jersey.media.multipart.FormDataMultiPart;

import java.util.List;

/**
 * The messages of a conversation.
 *
 * <p>This class does not implement the generated {@code MessagesApi}: its {@code createMessage} binds a single
 * {@code InputStream} from {@code @FormParam}s, which can take neither several {@code attachments[]} parts nor a
 * JSON body, and a class implementing the interface inherits that POST method, which would clash with the JSON and
 * multipart methods below ("ambiguous resource method"). The paths, parameters and bodies are the contract's (the
 * generated models are used), and the tests validate every exchange with this class against openapi.yaml.
 */
@Path("/public/api/v1/inboxes/{inbox_identifier}/contacts/{contact_identifier}/conversations/{conversation_id}/messages")
@Produces(MediaType.APPLICATION_JSON)
@Singleton
public final class MessagesResource {
    private static final int PAGE_SIZE = 20;
    private static final int CONTENT_LIMIT = 150_000;

    private final Store store;
    private final ObjectMapper mapper;
    @Context
    private UriInfo uriInfo;

    @Inject
    public MessagesResource(Store store, ObjectMapper mapper) {
        this.store = store;
        this.mapper = mapper;
    }

    /** Chatwoot's MessageFinder: the latest 20, or the 20 before the message id {@code before}, oldest first. */
    @GET
    public List<Message> listMessages(@PathParam("inbox_identifier") String inboxIdentifier,
                                      @PathParam("contact_identifier") String contactIdentifier,
                                      @PathParam("conversation_id") Integer conversationId,
                                      @QueryParam("before") Integer before) {
        return store.locked(() -> conversation(inboxIdentifier, contactIdentifier, conversationId)
                .page(before, PAGE_SIZE).stream()
                .map(m -> MessageViews.message(m, uriInfo.getBaseUri()))
                .toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Message createMessage(@PathParam("inbox_identifier") String inboxIdentifier,
                                 @PathParam("contact_identifier") String contactIdentifier,
                                 @PathParam("conversation_id") Integer conversationId,
                                 JsonNode body) throws JsonProcessingException {
        // Chatwoot iterates any attachments value that is not blank? as uploaded files and fails on it
        // (NoMethodError); JsonNode.isEmpty() is true for every scalar, so blankness is spelled out
        JsonNode attachments = body == null ? null : body.get("attachments");
        if (attachments != null && !railsBlank(attachments)) {
            throw ApiErrors.internalError();
        }
        MessageCreateRequest request = body == null || body.isNull()
                ? new MessageCreateRequest() : mapper.treeToValue(body, MessageCreateRequest.class);
        return create(inboxIdentifier, contactIdentifier, conversationId, request.getContent(), List.of());
    }

    /** The multipart form: {@code content}, {@code echo_id} and any number of {@code attachments[]} files. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Message createMessageWithAttachments(@PathParam("inbox_identifier") String inboxIdentifier,
                                                @PathParam("contact_identifier") String contactIdentifier,
                                                @PathParam("conversation_id") Integer conversationId,
                                                FormDataMultiPart form) {
        List<FormDataBodyPart> contents = form.getFields("content");
        String content = contents == null || contents.isEmpty() ? null : contents.get(contents.size() - 1).getValue();
        List<FormDataBodyPart> files = form.getFields("attachments[]");
        List<AttachmentRow.Upload> uploads = files == null ? List.of() : files.stream().map(Uploads::read).toList();
        return create(inboxIdentifier, contactIdentifier, conversationId, content, uploads);
    }

    @PATCH
    @Path("{message_id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Message updateMessage(@PathParam("inbox_identifier") String inboxIdentifier,
                                 @PathParam("contact_identifier") String contactIdentifier,
                                 @PathParam("conversation_id") Integer conversationId,
                                 @PathParam("message_id") Integer messageId,
                                 MessageUpdateRequest body) {
        return store.locked(() -> {
            MessageRow message = conversation(inboxIdentifier, contactIdentifier, conversationId)
                    .message(messageId).orElseThrow(ApiErrors::notFound);
            SubmittedValues.refuseIfCsatLocked(store, message);
            if (body != null && body.getSubmittedValues() != null) {
                SubmittedValues.apply(store, message, body.getSubmittedValues());
            }
            return MessageViews.message(message, uriInfo.getBaseUri());
        });
    }

    @PUT
    @Path("{message_id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Message updateMessageViaPut(@PathParam("inbox_identifier") String inboxIdentifier,
                                       @PathParam("contact_identifier") String contactIdentifier,
                                       @PathParam("conversation_id") Integer conversationId,
                                       @PathParam("message_id") Integer messageId,
                                       MessageUpdateRequest body) {
        return updateMessage(inboxIdentifier, contactIdentifier, conversationId, messageId, body);
    }

    /** Ruby's blank?: nil, false, whitespace-only strings and empty arrays and hashes. */
    private static boolean railsBlank(JsonNode value) {
        return value.isNull() || value.isBoolean() && !value.booleanValue()
                || value.isTextual() && value.textValue().isBlank() || value.isContainerNode() && value.isEmpty();
    }

    private Message create(String inboxIdentifier, String contactIdentifier, int conversationId, String content,
                           List<AttachmentRow.Upload> uploads) {
        return store.locked(() -> {
            ContactInboxRow session = store.session(inboxIdentifier, contactIdentifier)
                    .orElseThrow(ApiErrors::notFound);
            ConversationRow conversation = store.conversationInScope(session, conversationId)
                    .orElseThrow(ApiErrors::notFound);
            if (content != null && content.codePointCount(0, content.length()) > CONTENT_LIMIT) {
                throw ApiErrors.invalid("Content is too long (maximum is " + CONTENT_LIMIT + " characters)",
                        List.of("content"));
            }
            if (store.messageLimitReached(conversation)) {
                throw ApiErrors.invalid("Too many messages", List.of("base"));
            }
            MessageRow message = store.addMessage(conversation, MessageRow.INCOMING, "text", content,
                    session.contact, uploads);
            // a contact's message reopens a resolved or snoozed conversation
            if (conversation.status.equals("resolved") || conversation.status.equals("snoozed")) {
                conversation.status = "open";
            }
            session.contact.lastActivityAt = message.createdAt;
            session.contact.updatedAt = message.createdAt;
            return MessageViews.message(message, uriInfo.getBaseUri());
        });
    }

    private ConversationRow conversation(String inboxIdentifier, String contactIdentifier, int conversationId) {
        return store.session(inboxIdentifier, contactIdentifier)
                .flatMap(session -> store.conversationInScope(session, conversationId))
                .orElseThrow(ApiErrors::notFound);
    }
}
