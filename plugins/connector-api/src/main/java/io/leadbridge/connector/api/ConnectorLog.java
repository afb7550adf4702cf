package io.leadbridge.connector.api;

/**
 * The plugin's only logger; exists so that plugins need no logging library and cannot put secrets
 * or unchecked text into the host's logs. Implemented by the host; thread-safe.
 *
 * <p>Messages are parameterised as in SLF4J: each {@code {}} in the format is replaced by the next
 * argument. A {@link Throwable} as the last argument without a placeholder is logged as the cause.
 * The host:
 * <ul>
 *   <li>renders the arguments itself, adds the connector id, tenant id and integration id, and
 *       removes line breaks (no forged log lines);</li>
 *   <li>redacts anything credential-like: values of the integration's credential fields, bearer
 *       and basic authorization values, strings shaped like tokens or keys, also inside exception
 *       messages;</li>
 *   <li>caps the length of a rendered message.</li>
 * </ul>
 * There is no way to reach a secret through this interface, and redaction is a safety net, not a
 * licence: do not log secrets, lead contents (pass a {@link io.leadbridge.connector.api.lead.LeadRecord},
 * which prints only its id), request or response bodies, or query strings.
 */
public interface ConnectorLog {

    /**
     * @param format the message, with {@code {}} placeholders
     * @param args   the values for the placeholders
     */
    void debug(String format, Object... args);

    /**
     * @param format the message, with {@code {}} placeholders
     * @param args   the values for the placeholders
     */
    void info(String format, Object... args);

    /**
     * @param format the message, with {@code {}} placeholders
     * @param args   the values for the placeholders
     */
    void warn(String format, Object... args);

    /**
     * @param format the message, with {@code {}} placeholders
     * @param args   the values for the placeholders
     */
    void error(String format, Object... args);
}
