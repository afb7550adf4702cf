package io.leadbridge.apilimits.internal;

/**
 * Whose budget a request spends: its tenant's (every key of a tenant together) or, for an operator,
 * its own key's, by the key's public id; immutable.
 */
enum CallerKind {
  TENANT("tenant", "this tenant"),
  OPERATOR_KEY("operator_key", "this operator key");

  private final String label;
  private final String inWords;

  CallerKind(String label, String inWords) {
    this.label = label;
    this.inWords = inWords;
  }

  /** The kind as stored in {@code api_request_counts.caller_kind} and named in metrics. */
  String label() {
    return label;
  }

  /** How a refusal's detail names the budget's owner. */
  String inWords() {
    return inWords;
  }
}
