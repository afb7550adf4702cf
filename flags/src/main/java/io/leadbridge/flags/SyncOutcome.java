package io.leadbridge.flags;

/**
 * How a {@link FlagSyncRunner} run ended, so a command line can pick its exit status without parsing
 * output. Immutable and thread-safe.
 */
public enum SyncOutcome {
  /** The server already matched the catalog (server-only flags kept without prune count as a match). */
  UP_TO_DATE,
  /** Dry run: changes were found and shown, nothing was changed. */
  CHANGES_PLANNED,
  /** Changes were applied. */
  CHANGES_APPLIED,
  /** The sync could not finish; the reason was written to the output. */
  FAILED
}
