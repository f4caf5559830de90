package io.github.cwcontract.stub.conversation;

import io.github.cwcontract.stub.api.ConversationsApi;
import io.github.cwcontract.stub.csat.CsatSurveys;
import io.github.cwcontract.stub.http.ApiErrors;
import io.github.cwcontract.stub.model.Conversation;
import io.github.cwcontract.stub.model.ConversationCreateRequest;
import io.github.cwcontract.stub.model.TypingStatusRequest;
import io.github.cwcontract.stub.store.ContactInboxRow;
import io.github.cwcontract.stub.store.ConversationRow;
import io.github.cwcontract.stub.store.JsonValues;
import io.github.cwcontract.stub.store.Store;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

@Singleton
public final class ConversationsResource implements ConversationsApi {
    private static final int CUSTOM_STRING_LIMIT = 1500;
    private static final BigInteger CUSTOM_INTEGER_LIMIT = BigInteger.valueOf(9_999_999_999L);

    private final Store store;
    @Context
    private UriInfo uriInfo;

    @Inject
    public ConversationsResource(Store store) {
        this.store = store;
    }

    @Override
    public List<Conversation> listConversations(String inboxIdentifier, String contactIdentifier) {
        return store.locked(() -> store.conversationsInScope(session(inboxIdentifier, contactIdentifier)).stream()
                .map(c -> ConversationViews.conversation(c, uriInfo.getBaseUri()))
                .toList());
    }

    /** Only custom_attributes is read; an inbox locked to a single conversation is not emulated. */
    @Override
    public Conversation createConversation(String inboxIdentifier, String contactIdentifier,
                                           ConversationCreateRequest body) {
        Map<String, Object> customAttributes = body == null || body.getCustomAttributes() == null
                ? Map.of() : body.getCustomAttributes();
        return store.locked(() -> {
            ContactInboxRow session = session(inboxIdentifier, contactIdentifier);
            validate(customAttributes);
            ConversationRow conversation = store.addConversation(session, JsonValues.copy(customAttributes));
            return ConversationViews.conversation(conversation, uriInfo.getBaseUri());
        });
    }

    @Override
    public Conversation getConversation(String inboxIdentifier, String contactIdentifier, Integer conversationId) {
        return store.locked(() -> ConversationViews.conversation(
                conversation(inboxIdentifier, contactIdentifier, conversationId), uriInfo.getBaseUri()));
    }

    /** Resolves only; resolving sends the CSAT survey at once where Chatwoot does it in a background job. */
    @Override
    public Conversation toggleConversationStatus(String inboxIdentifier, String contactIdentifier,
                                                 Integer conversationId) {
        return store.locked(() -> {
            ConversationRow conversation = conversation(inboxIdentifier, contactIdentifier, conversationId);
            if (!conversation.status.equals("resolved")) {
                conversation.status = "resolved";
                CsatSurveys.sendIfEnabled(store, conversation);
            }
            return ConversationViews.conversation(conversation, uriInfo.getBaseUri());
        });
    }

    /** Typing events only go to the websocket, which the stub does not emulate: any value is accepted. */
    @Override
    public void toggleTyping(String inboxIdentifier, String contactIdentifier, Integer conversationId,
                             String typingStatus, TypingStatusRequest body) {
        store.locked(() -> conversation(inboxIdentifier, contactIdentifier, conversationId));
    }

    @Override
    public void updateLastSeen(String inboxIdentifier, String contactIdentifier, Integer conversationId) {
        store.locked(() -> {
            ConversationRow conversation = conversation(inboxIdentifier, contactIdentifier, conversationId);
            conversation.contactLastSeenAt = store.now();
            return conversation;
        });
    }

    private ContactInboxRow session(String inboxIdentifier, String contactIdentifier) {
        return store.session(inboxIdentifier, contactIdentifier).orElseThrow(ApiErrors::notFound);
    }

    private ConversationRow conversation(String inboxIdentifier, String contactIdentifier, int conversationId) {
        return store.conversationInScope(session(inboxIdentifier, contactIdentifier), conversationId)
                .orElseThrow(ApiErrors::notFound);
    }

    /** Chatwoot's JsonbAttributesLengthValidator on the conversation's custom_attributes. */
    private static void validate(Map<String, Object> customAttributes) {
        List<String> errors = new ArrayList<>();
        customAttributes.forEach((key, value) -> {
            if (value instanceof String text && text.codePointCount(0, text.length()) >= CUSTOM_STRING_LIMIT) {
                errors.add("Custom attributes " + key + " length should be < " + CUSTOM_STRING_LIMIT);
            } else if (value instanceof Number number && !(value instanceof Double)
                    && new BigInteger(number.toString()).compareTo(CUSTOM_INTEGER_LIMIT) >= 0) {
                errors.add("Custom attributes " + key + " value should be < " + CUSTOM_INTEGER_LIMIT);
            }
        });
        if (!errors.isEmpty()) {
            throw ApiErrors.invalid(String.join(", ", errors), List.of("custom_attributes"));
        }
    }
}
