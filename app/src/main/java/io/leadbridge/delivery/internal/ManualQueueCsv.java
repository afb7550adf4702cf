package io.leadbridge.delivery.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Writes manual-queue entries as CSV (RFC 4180) for dealership staff's spreadsheets. Cells that a
 * spreadsheet would run as a formula (starting with {@code = + - @}, tab or CR) are prefixed with
 * an apostrophe, since lead fields come from web forms. Stateless.
 */
public final class ManualQueueCsv {

  /** The header line. */
  public static final String HEADER = "delivery_id,lead_id,external_id,connector,integration_id,reason_code,"
      + "reason,queued_at,first_name,last_name,emails,phones,vehicles,comments\r\n";

  private ManualQueueCsv() {}

  /** One entry as a CSV line (with CRLF). */
  public static String line(DeliveryRow row, Optional<String> externalId, JsonNode lead) {
    JsonNode customer = lead.path("customer");
    List<String> cells = new ArrayList<>();
    cells.add(row.id().toString());
    cells.add(row.leadId().toString());
    cells.add(externalId.orElse(""));
    cells.add(orEmpty(row.connectorId()));
    cells.add(row.integrationId().toString());
    cells.add(orEmpty(row.queueReasonCode()));
    cells.add(orEmpty(row.queueReasonMessage()));
    cells.add(row.updatedAt().toString());
    cells.add(customer.path("firstName").asText(""));
    cells.add(customer.path("lastName").asText(""));
    cells.add(joined(customer.path("emails"), node -> node.asText("")));
    cells.add(joined(customer.path("phones"), node -> node.path("number").asText("")));
    cells.add(joined(lead.path("vehicles"), ManualQueueCsv::vehicle));
    cells.add(lead.path("comments").asText(""));
    return cells.stream().map(ManualQueueCsv::cell).collect(Collectors.joining(",", "", "\r\n"));
  }

  static String cell(String value) {
    String safe = value;
    if (!safe.isEmpty() && "=+-@\t\r".indexOf(safe.charAt(0)) >= 0) {
      safe = "'" + safe;
    }
    if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
      return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
    return safe;
  }

  private static String vehicle(JsonNode vehicle) {
    return String.join(" ", List.of(vehicle.path("year").asText(""), vehicle.path("make").asText(""),
        vehicle.path("model").asText(""), vehicle.path("vin").asText(""))).strip().replaceAll(" +", " ");
  }

  private static String joined(JsonNode array, Function<JsonNode, String> part) {
    return StreamSupport.stream(array.spliterator(), false).map(part).filter(s -> !s.isEmpty())
        .collect(Collectors.joining("; "));
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
