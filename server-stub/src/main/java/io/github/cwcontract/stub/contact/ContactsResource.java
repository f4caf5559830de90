package io.github.cwcontract.stub.contact;

import io.github.cwcontract.stub.api.ContactsApi;
import io.github.cwcontract.stub.http.ApiErrors;
import io.github.cwcontract.stub.model.Contact;
import io.github.cwcontract.stub.model.ContactCreateRequest;
import io.github.cwcontract.stub.model.ContactSession;
import io.github.cwcontract.stub.model.ContactUpdateRequest;
import io.github.cwcontract.stub.store.ContactInboxRow;
import io.github.cwcontract.stub.store.ContactRow;
import io.github.cwcontract.stub.store.InboxRow;
import io.github.cwcontract.stub.store.JsonValues;
import io.github.cwcontract.stub.store.Store;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Contact sessions: Chatwoot's ContactInboxWithContactBuilder (create) and ContactIdentifyAction (update), with
 * identity validation on all three operations.
 */
@Singleton
public final class ContactsResource implements ContactsApi {
    private final Store store;

    @Inject
    public ContactsResource(Store store) {
        this.store = store;
    }

    @Override
    public ContactSession createContact(String inboxIdentifier, ContactCreateRequest body) {
        ContactCreateRequest request = body != null ? body : new ContactCreateRequest();
        return store.locked(() -> {
            InboxRow inbox = store.inbox(inboxIdentifier).orElseThrow(ApiErrors::notFound);
            // on create a valid hash is checked but does not mark the new session verified
            Hmac.verify(inbox, request.getIdentifier(), request.getIdentifierHash());
            String sourceId = blankToNull(request.getSourceId());
            if (sourceId != null) {
                Optional<ContactInboxRow> existing = store.contactInbox(inbox, sourceId);
                if (existing.isPresent()) {
                    return ContactViews.session(existing.get());
                }
            }
            ContactRow contact = reusableContact(request).orElseGet(() -> newContact(request));
            return ContactViews.session(store.addContactInbox(inbox, contact,
                    sourceId != null ? sourceId : UUID.randomUUID().toString()));
        });
    }

    @Override
    public ContactSession getContact(String inboxIdentifier, String contactIdentifier, String identifier,
                                     String identifierHash) {
        return store.locked(() -> {
            ContactInboxRow session = store.session(inboxIdentifier, contactIdentifier)
                    .orElseThrow(ApiErrors::notFound);
            verify(session, identifier, identifierHash);
            return ContactViews.session(session);
        });
    }

    @Override
    public Contact updateContact(String inboxIdentifier, String contactIdentifier, ContactUpdateRequest body) {
        ContactUpdateRequest request = body != null ? body : new ContactUpdateRequest();
        return store.locked(() -> {
            ContactInboxRow session = store.session(inboxIdentifier, contactIdentifier)
                    .orElseThrow(ApiErrors::notFound);
            verify(session, request.getIdentifier(), request.getIdentifierHash());
            return ContactViews.record(identify(session.contact, request));
        });
    }

    @Override
    public Contact updateContactViaPut(String inboxIdentifier, String contactIdentifier, ContactUpdateRequest body) {
        return updateContact(inboxIdentifier, contactIdentifier, body);
    }

    private static void verify(ContactInboxRow session, String identifier, String identifierHash) {
        if (Hmac.verify(session.inbox, identifier, identifierHash)) {
            session.hmacVerified = true;
        }
    }

    /** An existing contact of the account, matched by identifier, then email (any case), then phone number. */
    private Optional<ContactRow> reusableContact(ContactCreateRequest request) {
        String identifier = blankToNull(request.getIdentifier());
        String email = blankToNull(request.getEmail());
        String phoneNumber = blankToNull(request.getPhoneNumber());
        return Optional.<ContactRow>empty()
                .or(() -> identifier == null ? Optional.empty() : store.contactByIdentifier(identifier))
                .or(() -> email == null ? Optional.empty() : store.contactByEmail(email))
                .or(() -> phoneNumber == null ? Optional.empty() : store.contactByPhoneNumber(phoneNumber));
    }

    private ContactRow newContact(ContactCreateRequest request) {
        String name = blankToNull(request.getName());
        String email = lowerCase(blankToNull(request.getEmail()));
        String phoneNumber = blankToNull(request.getPhoneNumber());
        String identifier = blankToNull(request.getIdentifier());
        new ContactValidation().email(email).phoneNumber(phoneNumber).length("identifier", "Identifier", identifier)
                .throwIfInvalid();
        ContactRow contact = store.addContact();
        contact.name = name != null ? ContactValidation.truncate(name) : Names.haiku();
        contact.email = email;
        contact.phoneNumber = phoneNumber;
        contact.identifier = identifier;
        if (request.getCustomAttributes() != null) {
            contact.customAttributes = JsonValues.copy(request.getCustomAttributes());
        }
        return contact;
    }

    /**
     * ContactIdentifyAction without the identifier (the controller strips it): blank values are skipped, custom
     * attributes are deep-merged, and a contact that already has the email (or the phone number) absorbs this one.
     *
     * @return the updated contact, which is the other contact after a merge
     */
    private ContactRow identify(ContactRow contact, ContactUpdateRequest request) {
        String name = blankToNull(request.getName());
        String email = lowerCase(blankToNull(request.getEmail()));
        String phoneNumber = blankToNull(request.getPhoneNumber());
        new ContactValidation().length("name", "Name", name).email(email).phoneNumber(phoneNumber).throwIfInvalid();

        ContactRow emailOwner = email == null ? null
                : store.contactByEmail(email).filter(other -> other != contact).orElse(null);
        ContactRow phoneOwner = phoneNumber == null ? null
                : store.contactByPhoneNumber(phoneNumber).filter(other -> other != contact && other != emailOwner)
                        .orElse(null);
        // a phone owner with another email is not merged, so saving the number would break its uniqueness
        if (phoneOwner != null && email != null && phoneOwner.email != null && !phoneOwner.email.equals(email)) {
            throw ApiErrors.invalid("Phone number has already been taken", List.of("phone_number"));
        }
        ContactRow target = contact;
        if (emailOwner != null) {
            store.merge(emailOwner, target);
            target = emailOwner;
        }
        if (phoneOwner != null) {
            store.merge(phoneOwner, target);
            target = phoneOwner;
        }

        if (name != null) {
            target.name = name;
        }
        if (email != null) {
            target.email = email;
        }
        if (phoneNumber != null) {
            target.phoneNumber = phoneNumber;
        }
        Map<String, Object> customAttributes = request.getCustomAttributes();
        if (customAttributes != null) {
            target.customAttributes = JsonValues.deepMerge(target.customAttributes, customAttributes);
        }
        target.updatedAt = store.now();
        return target;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String lowerCase(String email) {
        return email == null ? null : email.toLowerCase(Locale.ROOT);
    }
}
