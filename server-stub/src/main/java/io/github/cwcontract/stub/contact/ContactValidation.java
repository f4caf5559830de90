package io.github.cwcontract.stub.contact;

import io.github.cwcontract.stub.http.ApiErrors;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The Contact model's validations, collected like ActiveRecord errors and raised as one 422. */
final class ContactValidation {
    /** Devise.email_regexp, which Chatwoot's Contact model uses. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{1,14}");
    private static final int STRING_COLUMN_LIMIT = 255;

    private final List<String> messages = new ArrayList<>();
    private final Set<String> attributes = new LinkedHashSet<>();

    ContactValidation email(String email) {
        if (email != null) {
            check(EMAIL.matcher(email).matches(), "email", "Email Invalid email");
            length("email", "Email", email);
        }
        return this;
    }

    ContactValidation phoneNumber(String phoneNumber) {
        if (phoneNumber != null) {
            check(E164.matcher(phoneNumber).matches(), "phone_number", "Phone number should be in e164 format");
        }
        return this;
    }

    ContactValidation length(String attribute, String humanName, String value) {
        if (value != null) {
            check(value.codePointCount(0, value.length()) <= STRING_COLUMN_LIMIT, attribute,
                    humanName + " is too long (maximum is " + STRING_COLUMN_LIMIT + " characters)");
        }
        return this;
    }

    ContactValidation check(boolean valid, String attribute, String message) {
        if (!valid) {
            messages.add(message);
            attributes.add(attribute);
        }
        return this;
    }

    void throwIfInvalid() {
        if (!messages.isEmpty()) {
            throw ApiErrors.invalid(String.join(", ", messages), List.copyOf(attributes));
        }
    }

    /** Rails' string columns hold 255 characters; the create builder truncates the name instead of refusing it. */
    static String truncate(String value) {
        return value.codePointCount(0, value.length()) <= STRING_COLUMN_LIMIT
                ? value
                : value.substring(0, value.offsetByCodePoints(0, STRING_COLUMN_LIMIT));
    }
}
