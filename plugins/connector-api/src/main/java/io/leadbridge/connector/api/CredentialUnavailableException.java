package io.leadbridge.connector.api;

/**
 * Thrown by the host when a plugin asks for a credential that is not set or cannot be decrypted
 * right now (a key service outage). Unchecked: plugins normally let it propagate, and the host
 * then treats the call like any other {@link RuntimeException} from
 * {@link CrmConnector#deliver} (every record retryable), knowing from the type that the plugin is
 * not at fault. A plugin that can do without an optional credential should test
 * {@link CredentialAccess#isSet} first. The message names the field, never a value. Its state
 * is fixed when it is created, so it is safe to read from any thread.
 */
public class CredentialUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message which field and why, never a value
     */
    public CredentialUnavailableException(String message) {
        super(message);
    }
}
