package io.leadbridge.connector.api.mail;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One plain-text e-mail to the integration's address, such as an ADF lead. Immutable and
 * thread-safe.
 *
 * <p>The host sends it as a single-part {@code text/plain; charset=UTF-8} message (dealer CRMs
 * parse only plain-text bodies that hold nothing but the ADF XML), from its configured sender, to
 * the integration's {@code mailto:} address. The plugin chooses neither sender nor recipient.
 */
public final class VendorMail {

    /** Longest subject accepted, in characters. */
    public static final int MAX_SUBJECT_LENGTH = 200;

    /** Largest body accepted, in UTF-8 bytes. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;

    private final String subject;
    private final String textBody;

    private VendorMail(String subject, String textBody) {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(textBody, "textBody");
        if (subject.isBlank() || subject.length() > MAX_SUBJECT_LENGTH
                || subject.indexOf('\r') >= 0 || subject.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("subject must be one non-blank line of at most "
                    + MAX_SUBJECT_LENGTH + " characters");
        }
        if (textBody.isBlank() || textBody.getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES) {
            throw new IllegalArgumentException("body must be non-blank and at most " + MAX_BODY_BYTES + " bytes");
        }
        this.subject = subject;
        this.textBody = textBody;
    }

    /**
     * @param subject  one line (eLead wants the dealership's name in it)
     * @param textBody the plain-text body
     * @return the mail
     */
    public static VendorMail of(String subject, String textBody) {
        return new VendorMail(subject, textBody);
    }

    /** @return the subject */
    public String subject() {
        return subject;
    }

    /** @return the plain-text body */
    public String textBody() {
        return textBody;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VendorMail that && subject.equals(that.subject) && textBody.equals(that.textBody);
    }

    @Override
    public int hashCode() {
        return Objects.hash(subject, textBody);
    }

    /** @return the body size only: subject and body may hold personal data */
    @Override
    public String toString() {
        return "VendorMail[" + textBody.length() + " chars]";
    }
}
