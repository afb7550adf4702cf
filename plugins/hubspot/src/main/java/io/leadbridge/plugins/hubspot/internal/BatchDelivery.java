package io.leadbridge.plugins.hubspot.internal;

import io.leadbridge.connector.api.ConnectorContext;
import io.leadbridge.connector.api.DeliveryOutcome;
import io.leadbridge.connector.api.http.VendorRequest;
import io.leadbridge.connector.api.http.VendorResponse;
import io.leadbridge.connector.api.lead.LeadRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Delivers one batch of leads to HubSpot: contacts by batch upsert in requests of at most 100,
 * then, if the integration wants them, one deal per lead. Keeps the batch's outcomes while it
 * runs, so one instance serves one call and one thread.
 *
 * <p>How answers become outcomes:
 * <ul>
 *   <li>200 and 207: per lead, from its result ({@code new} tells created from updated) or its
 *       {@code errors[]} entry;</li>
 *   <li>400 with property details or 409 for several leads: each lead is sent again on its own, so
 *       that one bad lead does not fail the others; for one lead, its outcome;</li>
 *   <li>401, 403, 429, 5xx, other 4xx, timeouts and connection failures: one outcome for every lead
 *       of the request, and the rest of the batch is not sent (it would fail the same way): it
 *       gets the same outcome.</li>
 * </ul>
 * With idProperty {@code email}, leads that share an address go in successive requests (HubSpot
 * refuses duplicate ids in one batch), older first, so the newest lead's data wins.
 */
public final class BatchDelivery {

    private final List<LeadRecord> batch;
    private final HubSpotSettings settings;
    private final HubSpotApi api;
    private final DeliveryOutcome[] outcomes;
    private DeliveryOutcome stopped;

    private BatchDelivery(List<LeadRecord> batch, ConnectorContext context) {
        this.batch = batch;
        this.settings = HubSpotSettings.of(context);
        this.api = new HubSpotApi(context, settings.portalZone());
        this.outcomes = new DeliveryOutcome[batch.size()];
    }

    /**
     * @param batch   the leads, in the host's order
     * @param context the call's context
     * @return one outcome per lead, in batch order
     */
    public static List<DeliveryOutcome> deliver(List<LeadRecord> batch, ConnectorContext context) {
        return new BatchDelivery(batch, context).run();
    }

    private List<DeliveryOutcome> run() {
        for (List<PendingLead> round : rounds(pending())) {
            for (int from = 0; from < round.size(); from += HubSpotDescriptor.MAX_BATCH_SIZE) {
                upsert(round.subList(from, Math.min(round.size(), from + HubSpotDescriptor.MAX_BATCH_SIZE)));
            }
        }
        if (settings.createDeal()) {
            createDeals();
        }
        for (int i = 0; i < outcomes.length; i++) {
            if (outcomes[i] == null) {
                outcomes[i] = stopped != null ? stopped
                        : DeliveryOutcome.retryable("HubSpot gave no answer for this lead");
            }
        }
        return Arrays.asList(outcomes);
    }

    private List<PendingLead> pending() {
        List<PendingLead> pending = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            LeadRecord lead = batch.get(i);
            Optional<String> idValue = settings.keyedByEmail() ? ContactProperties.email(lead)
                    : Optional.of(lead.leadId().toString());
            if (idValue.isEmpty()) {
                outcomes[i] = DeliveryOutcome.rejected("MISSING_EMAIL",
                        "The lead has no e-mail address, which idProperty email needs to key the HubSpot contact");
            } else {
                pending.add(new PendingLead(i, lead, idValue.get(), ContactProperties.of(lead, settings)));
            }
        }
        return pending;
    }

    /** Splits the leads so that no request holds one id value twice; order is kept within each. */
    private static List<List<PendingLead>> rounds(List<PendingLead> pending) {
        List<List<PendingLead>> rounds = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (PendingLead lead : pending) {
            int round = seen.merge(lead.key(), 1, Integer::sum) - 1;
            if (round == rounds.size()) {
                rounds.add(new ArrayList<>());
            }
            rounds.get(round).add(lead);
        }
        return rounds;
    }

    private void upsert(List<PendingLead> leads) {
        if (stopped != null) {
            return;
        }
        HubSpotApi.Result sent = api.send(VendorRequest.post(ContactUpsert.PATH)
                .jsonBody(ContactUpsert.body(leads, settings.idProperty())), "batch_upsert");
        if (sent instanceof HubSpotApi.Unanswered unanswered) {
            stopped = unanswered.outcome();
            return;
        }
        VendorResponse response = ((HubSpotApi.Answered) sent).response();
        if (response.isSuccess()) {
            ContactUpsert.outcomes(leads, Json.read(response), settings.idProperty())
                    .forEach((index, outcome) -> outcomes[index] = outcome);
            return;
        }
        HubSpotError error = HubSpotError.of(response.status(), Json.read(response));
        Optional<DeliveryOutcome> forAll = api.outcomeForAll(response, error);
        if (forAll.isPresent()) {
            stopped = forAll.get();
        } else if (leads.size() > 1) {
            leads.forEach(lead -> upsert(List.of(lead)));
        } else {
            outcomes[leads.get(0).index()] = RecordErrors.outcomeOf(error, settings.idProperty(), "contact");
        }
    }

    private void createDeals() {
        DealWriter deals = new DealWriter(api, settings);
        for (int i = 0; i < outcomes.length; i++) {
            if (!(outcomes[i] instanceof DeliveryOutcome.Delivered contact)) {
                continue;
            }
            if (stopped != null) {
                // The contact is written but its deal is not: the lead goes again, and its
                // contact upsert is idempotent.
                outcomes[i] = stopped;
                continue;
            }
            DealWriter.Result deal = deals.create(batch.get(i), contact.remoteId());
            if (deal.stopsAll()) {
                stopped = deal.outcome().orElseThrow();
            }
            outcomes[i] = deal.outcome().orElse(contact);
        }
    }
}
