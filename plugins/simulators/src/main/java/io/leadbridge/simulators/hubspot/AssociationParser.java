package io.leadbridge.simulators.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads create-with-associations input and checks HubSpot's default type ids (deal→contact 3, contact→deal 4); stateless, so thread-safe. */
final class AssociationParser {
  private static final String HUBSPOT_DEFINED = "HUBSPOT_DEFINED";
  private static final int DEAL_TO_CONTACT = 3;
  private static final int CONTACT_TO_DEAL = 4;

  private AssociationParser() {}

  static List<SimulatedAssociation> parse(JsonNode body, HubSpotObjectType fromType, Portal portal) {
    JsonNode associations = body.path("associations");
    List<SimulatedAssociation> parsed = new ArrayList<>();
    if (associations.isMissingNode() || associations.isNull()) {
      return parsed;
    }
    if (!associations.isArray()) {
      throw HubSpotApiException.validation("Invalid input JSON: associations must be an array");
    }
    for (JsonNode association : associations) {
      String toId = association.path("to").path("id").asText("");
      for (JsonNode type : association.path("types")) {
        parsed.add(parseOne(fromType, toId, type, portal));
      }
    }
    return parsed;
  }

  private static SimulatedAssociation parseOne(
      HubSpotObjectType fromType, String toId, JsonNode type, Portal portal) {
    String category = type.path("associationCategory").asText("");
    int typeId = type.path("associationTypeId").asInt(-1);
    HubSpotObjectType toType = targetType(fromType, typeId);
    if (!HUBSPOT_DEFINED.equals(category) || toType == null) {
      throw invalid(
          "Association type " + category + "/" + typeId + " is not valid from " + fromType.pathName(), toId);
    }
    if (portal.store(toType).get(toId).isEmpty()) {
      throw invalid("No " + toType.pathName() + " with ID " + toId + " exist", toId);
    }
    return new SimulatedAssociation(toType.pathName(), toId, category, typeId);
  }

  private static HubSpotObjectType targetType(HubSpotObjectType fromType, int typeId) {
    if (fromType == HubSpotObjectType.DEALS && typeId == DEAL_TO_CONTACT) {
      return HubSpotObjectType.CONTACTS;
    }
    if (fromType == HubSpotObjectType.CONTACTS && typeId == CONTACT_TO_DEAL) {
      return HubSpotObjectType.DEALS;
    }
    return null;
  }

  private static HubSpotApiException invalid(String message, String toId) {
    Map<String, Object> detail = Map.of("message", message, "code", "INVALID_ASSOCIATION", "in", "associations");
    return new HubSpotApiException(
        400, "VALIDATION_ERROR", "Invalid associations. Target: " + toId, List.of(detail));
  }
}
