package io.github.cwcontract.conformance.api;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;

/**
 * Values for the records the suite creates. They are unique per call: a real server reuses an existing contact of
 * the account that has the same identifier, email or phone number, which would mix runs together.
 */
public final class TestData {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A 1x1 PNG, for attachment uploads. */
    private static final byte[] PIXEL_PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==");

    private TestData() {
    }

    /** A short unique token, e.g. for names and identifiers. */
    public static String unique() {
        return UUID.randomUUID().toString().substring(0, 13).replace("-", "");
    }

    /** A unique address at a domain reserved for examples (RFC 2606), mixed case to check lower-casing. */
    public static String email() {
        return "Conformance." + unique() + "@Example.com";
    }

    /** A random number in E.164 format. */
    public static String phoneNumber() {
        return String.format(Locale.ROOT, "+1555%07d", RANDOM.nextInt(10_000_000));
    }

    public static String identifier() {
        return "conformance-" + unique();
    }

    public static byte[] pixelPng() {
        return PIXEL_PNG.clone();
    }
}
