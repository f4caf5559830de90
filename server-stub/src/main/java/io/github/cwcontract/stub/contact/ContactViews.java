package io.github.cwcontract.stub.contact;

import io.github.cwcontract.stub.model.Contact;
import io.github.cwcontract.stub.model.ContactSender;
import io.github.cwcontract.stub.model.ContactSession;
import io.github.cwcontract.stub.store.ContactInboxRow;
import io.github.cwcontract.stub.store.ContactRow;
import io.github.cwcontract.stub.store.JsonValues;
import io.github.cwcontract.stub.store.Store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** The three shapes Chatwoot renders a contact in. Call inside {@link Store#locked}. */
public final class ContactViews {
    private ContactViews() {
    }

    /** Create and show: the session (contact_inbox) with the contact's basic keys. */
    public static ContactSession session(ContactInboxRow session) {
        ContactRow contact = session.contact;
        return new ContactSession()
                .sourceId(session.sourceId)
                .pubsubToken(session.pubsubToken)
                .id(contact.id)
                .name(contact.name)
                .email(contact.email)
                .phoneNumber(contact.phoneNumber);
    }

    /** Update, and the contact of a conversation: every column of the contact. */
    public static Contact record(ContactRow contact) {
        return new Contact()
                .id(contact.id)
                .name(contact.name)
                .email(contact.email)
                .phoneNumber(contact.phoneNumber)
                .accountId(Store.ACCOUNT_ID)
                .createdAt(time(contact.createdAt))
                .updatedAt(time(contact.updatedAt))
                .additionalAttributes(JsonValues.copy(contact.additionalAttributes))
                .identifier(contact.identifier)
                .customAttributes(JsonValues.copy(contact.customAttributes))
                .lastActivityAt(time(contact.lastActivityAt))
                .contactType(Contact.ContactTypeEnum.fromValue(contact.contactType()))
                .middleName("")
                .lastName("")
                .blocked(false);
    }

    /** The sender of the contact's messages (Contact#push_event_data). */
    public static ContactSender sender(ContactRow contact) {
        return new ContactSender()
                .additionalAttributes(JsonValues.copy(contact.additionalAttributes))
                .customAttributes(JsonValues.copy(contact.customAttributes))
                .email(contact.email)
                .id(contact.id)
                .identifier(contact.identifier)
                .name(contact.name)
                .phoneNumber(contact.phoneNumber)
                .thumbnail("")
                .blocked(false)
                .type(ContactSender.TypeEnum.CONTACT);
    }

    public static OffsetDateTime time(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
