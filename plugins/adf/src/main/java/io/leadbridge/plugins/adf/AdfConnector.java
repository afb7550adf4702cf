package io.leadbridge.plugins.adf;

import io.leadbridge.connector.api.CheckResult;
import io.leadbridge.connector.api.ConnectorContext;
import io.leadbridge.connector.api.ConnectorDescriptor;
import io.leadbridge.connector.api.CrmConnector;
import io.leadbridge.connector.api.DeliveryOutcome;
import io.leadbridge.connector.api.Settings;
import io.leadbridge.connector.api.http.VendorHttpException;
import io.leadbridge.connector.api.http.VendorRequest;
import io.leadbridge.connector.api.http.VendorResponse;
import io.leadbridge.connector.api.lead.LeadRecord;
import io.leadbridge.plugins.adf.internal.AdfDescriptor;
import io.leadbridge.plugins.adf.internal.AdfDocument;
import io.leadbridge.plugins.adf.internal.AdfDtd;
import io.leadbridge.plugins.adf.internal.AdfPost;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * The ADF connector: each lead becomes an ADF 1.0 document, validated against the DTD this plugin
 * ships, and is posted to the dealer CRM's ADF intake (the one format every dealer CRM takes).
 * Thread-safe and stateless: each call works from its own context.
 */
@Extension
public final class AdfConnector implements CrmConnector {

    @Override
    public ConnectorDescriptor descriptor() {
        return AdfDescriptor.DESCRIPTOR;
    }

    /**
     * ADF intakes have no "who am I": the check sends no lead, but asks the intake path with the
     * integration's credentials, and fails on a refusal, a server error or no answer.
     */
    @Override
    public CheckResult check(ConnectorContext context) {
        Optional<String> zone = zoneProblem(context.settings());
        if (zone.isPresent()) {
            return CheckResult.failure(zone.get());
        }
        VendorRequest request =
                AdfPost.authenticated(VendorRequest.get(context.settings().get(AdfDescriptor.PATH)), context).build();
        try {
            VendorResponse response = context.http().send(request);
            if (response.status() == 401 || response.status() == 403) {
                return CheckResult.failure("the CRM's ADF intake refused the credentials (HTTP " + response.status() + ")");
            }
            if (response.status() >= 500) {
                return CheckResult.failure("the CRM's ADF intake answered HTTP " + response.status());
            }
            return CheckResult.success("the CRM's ADF intake answers (HTTP " + response.status() + ")");
        } catch (VendorHttpException e) {
            return CheckResult.failure("the CRM's ADF intake could not be reached: " + e.getMessage());
        }
    }

    @Override
    public List<DeliveryOutcome> deliver(List<LeadRecord> batch, ConnectorContext context) {
        Optional<String> zone = zoneProblem(context.settings());
        List<DeliveryOutcome> outcomes = new ArrayList<>(batch.size());
        DeliveryOutcome stopped = zone.map(problem -> (DeliveryOutcome) DeliveryOutcome.rejected("bad_setting", problem))
                .orElse(null);
        for (LeadRecord lead : batch) {
            if (stopped == null && context.clock().instant().isAfter(context.deadline())) {
                stopped = DeliveryOutcome.retryable("the call's deadline passed before this lead was sent");
            }
            if (stopped != null) {
                outcomes.add(stopped);
                continue;
            }
            DeliveryOutcome outcome = deliverOne(lead, context);
            if (outcome instanceof DeliveryOutcome.RateLimited || outcome instanceof DeliveryOutcome.AuthFailed) {
                stopped = outcome;
            }
            outcomes.add(outcome);
        }
        return outcomes;
    }

    private static DeliveryOutcome deliverOne(LeadRecord lead, ConnectorContext context) {
        byte[] document = AdfDocument.write(lead, vendor(context.settings()));
        Optional<String> invalid = AdfDtd.violation(document);
        if (invalid.isPresent()) {
            // A defect of this connector, not of the lead: never send what a strict intake refuses.
            context.log().warn("{} made a document that is not valid ADF 1.0", lead);
            return DeliveryOutcome.rejected("adf_invalid", "the ADF document for this lead did not validate against"
                    + " ADF 1.0; report it to the hub's operators");
        }
        return AdfPost.deliver(lead, document, context);
    }

    private static AdfDocument.Vendor vendor(Settings settings) {
        return new AdfDocument.Vendor(settings.get(AdfDescriptor.DEALERSHIP_NAME),
                settings.get(AdfDescriptor.DEALERSHIP_CONTACT), settings.get(AdfDescriptor.DEALERSHIP_EMAIL),
                settings.get(AdfDescriptor.PROVIDER_NAME), ZoneId.of(settings.get(AdfDescriptor.TIME_ZONE)));
    }

    private static Optional<String> zoneProblem(Settings settings) {
        try {
            ZoneId.of(settings.get(AdfDescriptor.TIME_ZONE));
            return Optional.empty();
        } catch (DateTimeException e) {
            return Optional.of("the timeZone setting names no time zone the hub knows");
        }
    }
}
