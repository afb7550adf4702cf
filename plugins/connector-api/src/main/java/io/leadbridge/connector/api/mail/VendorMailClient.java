package io.leadbridge.connector.api.mail;

/**
 * The plugin's only way to send e-mail: a client pinned to the integration's {@code mailto:}
 * address, for {@link io.leadbridge.connector.api.Transport#EMAIL} connectors. Implemented by the
 * host; thread-safe.
 *
 * <p>The host hands the message to its SMTP relay (with its own timeouts, never beyond the call's
 * deadline) and returns once the relay has accepted it. Acceptance by the relay is the end of what
 * can be known: there is no receipt from the CRM, and a later bounce does not come back to the
 * plugin. After the call's deadline, or once the call is over, {@code send} fails at once with a
 * non-permanent {@link VendorMailException}.
 */
public interface VendorMailClient {

    /**
     * Sends a mail to the integration's address.
     *
     * @param mail the mail
     * @return the {@code Message-ID} the host gave the message, usable as the remote id of a
     *         {@link io.leadbridge.connector.api.DeliveryOutcome.Delivered}
     * @throws VendorMailException if the relay did not accept the message
     */
    String send(VendorMail mail) throws VendorMailException;
}
