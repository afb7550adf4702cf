/**
 * The canonical dealership lead, as the host hands it to {@link io.leadbridge.connector.api.CrmConnector#deliver}
 * after it has validated the tenant's input and applied the integration's field mappings.
 *
 * <h2>Conventions</h2>
 * <ul>
 *   <li>Every type here is immutable and thread-safe; collections are unmodifiable copies and are
 *       never {@code null} (absent means empty).</li>
 *   <li>Optional values are returned as {@link java.util.Optional}, {@link java.util.OptionalInt}
 *       or {@link java.util.OptionalLong}. A blank string given to a builder counts as absent.</li>
 *   <li>Leads are personal data. No {@code toString()} in this package prints a name, e-mail
 *       address, phone number, street address or comment: {@link io.leadbridge.connector.api.lead.LeadRecord}
 *       prints only its lead id. Do not log lead contents in any other way either.</li>
 *   <li>The builders exist so that the host and plugin tests can create leads; they are not
 *       thread-safe.</li>
 *   <li>Enums in this package may gain constants in a minor version: a plugin that switches over
 *       one must have a default branch.</li>
 * </ul>
 */
package io.leadbridge.connector.api.lead;
