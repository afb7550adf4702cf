package io.leadbridge.connector.api;

/**
 * The answer to {@link CrmConnector#check}: can this integration reach its vendor with its
 * credentials and settings? Immutable and thread-safe.
 *
 * <p>The detail is shown to the tenant as it is ({@code POST .../check} answers
 * {@code {"ok", "detail"}}) and logged: it must not contain secrets or personal data. Details
 * longer than {@value DeliveryOutcome#MAX_TEXT_LENGTH} characters are cut.
 *
 * @param ok     whether the check passed
 * @param detail what was checked or what went wrong, for a person; not blank
 */
public record CheckResult(boolean ok, String detail) {

    /**
     * Validates the components.
     *
     * @param ok whether the check passed
     * @param detail what was checked or what went wrong; cut if too long
     */
    public CheckResult {
        detail = Checks.cut(detail, "detail", DeliveryOutcome.MAX_TEXT_LENGTH);
    }

    /**
     * @param detail what was checked, such as {@code "Connected to HubSpot portal 4412"}
     * @return a passed check
     */
    public static CheckResult success(String detail) {
        return new CheckResult(true, detail);
    }

    /**
     * @param detail what went wrong, such as {@code "HubSpot rejected the access token (401)"}
     * @return a failed check
     */
    public static CheckResult failure(String detail) {
        return new CheckResult(false, detail);
    }
}
