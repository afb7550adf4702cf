package io.leadbridge.plugins.hubspot.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadbridge.connector.api.DeliveryOutcome;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code POST /crm/v3/objects/contacts/batch/upsert} for up to 100 leads (VENDOR-API-FACTS
 * §1.2): its body, and the reading of a 200 or 207 answer into one outcome per lead, matched by
 * {@code objectWriteTraceId} (the lead id), else by the id property's value. Stateless and
 * thread-safe.
 */
final class ContactUpsert {

    static final String PATH = "/crm/v3/objects/contacts/batch/upsert";

    private ContactUpsert() {
    }

    static String body(List<PendingLead> leads, String idProperty) {
        if (leads.size() > HubSpotDescriptor.MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("HubSpot takes at most " + HubSpotDescriptor.MAX_BATCH_SIZE + " inputs");
        }
        ObjectNode body = Json.object();
        ArrayNode inputs = body.putArray("inputs");
        for (PendingLead lead : leads) {
            ObjectNode input = inputs.addObject();
            input.put("idProperty", idProperty);
            input.put("id", lead.idValue());
            input.put("objectWriteTraceId", lead.traceId());
            ObjectNode properties = input.putObject("properties");
            lead.properties().forEach(properties::put);
        }
        return Json.write(body);
    }

    /**
     * @param leads      the leads sent, in order
     * @param answer     the 2xx answer's body
     * @param idProperty the property the upsert was keyed by
     * @return one outcome per lead sent, by batch index
     */
    static Map<Integer, DeliveryOutcome> outcomes(List<PendingLead> leads, JsonNode answer, String idProperty) {
        Map<String, PendingLead> byTrace = new HashMap<>();
        Map<String, PendingLead> byKey = new HashMap<>();
        leads.forEach(lead -> {
            byTrace.put(lead.traceId(), lead);
            byKey.put(lead.key(), lead);
        });
        Map<Integer, DeliveryOutcome> outcomes = new HashMap<>();
        for (JsonNode result : answer.path("results")) {
            String id = Json.text(result, "id");
            Optional<PendingLead> lead = Optional.ofNullable(byTrace.get(Json.text(result, "objectWriteTraceId")))
                    .or(() -> Optional.ofNullable(byKey.get(
                            Json.text(result.path("properties"), idProperty).toLowerCase(Locale.ROOT))));
            if (lead.isPresent() && !id.isBlank() && id.length() <= DeliveryOutcome.MAX_REMOTE_ID_LENGTH) {
                outcomes.put(lead.get().index(), result.path("new").asBoolean(false)
                        ? DeliveryOutcome.created(id) : DeliveryOutcome.updated(id));
            }
        }
        for (JsonNode entry : answer.path("errors")) {
            DeliveryOutcome outcome = RecordErrors.outcomeOf(HubSpotError.of(0, entry), idProperty, "contact");
            JsonNode context = entry.path("context");
            Json.texts(context, "objectWriteTraceId").forEach(trace ->
                    Optional.ofNullable(byTrace.get(trace)).ifPresent(lead -> outcomes.put(lead.index(), outcome)));
            Json.texts(context, "id").forEach(key -> Optional.ofNullable(byKey.get(key.toLowerCase(Locale.ROOT)))
                    .ifPresent(lead -> outcomes.putIfAbsent(lead.index(), outcome)));
        }
        for (PendingLead lead : leads) {
            outcomes.putIfAbsent(lead.index(),
                    DeliveryOutcome.retryable("HubSpot's answer named no result and no error for this lead"));
        }
        return outcomes;
    }
}
