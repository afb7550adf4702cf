package io.leadbridge.connector.api;

import io.leadbridge.connector.api.lead.LeadRecord;
import java.util.List;
import org.pf4j.ExtensionPoint;

/**
 * The extension point every CRM connector plugin implements: it delivers dealership leads to one
 * vendor for many tenants. Implementations must be thread-safe and stateless per integration (see
 * below).
 *
 * <h2>Packaging</h2>
 * A connector is a PF4J plugin jar with exactly one class that implements this interface, is
 * annotated {@code @org.pf4j.Extension} and has a public no-argument constructor. The jar's
 * manifest names the plugin ({@code Plugin-Id}, equal to {@link ConnectorDescriptor#id()};
 * {@code Plugin-Version}, equal to {@link ConnectorDescriptor#pluginVersion()}) and the API versions
 * it works with ({@code Plugin-Requires: >=1.0.0 & <2.0.0}, see {@link ConnectorApiVersion}). The
 * plugin depends on this API and PF4J with scope {@code provided} and must not bundle either: a
 * second copy of this interface in the jar makes PF4J find no extension. Other libraries a plugin
 * needs it shades into its jar.
 *
 * <h2>Lifecycle</h2>
 * <ol>
 *   <li>When the host starts the plugin, it creates <b>one instance</b> of the extension and keeps
 *       it until the plugin is stopped, reloaded or unloaded. The constructor must not do I/O.</li>
 *   <li>The host calls {@link #descriptor()} once, validates it against the manifest and caches it.
 *       A plugin whose descriptor throws or disagrees with its manifest is marked FAILED and never
 *       called again; the rest of the hub runs on.</li>
 *   <li>The host then calls {@link #check} and {@link #deliver} for as long as the plugin runs,
 *       for every tenant whose rollout flag {@code connector.<id>} is on and whose integration is
 *       enabled.</li>
 *   <li>Before unloading, the host stops calling the instance and waits for calls in flight up to
 *       their deadline. After that it drops its reference; the plugin's class loader is closed.</li>
 * </ol>
 *
 * <h2>Threading and state</h2>
 * The single instance is called <b>concurrently</b>, from the host's worker threads, for different
 * integrations and tenants, and possibly for different records of the same integration. It must
 * therefore keep <b>no per-integration or per-tenant mutable state</b>: everything a call needs
 * comes from its {@link ConnectorContext} and is forgotten when it returns. Immutable state shared
 * by all calls (the descriptor, precompiled patterns, a JSON mapper) is fine. A call must not
 * block on anything except the host-provided clients ({@link ConnectorContext#http()},
 * {@link ConnectorContext#mail()}), must not start threads, and should respond to interruption.
 *
 * <h2>Timeouts and idempotency</h2>
 * The host enforces timeouts: every call has a {@link ConnectorContext#deadline()}, and a call that
 * overruns it is abandoned (its thread interrupted, its result ignored, its records retried). An
 * abandoned call may still complete its vendor writes, and a crash may fall between the vendor's
 * answer and the host's commit; so the same lead can reach {@link #deliver} more than once, even
 * while an earlier call is still running. {@code deliver} must therefore be <b>idempotent</b>:
 * vendor writes are upserts keyed by {@link LeadRecord#leadId()} (an external-id property, an
 * External ID field, an ADF {@code <id>}). Where the vendor has no upsert, search by the lead id
 * before creating, and do not declare {@link Capability#UPSERT}.
 */
public interface CrmConnector extends ExtensionPoint {

    /**
     * Describes this connector. Called once per plugin start; must return an equal value every
     * time and must not do I/O.
     *
     * @return the descriptor
     */
    ConnectorDescriptor descriptor();

    /**
     * Tests whether the integration in {@code context} can reach its vendor: the credentials are
     * accepted and the settings make sense (the portal, pipeline or object exists). Called when a
     * tenant asks ({@code POST /v1/integrations/third-party/{id}/check}) and before the host
     * resumes an integration paused by {@link DeliveryOutcome.AuthFailed}.
     *
     * <p>Must not write anything at the vendor, should make as few calls as it can, and must honour
     * the context's deadline. A vendor that refuses the credentials is a failed check, not an
     * exception. If this method throws, the host answers with a failed check carrying a generic
     * detail and an error id, and logs the exception.
     *
     * @param context the call's context, for one tenant and integration
     * @return whether the integration works, with a detail for the tenant
     */
    CheckResult check(ConnectorContext context);

    /**
     * Delivers a batch of leads of one integration to the vendor.
     *
     * <p><b>The batch.</b> It holds 1 to {@link ConnectorDescriptor#maxBatchSize()} records, all for
     * {@code context}'s tenant and integration, each lead at most once, oldest first. The list is
     * unmodifiable.
     *
     * <p><b>The result.</b> Return exactly one {@link DeliveryOutcome} per record, in the same order
     * as the batch: {@code outcomes.get(i)} is the outcome of {@code batch.get(i)}. Records a
     * plugin did not get to (the deadline came near) are {@link DeliveryOutcome#retryable}. What the
     * host does with each outcome is specified in {@link DeliveryOutcome}. If the returned list is
     * {@code null}, has another size, or contains {@code null}, the host logs the violation and
     * treats every record of the batch as {@link DeliveryOutcome.Retryable}.
     *
     * <p><b>Failures.</b> Map what the vendor says to outcomes per record wherever the vendor allows
     * (a partial batch failure is not an exception). If this method throws a
     * {@link RuntimeException}, the host logs it and treats every record of the batch as
     * {@link DeliveryOutcome.Retryable}; so does a {@link LinkageError}, which usually means the
     * plugin jar is packaged wrongly. Checked exceptions of the host's clients
     * ({@link io.leadbridge.connector.api.http.VendorHttpException},
     * {@link io.leadbridge.connector.api.mail.VendorMailException}) are the plugin's to map.
     *
     * @param batch   the leads to deliver; unmodifiable, not empty
     * @param context the call's context, for one tenant and integration
     * @return one outcome per record, in batch order
     */
    List<DeliveryOutcome> deliver(List<LeadRecord> batch, ConnectorContext context);
}
