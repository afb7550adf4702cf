package io.leadbridge.leads;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The table of bad lead bodies and what the API must answer to each; immutable. */
final class BadLeads {

  private static final ObjectMapper JSON = new ObjectMapper();

  private BadLeads() {}

  /**
   * One bad body.
   *
   * @param fields the JSON paths the answer must name, exactly
   */
  record Case(String name, String body, int status, String code, List<String> fields) {}

  static List<Case> all() {
    List<Case> cases = new ArrayList<>();
    cases.add(invalid("no customer", l -> l.remove("customer"), "customer"));
    cases.add(invalid("no e-mail and no phone", l -> {
      customer(l).remove("emails");
      customer(l).remove("phones");
    }, "customer"));
    cases.add(invalid("empty e-mail and phone lists", l -> {
      customer(l).putArray("emails");
      customer(l).putArray("phones");
    }, "customer"));
    cases.add(invalid("no last name", l -> customer(l).remove("lastName"), "customer.lastName"));
    cases.add(invalid("blank last name", l -> customer(l).put("lastName", "  "), "customer.lastName"));
    cases.add(invalid("bad e-mail", l -> customer(l).putArray("emails").add("dana.example.com"), "customer.emails[0]"));
    cases.add(invalid("second e-mail bad", l -> customer(l).putArray("emails").add("dana@example.com").add("dana@"),
        "customer.emails[1]"));
    cases.add(invalid("phone not E.164", l -> phone(l).put("number", "512-555-0100"), "customer.phones[0].number"));
    cases.add(invalid("phone type unknown", l -> phone(l).put("type", "pager"), "customer.phones[0].type"));
    cases.add(invalid("country not ISO", l -> ((ObjectNode) customer(l).get("address")).put("country", "USA"),
        "customer.address.country"));
    cases.add(invalid("no vehicles", l -> l.remove("vehicles"), "vehicles"));
    cases.add(invalid("empty vehicles", l -> l.putArray("vehicles"), "vehicles"));
    cases.add(invalid("vehicle without year, make, model", l -> {
      vehicle(l).remove("year");
      vehicle(l).remove("make");
      vehicle(l).remove("model");
    }, "vehicles[0].year", "vehicles[0].make", "vehicles[0].model"));
    cases.add(invalid("VIN with an I", l -> vehicle(l).put("vin", "1HGCM82633A00435I"), "vehicles[0].vin"));
    cases.add(invalid("VIN of 16 characters", l -> vehicle(l).put("vin", "1HGCM82633A00435"), "vehicles[0].vin"));
    cases.add(invalid("year 1850", l -> vehicle(l).put("year", 1850), "vehicles[0].year"));
    cases.add(invalid("year 3021", l -> vehicle(l).put("year", 3021), "vehicles[0].year"));
    cases.add(invalid("trade-in odometer negative", l -> ((ObjectNode) l.get("tradeIn")).put("odometer", -1),
        "tradeIn.odometer"));
    cases.add(invalid("odometer without units", l -> ((ObjectNode) l.get("tradeIn")).remove("odometerUnits"),
        "tradeIn.odometerUnits"));
    cases.add(invalid("last name too long", l -> customer(l).put("lastName", "R".repeat(101)), "customer.lastName"));
    cases.add(invalid("comments too long", l -> l.put("comments", "c".repeat(4001)), "comments"));
    cases.add(invalid("external id too long", l -> l.put("externalId", "e".repeat(201)), "externalId"));
    cases.add(invalid("custom field too long", l -> ((ObjectNode) l.get("customFields")).put("campaign", "x".repeat(1001)),
        "customFields.campaign"));
    cases.add(invalid("NUL in the external id", l -> l.put("externalId", "web" + (char) 0 + "1"), "externalId"));
    cases.add(invalid("bidi override in a last name", l -> customer(l).put("lastName", "Rivera\u202Eexe.vnc"),
        "customer.lastName"));
    cases.add(invalid("zero-width space in a first name", l -> customer(l).put("firstName", "Da\u200Bna"),
        "customer.firstName"));
    cases.add(invalid("zero-width joiner in an e-mail", l -> customer(l).putArray("emails").add("da\u200Dna@example.com"),
        "customer.emails[0]"));
    cases.add(invalid("line feed in a make", l -> vehicle(l).put("make", "Honda\nToyota"), "vehicles[0].make"));
    cases.add(invalid("line separator in a city", l -> ((ObjectNode) customer(l).get("address")).put("city", "Austin\u2028TX"),
        "customer.address.city"));
    cases.add(invalid("bell character in the comments", l -> l.put("comments", "call me\u0007"), "comments"));
    cases.add(invalid("isolate in a custom field", l -> ((ObjectNode) l.get("customFields")).put("campaign", "\u2067x"),
        "customFields.campaign"));
    cases.add(invalid("received in the future", l -> l.put("receivedAt", "2999-01-01T00:00:00Z"), "receivedAt"));
    cases.add(invalid("everything wrong at once", l -> {
      customer(l).remove("lastName");
      customer(l).putArray("emails").add("nope");
      vehicle(l).put("vin", "OOOOOOOOOOOOOOOOO");
    }, "customer.lastName", "customer.emails[0]", "vehicles[0].vin"));
    cases.add(badJson("year is text", l -> vehicle(l).put("year", "twenty-one"), "invalid_json", "vehicles[0].year"));
    cases.add(badJson("emails is a string", l -> customer(l).put("emails", "dana@example.com"), "invalid_json",
        "customer.emails"));
    cases.add(badJson("customer is a list", l -> l.putArray("customer"), "invalid_json", "customer"));
    cases.add(badJson("receivedAt is not a time", l -> l.put("receivedAt", "yesterday"), "invalid_json", "receivedAt"));
    cases.add(badJson("unknown top-level field", l -> l.put("priority", "high"), "unknown_field", "priority"));
    cases.add(badJson("unknown nested field", l -> customer(l).put("ssn", "000-00-0000"), "unknown_field",
        "customer.ssn"));
    cases.add(badJson("year with a fraction", l -> vehicle(l).put("year", 2020.5), "invalid_json", "vehicles[0].year"));
    // Jackson would let the last one win: a client that sent two values must not get one of them silently.
    cases.add(new Case("a field twice at the top", changed(l -> { }).replaceFirst("\\{", "{\"externalId\":\"other\","),
        400, "duplicate_field", List.of("body")));
    cases.add(new Case("a field twice in a vehicle",
        changed(l -> { }).replace("\"vehicles\":[{", "\"vehicles\":[{\"model\":\"Civic\","), 400, "duplicate_field",
        List.of("vehicles[0]")));
    cases.add(new Case("a custom field twice", changed(l -> { }).replace("\"customFields\":{",
        "\"customFields\":{\"campaign\":\"other\","), 400, "duplicate_field", List.of("customFields")));
    cases.add(new Case("not JSON", "this is not json", 400, "malformed_json", List.of()));
    cases.add(new Case("truncated JSON", "{\"customer\": {", 400, "invalid_json", List.of("customer")));
    cases.add(new Case("a JSON array", "[]", 400, "malformed_json", List.of()));
    cases.add(new Case("empty body", "", 422, "validation_failed", List.of("body")));
    cases.add(new Case("JSON null", "null", 422, "validation_failed", List.of("body")));
    cases.add(new Case("empty object", "{}", 422, "validation_failed", List.of("customer", "vehicles")));
    return cases;
  }

  private static Case invalid(String name, Consumer<ObjectNode> change, String... fields) {
    return new Case(name, changed(change), 422, "validation_failed", List.of(fields));
  }

  private static Case badJson(String name, Consumer<ObjectNode> change, String code, String field) {
    return new Case(name, changed(change), 400, code, List.of(field));
  }

  private static String changed(Consumer<ObjectNode> change) {
    try {
      ObjectNode lead = (ObjectNode) JSON.readTree(LeadsTest.API_MD_LEAD);
      change.accept(lead);
      return JSON.writeValueAsString(lead);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode customer(ObjectNode lead) {
    return (ObjectNode) lead.get("customer");
  }

  private static ObjectNode phone(ObjectNode lead) {
    return (ObjectNode) ((ArrayNode) customer(lead).get("phones")).get(0);
  }

  private static ObjectNode vehicle(ObjectNode lead) {
    return (ObjectNode) ((ArrayNode) lead.get("vehicles")).get(0);
  }
}
