package io.leadbridge.connector.api.http;

import java.util.Objects;

/**
 * Asks the host to put a credential into a {@link VendorRequest} at send time, so that the plugin
 * never sees the value. Every variant is an immutable, thread-safe record; create them through
 * {@link VendorRequest.Builder}. Field names are the descriptor's credential fields; the host
 * refuses (with {@link io.leadbridge.connector.api.CredentialUnavailableException}) a field that is
 * not set.
 */
public sealed interface CredentialInjection {

    /**
     * {@code Authorization: Bearer <value>} (HubSpot private-app token, OAuth access token). Immutable and thread-safe.
     *
     * @param field the credential field
     */
    record Bearer(String field) implements CredentialInjection {

        /**
         * Validates the components.
         *
         * @param field the credential field
         */
        public Bearer {
            HttpChecks.fieldName(field);
        }
    }

    /**
     * {@code <header>: <value>} (Pipedrive's {@code x-api-token}). Immutable and thread-safe.
     *
     * @param header the header name, a valid HTTP token, not a header the host controls
     * @param field  the credential field
     */
    record Header(String header, String field) implements CredentialInjection {

        /**
         * Validates the components.
         *
         * @param header the header name
         * @param field the credential field
         */
        public Header {
            HttpChecks.headerName(header);
            HttpChecks.fieldName(field);
        }
    }

    /**
     * {@code Authorization: Basic base64(<user>:<password>)}, both UTF-8 (OAuth client
     * authentication at a token endpoint). Immutable and thread-safe.
     *
     * @param userField     the credential field holding the user name or client id
     * @param passwordField the credential field holding the password or client secret
     */
    record Basic(String userField, String passwordField) implements CredentialInjection {

        /**
         * Validates the components.
         *
         * @param userField the credential field holding the user name or client id
         * @param passwordField the credential field holding the password or client secret
         */
        public Basic {
            HttpChecks.fieldName(userField);
            HttpChecks.fieldName(passwordField);
        }
    }

    /**
     * A parameter {@code <param>=<value>} appended, form-encoded, to an
     * {@code application/x-www-form-urlencoded} body (Salesforce's client-credentials token
     * request). Immutable and thread-safe.
     *
     * @param param the form parameter name; not blank
     * @param field the credential field
     */
    record FormParam(String param, String field) implements CredentialInjection {

        /**
         * Validates the components.
         *
         * @param param the form parameter name
         * @param field the credential field
         */
        public FormParam {
            Objects.requireNonNull(param, "param");
            if (param.isBlank()) {
                throw new IllegalArgumentException("param must not be blank");
            }
            HttpChecks.fieldName(field);
        }
    }
}
