package io.leadbridge.simulators.adf;

import java.util.List;
import java.util.Map;

/**
 * One lead the ADF receiver created, as a CRM would show it; immutable.
 *
 * @param ids the prospect's ids by source (Leadbridge's lead id under {@code Leadbridge})
 * @param status the prospect's {@code status}: {@code new} or {@code resend}
 * @param parsed false for a document the receiver could not parse (lenient mode keeps it, unparsed)
 * @param names the contact's names by {@code part}
 * @param vehicles each vehicle as {@code interest status year make model}
 * @param problems what strict ADF 1.0 finds wrong with it (empty when it is strictly valid)
 * @param raw the body as received
 */
public record ReceivedLead(
    Map<String, String> ids,
    String status,
    boolean parsed,
    Map<String, String> names,
    List<String> emails,
    List<String> phones,
    List<String> vehicles,
    String comments,
    String vendorName,
    String providerName,
    String requestDate,
    List<String> problems,
    String raw) {}
