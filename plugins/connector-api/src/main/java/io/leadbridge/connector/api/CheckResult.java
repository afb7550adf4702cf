package io.leadbridge.connector.api;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The answer to {@link CrmConnector#check}: can this integration reach its vendor with its
 * credentials and settings, and which vendor account do those credentials spend? Immutable and
 * thread-safe.
 *
 * <p>The detail is shown to the tenant as it is ({@code POST .../check} answers
 * {@code {"ok", "detail"}}) and logged: it must not contain secrets or personal data. Details
 * longer than {@value DeliveryOutcome#MAX_TEXT_LENGTH} characters are cut.
 *
 * <p><b>The account.</b> A vendor's rate limits belong to an account (a HubSpot portal, a
 * Salesforce org, a Pipedrive company), and several integrations — the rooftops of one dealer
 * group — may spend the same one. A passed check that names the account (as the vendor itself
 * reported it, never as a setting the tenant typed) lets the host pace every integration and every
 * node on that account against one shared budget. Without it, each integration is paced as an
 * account of its own.
 *
 * @param ok      whether the check passed
 * @param detail  what was checked or what went wrong, for a person; not blank
 * @param account the vendor account the credentials spend, such as {@code "portal:4412"}; only on a
 *                passed check; 1 to {@value #MAX_ACCOUNT_LENGTH} printable ASCII characters, no
 *                spaces
 */
public record CheckResult(boolean ok, String detail, Optional<String> account) {

    /** The longest account name. */
    public static final int MAX_ACCOUNT_LENGTH = 200;

    private static final Pattern ACCOUNT = Pattern.compile("[\\x21-\\x7e]{1," + MAX_ACCOUNT_LENGTH + "}");

    /**
     * Validates the components.
     *
     * @param ok      whether the check passed
     * @param detail  what was checked or what went wrong; cut if too long
     * @param account the vendor account, if the check learned it
     */
    public CheckResult {
        detail = Checks.cut(detail, "detail", DeliveryOutcome.MAX_TEXT_LENGTH);
        Objects.requireNonNull(account, "account");
        if (account.isPresent() && !ACCOUNT.matcher(account.get()).matches()) {
            throw new IllegalArgumentException("account must be 1-" + MAX_ACCOUNT_LENGTH
                    + " printable ASCII characters without spaces");
        }
        if (account.isPresent() && !ok) {
            throw new IllegalArgumentException("only a passed check names an account");
        }
    }

    /**
     * A result that names no account.
     *
     * @param ok     whether the check passed
     * @param detail what was checked or what went wrong
     */
    public CheckResult(boolean ok, String detail) {
        this(ok, detail, Optional.empty());
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

    /**
     * @param vendorAccount the account the credentials spend, as the vendor reported it
     * @return a copy of this passed check naming the account
     * @since 1.2.0
     */
    public CheckResult withAccount(String vendorAccount) {
        return new CheckResult(ok, detail, Optional.of(Objects.requireNonNull(vendorAccount, "vendorAccount")));
    }
}
