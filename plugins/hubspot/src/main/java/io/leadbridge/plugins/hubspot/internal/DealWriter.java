package io.leadbridge.plugins.hubspot.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadbridge.connector.api.DeliveryOutcome;
import io.leadbridge.connector.api.http.VendorRequest;
import io.leadbridge.connector.api.http.VendorResponse;
import io.leadbridge.connector.api.lead.LeadRecord;
import io.leadbridge.connector.api.lead.VehicleOfInterest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Creates the deal of a lead, associated with its contact in the same request
 * ({@code POST /crm/v3/objects/deals} with {@code associations}, type 3 deal to contact;
 * VENDOR-API-FACTS §1.4). The deal carries the lead id in a unique property, so a second delivery
 * of the lead gets a 409 naming the existing deal, which counts as done: creation is idempotent.
 * One instance per call; used by one thread at a time.
 */
final class DealWriter {

    static final String PATH = "/crm/v3/objects/deals";

    private static final int DEAL_TO_CONTACT = 3;

    private final HubSpotApi api;
    private final HubSpotSettings settings;

    DealWriter(HubSpotApi api, HubSpotSettings settings) {
        this.api = api;
        this.settings = settings;
    }

    /**
     * A result of {@link #create}. Immutable and thread-safe.
     *
     * @param outcome  the lead's outcome if the deal is not there; empty when it is
     * @param stopsAll whether the outcome is about the whole call (rate limit, token, HubSpot
     *                 down), so no further deal should be tried
     */
    record Result(Optional<DeliveryOutcome> outcome, boolean stopsAll) {

        static final Result DONE = new Result(Optional.empty(), false);
    }

    Result create(LeadRecord lead, String contactId) {
        HubSpotApi.Result sent = api.send(VendorRequest.post(PATH).jsonBody(body(lead, contactId)), "deal_create");
        if (sent instanceof HubSpotApi.Unanswered unanswered) {
            return new Result(Optional.of(unanswered.outcome()), true);
        }
        VendorResponse response = ((HubSpotApi.Answered) sent).response();
        if (response.isSuccess()) {
            return Result.DONE;
        }
        if (response.status() == 409) {
            return Result.DONE;
        }
        HubSpotError error = HubSpotError.of(response.status(), Json.read(response));
        Optional<DeliveryOutcome> forAll = api.outcomeForAll(response, error);
        if (forAll.isPresent()) {
            return new Result(forAll, true);
        }
        return new Result(Optional.of(RecordErrors.outcomeOf(error, settings.dealIdProperty(), "deal")), false);
    }

    private String body(LeadRecord lead, String contactId) {
        ObjectNode body = Json.object();
        ObjectNode properties = body.putObject("properties");
        properties.put("dealname", dealName(lead));
        properties.put("pipeline", settings.dealPipeline());
        properties.put("dealstage", settings.dealStage());
        properties.put(settings.dealIdProperty(), lead.leadId().toString());
        lead.comments().ifPresent(comments -> properties.put("description", comments));
        ObjectNode association = body.putArray("associations").addObject();
        association.putObject("to").put("id", contactId);
        association.putArray("types").addObject()
                .put("associationCategory", "HUBSPOT_DEFINED")
                .put("associationTypeId", DEAL_TO_CONTACT);
        return Json.write(body);
    }

    /** Such as {@code Dana Reyes - 2021 Honda Accord EX}; {@code Leadbridge lead} when nothing is known. */
    static String dealName(LeadRecord lead) {
        List<String> person = new ArrayList<>();
        lead.customer().firstName().ifPresent(person::add);
        lead.customer().lastName().ifPresent(person::add);
        Optional<String> vehicle = lead.vehicles().stream().findFirst().map(DealWriter::vehicleName)
                .filter(name -> !name.isEmpty());
        String who = person.isEmpty() ? "Leadbridge lead" : String.join(" ", person);
        return vehicle.map(name -> who + " - " + name).orElse(who);
    }

    private static String vehicleName(VehicleOfInterest vehicle) {
        List<String> parts = new ArrayList<>();
        OptionalInt year = vehicle.year();
        year.ifPresent(value -> parts.add(Integer.toString(value)));
        vehicle.make().ifPresent(parts::add);
        vehicle.model().ifPresent(parts::add);
        vehicle.trim().ifPresent(parts::add);
        return String.join(" ", parts);
    }
}
