/**
 * The e-mail side of the connector API, for connectors that deliver leads as ADF e-mail: the
 * {@link io.leadbridge.connector.api.mail.VendorMailClient} the host pins to an integration's
 * {@code mailto:} address, the immutable {@link io.leadbridge.connector.api.mail.VendorMail}, and
 * its checked exception.
 */
package io.leadbridge.connector.api.mail;
