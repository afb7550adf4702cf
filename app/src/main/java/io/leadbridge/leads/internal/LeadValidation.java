package io.leadbridge.leads.internal;

import io.leadbridge.errors.FieldError;
import io.leadbridge.leads.api.AddressBody;
import io.leadbridge.leads.api.CustomerBody;
import io.leadbridge.leads.api.LeadBody;
import io.leadbridge.leads.api.LeadFormats;
import io.leadbridge.leads.api.PhoneBody;
import io.leadbridge.leads.api.TradeInBody;
import io.leadbridge.leads.api.VehicleBody;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The intake rules of API.md for a parsed lead: every field at fault, by JSON path, in one pass.
 * Stateless and thread-safe.
 */
public final class LeadValidation {

  static final Pattern EMAIL = Pattern.compile(LeadFormats.EMAIL);
  static final Pattern E164 = Pattern.compile(LeadFormats.E164);
  static final Pattern VIN = Pattern.compile(LeadFormats.VIN);
  static final Pattern COUNTRY = Pattern.compile(LeadFormats.COUNTRY);
  static final Pattern CUSTOM_FIELD_NAME = Pattern.compile(LeadFormats.CUSTOM_FIELD_NAME);
  static final Set<String> PHONE_TYPES = Set.of("cellphone", "mobile", "home", "work", "fax", "other");
  static final Set<String> INTERESTS = Set.of("buy", "lease", "sell");
  static final Set<String> CONDITIONS = Set.of("new", "used");
  static final Set<String> ODOMETER_UNITS = Set.of("mi", "km");
  /** How far ahead of the hub's clock a tenant's {@code receivedAt} may be (clock skew). */
  static final Duration FUTURE_TOLERANCE = Duration.ofDays(1);

  private static final int NAME = LeadFormats.NAME;
  private static final int TEXT = LeadFormats.TEXT;

  private LeadValidation() {}

  /** Every broken rule of the lead; empty when the lead may be accepted at {@code now}. */
  public static List<FieldError> check(LeadBody lead, Instant now) {
    FieldChecks checks = new FieldChecks();
    checks.optionalText("externalId", lead.externalId(), TEXT);
    checks.optionalText("source", lead.source(), NAME);
    if (lead.receivedAt() != null && lead.receivedAt().isAfter(now.plus(FUTURE_TOLERANCE))) {
      checks.fail("receivedAt", "must not be in the future");
    }
    customer(checks, lead.customer());
    int latestYear = now.atZone(ZoneOffset.UTC).getYear() + 2;
    vehicles(checks, lead.vehicles(), latestYear);
    if (lead.tradeIn() != null) {
      tradeIn(checks, lead.tradeIn(), latestYear);
    }
    checks.optionalPlainText("comments", lead.comments(), LeadFormats.COMMENTS);
    customFields(checks, lead.customFields());
    return checks.errors();
  }

  private static void customer(FieldChecks checks, CustomerBody customer) {
    if (customer == null) {
      checks.fail("customer", "is required");
      return;
    }
    checks.optionalText("customer.firstName", customer.firstName(), NAME);
    checks.requiredText("customer.lastName", customer.lastName(), NAME);
    boolean hasEmails = checks.boundedList("customer.emails", customer.emails(), LeadFormats.MAX_CONTACTS);
    boolean hasPhones = checks.boundedList("customer.phones", customer.phones(), LeadFormats.MAX_CONTACTS);
    if (isEmpty(customer.emails()) && isEmpty(customer.phones())) {
      checks.fail("customer", "needs at least one e-mail or phone");
    }
    if (hasEmails) {
      for (int i = 0; i < customer.emails().size(); i++) {
        String email = customer.emails().get(i);
        String path = "customer.emails[" + i + "]";
        checks.requiredText(path, email, LeadFormats.EMAIL_LENGTH);
        checks.optionalFormat(path, email, EMAIL, "an e-mail address");
      }
    }
    if (hasPhones) {
      for (int i = 0; i < customer.phones().size(); i++) {
        phone(checks, customer.phones().get(i), "customer.phones[" + i + "]");
      }
    }
    if (customer.address() != null) {
      address(checks, customer.address());
    }
  }

