package io.github.cwcontract.stub.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The whole in-memory state of the one Chatwoot account the stub emulates.
 *
 * <p>Thread safety is deliberately simple: every request does all its reads, writes and rendering inside
 * {@link #locked}, so each request sees and leaves a consistent state and ids are handed out in order. The other
 * methods must only be called from inside {@link #locked}.
 */
public final class Store {
    public static final int ACCOUNT_ID = 1;
    /** Internal conversation ids start here so that they never look like display ids. */
    private static final int FIRST_INTERNAL_CONVERSATION_ID = 40001;

    private final Clock clock;
    private final int messagesPerMinuteLimit;
    private final Map<String, InboxRow> inboxes = new LinkedHashMap<>();
    private final List<ContactRow> contacts = new ArrayList<>();
    private final List<ContactInboxRow> contactInboxes = new ArrayList<>();
    private final List<ConversationRow> conversations = new ArrayList<>();
    private final Map<String, AttachmentRow> attachments = new HashMap<>();
    private int lastInboxId;
    private int lastContactId;
    private int lastDisplayId;
    private int lastMessageId;
    private int lastAttachmentId;
    private int lastCsatResponseId;

    /**
     * @param clock                  the time source of every timestamp (tests move it forward)
     * @param messagesPerMinuteLimit Chatwoot's CONVERSATION_MESSAGE_PER_MINUTE_LIMIT; 0 disables the limit
     */
    public Store(Clock clock, int messagesPerMinuteLimit) {
        this.clock = clock;
        this.messagesPerMinuteLimit = messagesPerMinuteLimit;
    }

    public synchronized <T> T locked(Supplier<T> work) {
        return work.get();
    }

    public Instant now() {
        return clock.instant();
    }

    // inboxes

    public InboxRow addInbox(String identifier, String hmacToken, boolean hmacMandatory, boolean csatEnabled) {
        int id = ++lastInboxId;
        InboxRow inbox = new InboxRow(id, identifier, "API Inbox " + id, hmacToken, hmacMandatory, csatEnabled);
        inboxes.put(identifier, inbox);
        return inbox;
    }

    public List<InboxRow> inboxes() {
        return List.copyOf(inboxes.values());
    }

    public Optional<InboxRow> inbox(String identifier) {
        return Optional.ofNullable(inboxes.get(identifier));
    }

    // contacts and sessions

    public Optional<ContactInboxRow> contactInbox(InboxRow inbox, String sourceId) {
        return contactInboxes.stream().filter(ci -> ci.inbox == inbox && ci.sourceId.equals(sourceId)).findFirst();
    }

    public Optional<ContactInboxRow> session(String inboxIdentifier, String sourceId) {
        return inbox(inboxIdentifier).flatMap(inbox -> contactInbox(inbox, sourceId));
    }

    public Optional<ContactRow> contactByIdentifier(String identifier) {
        return contacts.stream().filter(c -> identifier.equals(c.identifier)).findFirst();
    }

    public Optional<ContactRow> contactByEmail(String email) {
        String lower = email.toLowerCase(Locale.ROOT);
        return contacts.stream().filter(c -> c.email != null && c.email.toLowerCase(Locale.ROOT).equals(lower)).findFirst();
    }

    public Optional<ContactRow> contactByPhoneNumber(String phoneNumber) {
        return contacts.stream().filter(c -> phoneNumber.equals(c.phoneNumber)).findFirst();
    }

    public ContactRow addContact() {
        ContactRow contact = new ContactRow(++lastContactId, now());
        contacts.add(contact);
        return contact;
    }

    public ContactInboxRow addContactInbox(InboxRow inbox, ContactRow contact, String sourceId) {
        ContactInboxRow contactInbox = new ContactInboxRow(inbox, contact, sourceId, Tokens.secureToken());
        contactInboxes.add(contactInbox);
        return contactInbox;
    }

    /**
     * Chatwoot's ContactMergeAction: the mergee's sessions, conversations and messages move to the base contact,
     * the base keeps its own non-blank attributes and takes the mergee's where it has none, and the mergee is
     * deleted.
     */
    public void merge(ContactRow base, ContactRow mergee) {
        contactInboxes.stream().filter(ci -> ci.contact == mergee).forEach(ci -> ci.contact = base);
        for (ConversationRow conversation : conversations) {
            if (conversation.contact == mergee) {
                conversation.contact = base;
            }
            conversation.messages.stream().filter(m -> m.sender == mergee).forEach(m -> m.sender = base);
        }
        base.name = base.name == null || base.name.isBlank() ? mergee.name : base.name;
        base.email = base.email == null ? mergee.email : base.email;
        base.phoneNumber = base.phoneNumber == null ? mergee.phoneNumber : base.phoneNumber;
        base.identifier = base.identifier == null ? mergee.identifier : base.identifier;
        Map<String, Object> custom = new LinkedHashMap<>(mergee.customAttributes);
        custom.putAll(base.customAttributes);
        base.customAttributes = custom;
        Map<String, Object> additional = new LinkedHashMap<>(mergee.additionalAttributes);
        additional.putAll(base.additionalAttributes);
        base.additionalAttributes = additional;
        base.updatedAt = now();
        contacts.remove(mergee);
    }

    // conversations

    /** A verified session sees every conversation of its contact in the account; otherwise only its own. */
    public List<ConversationRow> conversationsInScope(ContactInboxRow session) {
        return conversations.stream()
                .filter(c -> session.hmacVerified ? c.contact == session.contact : c.contactInbox == session)
                .toList();
    }

    public Optional<ConversationRow> conversationInScope(ContactInboxRow session, int displayId) {
        return conversationsInScope(session).stream().filter(c -> c.displayId == displayId).findFirst();
    }

    public Optional<ConversationRow> conversationInScope(String inboxIdentifier, String sourceId, int displayId) {
        return session(inboxIdentifier, sourceId).flatMap(session -> conversationInScope(session, displayId));
    }

    public Optional<ConversationRow> conversationByUuid(String uuid) {
        return conversations.stream().filter(c -> c.uuid.equalsIgnoreCase(uuid)).findFirst();
    }

    public ConversationRow addConversation(ContactInboxRow session, Map<String, Object> customAttributes) {
        int displayId = ++lastDisplayId;
        ConversationRow conversation = new ConversationRow(FIRST_INTERNAL_CONVERSATION_ID + displayId - 1, displayId,
                UUID.randomUUID().toString(), session, customAttributes);
        conversations.add(conversation);
        return conversation;
    }

    // messages

    /** Whether the conversation already holds as many messages from the last minute as Chatwoot allows. */
    public boolean messageLimitReached(ConversationRow conversation) {
        if (messagesPerMinuteLimit <= 0) {
            return false;
        }
        Instant since = now().minus(Duration.ofMinutes(1));
        return conversation.messages.stream().filter(m -> !m.createdAt.isBefore(since)).count() >= messagesPerMinuteLimit;
    }

    public MessageRow addMessage(ConversationRow conversation, int messageType, String contentType, String content,
                                 ContactRow sender, List<AttachmentRow.Upload> uploads) {
        MessageRow message = new MessageRow(++lastMessageId, conversation, messageType, contentType, content, now());
        message.sender = sender;
        for (AttachmentRow.Upload upload : uploads) {
            AttachmentRow attachment = new AttachmentRow(++lastAttachmentId, message.id, Tokens.secureToken(), upload);
            attachments.put(attachment.key, attachment);
            message.attachments.add(attachment);
        }
        conversation.messages.add(message);
        return message;
    }

    public Optional<AttachmentRow> attachment(String key) {
        return Optional.ofNullable(attachments.get(key));
    }

    public CsatResponseRow addCsatResponse(MessageRow survey, ContactRow contact) {
        CsatResponseRow response = new CsatResponseRow(++lastCsatResponseId, contact.id, now());
        survey.csatResponse = response;
        return response;
    }
}
