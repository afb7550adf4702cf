/**
 * The Leadbridge connector API: the contract between the hub (the host) and a CRM connector
 * plugin. A plugin depends on this API and PF4J, both with scope {@code provided}, and on nothing
 * of the host; it gets the JDK and what this API grants, nothing more.
 *
 * <h2>The contract in brief</h2>
 * <ul>
 *   <li>A plugin implements {@link io.leadbridge.connector.api.CrmConnector}: it describes itself
 *       ({@link io.leadbridge.connector.api.ConnectorDescriptor}), checks an integration
 *       ({@link io.leadbridge.connector.api.CheckResult}) and delivers batches of
 *       {@link io.leadbridge.connector.api.lead.LeadRecord}s, answering one
 *       {@link io.leadbridge.connector.api.DeliveryOutcome} per record. The lifecycle, threading,
 *       timeout and idempotency rules are on {@code CrmConnector}; what the host does with each
 *       outcome is on {@code DeliveryOutcome}.</li>
 *   <li>Everything a call may use comes from its {@link io.leadbridge.connector.api.ConnectorContext}:
 *       the integration's {@link io.leadbridge.connector.api.Settings}, its credentials through
 *       {@link io.leadbridge.connector.api.CredentialAccess} (revealed only inside a callback, or
 *       never, when the host injects them into a request), an HTTP or mail client pinned to the
 *       integration's endpoint, rate-limit feedback, a clock, metrics and a logger that redacts.</li>
 *   <li>Secrets never appear in plugin state, logs, exception messages, outcomes or check
 *       details; leads are personal data and appear in none of those either.</li>
 * </ul>
 *
 * <h2>Packages</h2>
 * This package holds the extension point, the descriptor and the call context;
 * {@link io.leadbridge.connector.api.lead} the lead model; {@link io.leadbridge.connector.api.http}
 * and {@link io.leadbridge.connector.api.mail} the two transports; and
 * {@link io.leadbridge.connector.api.testing} a fake context for plugin unit tests.
 *
 * <h2>Thread safety</h2>
 * Value types (descriptor, field specs, settings, leads, outcomes, requests, responses) are
 * immutable and thread-safe; their builders are not. Interfaces the host implements are
 * thread-safe. Implementations of {@code CrmConnector} must be thread-safe.
 *
 * <h2>Compatibility policy</h2>
 * The API has a semantic version, {@link io.leadbridge.connector.api.ConnectorApiVersion#CURRENT},
 * independent of the Maven artifact's version. A plugin declares
 * {@code Plugin-Requires: >=1.N.0 & <2.0.0}, where {@code 1.N} introduced the newest element it
 * uses, and the host refuses plugins whose range excludes its version.
 * <ul>
 *   <li><b>Major</b> (breaking): removing or renaming a public type, method, constant or enum
 *       constant; changing a signature; adding an abstract method to an interface plugins
 *       implement ({@code CrmConnector}, {@code SecretFunction}); adding a required builder value
 *       or a validation rule that rejects what was accepted; changing what the host does with an
 *       outcome, an exception or a broken result, or relaxing a guarantee the host gives
 *       (threading, deadline, batch shape, secret handling).</li>
 *   <li><b>Minor</b> (compatible for plugins): new types; new methods on interfaces only the host
 *       implements ({@code ConnectorContext}, {@code CredentialAccess}, {@code SecretView},
 *       {@code Settings} readers, the clients, {@code RateLimitFeedback}, {@code ConnectorMetrics},
 *       {@code ConnectorLog}); new default methods; new optional builder values; new enum
 *       constants (plugins switching over an enum keep a default branch); new
 *       {@code DeliveryOutcome} or exception subtypes a plugin may use. A plugin's own fakes of
 *       host interfaces may need a new method on a minor version; the fake in
 *       {@link io.leadbridge.connector.api.testing} keeps up.</li>
 *   <li><b>Patch</b>: documentation and fixes that change no contract.</li>
 * </ul>
 * An element is deprecated in a minor version before it is removed in the next major one.
 */
package io.leadbridge.connector.api;