  private static void phone(FieldChecks checks, PhoneBody phone, String path) {
    if (phone == null) {
      checks.fail(path, "is required");
      return;
    }
    checks.requiredText(path + ".number", phone.number(), 16);
    checks.optionalFormat(path + ".number", phone.number(), E164, "an E.164 number such as +15125550100");
    checks.optionalChoice(path + ".type", phone.type(), PHONE_TYPES);
  }

  private static void address(FieldChecks checks, AddressBody address) {
    checks.optionalText("customer.address.street", address.street(), TEXT);
    checks.optionalText("customer.address.city", address.city(), NAME);
    checks.optionalText("customer.address.region", address.region(), NAME);
    checks.optionalText("customer.address.postalCode", address.postalCode(), LeadFormats.POSTAL_CODE);
    checks.optionalFormat("customer.address.country", address.country(), COUNTRY,
        "an ISO 3166-1 alpha-2 code such as US");
  }

  private static void vehicles(FieldChecks checks, List<VehicleBody> vehicles, int latestYear) {
    if (isEmpty(vehicles)) {
      checks.fail("vehicles", "needs at least one vehicle");
      return;
    }
    if (!checks.boundedList("vehicles", vehicles, 20)) {
      return;
    }
    for (int i = 0; i < vehicles.size(); i++) {
      VehicleBody vehicle = vehicles.get(i);
      String path = "vehicles[" + i + "]";
      if (vehicle == null) {
        checks.fail(path, "is required");
        continue;
      }
      checks.optionalChoice(path + ".interest", vehicle.interest(), INTERESTS);
      checks.optionalChoice(path + ".condition", vehicle.condition(), CONDITIONS);
      checks.optionalFormat(path + ".vin", vehicle.vin(), VIN, "17 characters without I, O or Q");
      if (vehicle.year() == null) {
        checks.fail(path + ".year", "is required");
      }
      checks.optionalRange(path + ".year", vehicle.year(), LeadFormats.FIRST_MODEL_YEAR, latestYear);
      checks.requiredText(path + ".make", vehicle.make(), NAME);
      checks.requiredText(path + ".model", vehicle.model(), NAME);
      checks.optionalText(path + ".trim", vehicle.trim(), NAME);
    }
  }

  private static void tradeIn(FieldChecks checks, TradeInBody tradeIn, int latestYear) {
    checks.optionalRange("tradeIn.year", tradeIn.year(), LeadFormats.FIRST_MODEL_YEAR, latestYear);
    checks.optionalText("tradeIn.make", tradeIn.make(), NAME);
    checks.optionalText("tradeIn.model", tradeIn.model(), NAME);
    checks.optionalRange("tradeIn.odometer", tradeIn.odometer(), 0, LeadFormats.MAX_ODOMETER);
    checks.optionalChoice("tradeIn.odometerUnits", tradeIn.odometerUnits(), ODOMETER_UNITS);
    if (tradeIn.odometer() != null && tradeIn.odometerUnits() == null) {
      checks.fail("tradeIn.odometerUnits", "is required with an odometer reading");
    }
  }

  private static void customFields(FieldChecks checks, Map<String, String> fields) {
    if (fields == null) {
      return;
    }
    if (fields.size() > LeadFormats.MAX_CUSTOM_FIELDS) {
      checks.fail("customFields", "must have at most " + LeadFormats.MAX_CUSTOM_FIELDS + " entries");
      return;
    }
    for (Map.Entry<String, String> field : fields.entrySet()) {
      if (!CUSTOM_FIELD_NAME.matcher(field.getKey()).matches()) {
        checks.fail("customFields", "names must be 1-100 letters, digits, '_', '.' or '-'");
        continue;
      }
      String path = "customFields." + field.getKey();
      if (field.getValue() == null) {
        checks.fail(path, "is required");
      }
      checks.optionalPlainText(path, field.getValue(), LeadFormats.CUSTOM_FIELD_VALUE);
    }
  }

  private static boolean isEmpty(List<?> list) {
    return list == null || list.isEmpty();
  }
}
