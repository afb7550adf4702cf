package io.leadbridge.leads;

import io.leadbridge.connector.api.lead.Address;
import io.leadbridge.connector.api.lead.Condition;
import io.leadbridge.connector.api.lead.Customer;
import io.leadbridge.connector.api.lead.Interest;
import io.leadbridge.connector.api.lead.LeadRecord;
import io.leadbridge.connector.api.lead.OdometerUnit;
import io.leadbridge.connector.api.lead.Phone;
import io.leadbridge.connector.api.lead.PhoneType;
import io.leadbridge.connector.api.lead.TradeIn;
import io.leadbridge.connector.api.lead.VehicleOfInterest;
import io.leadbridge.leads.api.AddressBody;
import io.leadbridge.leads.api.CustomerBody;
import io.leadbridge.leads.api.LeadBody;
import io.leadbridge.leads.api.PhoneBody;
import io.leadbridge.leads.api.TradeInBody;
import io.leadbridge.leads.api.VehicleBody;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a stored (validated) lead into the connector API's {@link LeadRecord}, the unit the
 * delivery engine hands to plugins; field mappings of an integration apply after this. Stateless.
 */
public final class LeadRecords {

  private static final Map<String, PhoneType> PHONE_TYPES = Map.of(
      "cellphone", PhoneType.MOBILE, "mobile", PhoneType.MOBILE, "home", PhoneType.HOME,
      "work", PhoneType.WORK, "fax", PhoneType.FAX, "other", PhoneType.OTHER);

  /** The custom field a marked duplicate carries: the id of the first lead of the same shopper. */
  public static final String DUPLICATE_MARK = "leadbridgeDuplicateOf";

  private LeadRecords() {}

  /** The lead as connectors see it; its lead id is the idempotency key at the vendor. */
  public static LeadRecord of(Lead lead) {
    return builder(lead).build();
  }

  /**
   * The lead as an integration that marks duplicates sees it: with the custom field
   * {@link #DUPLICATE_MARK} naming the first lead of the same shopper; empty when it is no duplicate.
   */
  public static Optional<LeadRecord> markedDuplicate(Lead lead) {
    return lead.duplicateOf().map(first -> builder(lead).customField(DUPLICATE_MARK, first.toString()).build());
  }

  private static LeadRecord.Builder builder(Lead lead) {
    LeadBody body = lead.body();
    LeadRecord.Builder record = LeadRecord.builder()
        .leadId(lead.id())
        .externalId(body.externalId())
        .source(body.source())
        .receivedAt(lead.receivedAt())
        .customer(customer(body.customer()))
        .comments(body.comments());
    orEmpty(body.vehicles()).forEach(v -> record.vehicle(vehicle(v)));
    if (body.tradeIn() != null) {
      record.tradeIn(tradeIn(body.tradeIn()));
    }
    if (body.customFields() != null) {
      body.customFields().forEach(record::customField);
    }
    return record;
  }

  private static Customer customer(CustomerBody customer) {
    Customer.Builder out = Customer.builder().firstName(customer.firstName()).lastName(customer.lastName());
    orEmpty(customer.emails()).forEach(out::email);
    for (PhoneBody phone : orEmpty(customer.phones())) {
      out.phone(Phone.of(phone.number(), phone.type() == null ? PhoneType.OTHER : PHONE_TYPES.get(phone.type())));
    }
    AddressBody address = customer.address();
    if (address != null) {
      out.address(Address.builder().street(address.street()).city(address.city()).region(address.region())
          .postalCode(address.postalCode()).country(address.country()).build());
    }
    return out.build();
  }

  private static VehicleOfInterest vehicle(VehicleBody vehicle) {
    VehicleOfInterest.Builder out = VehicleOfInterest.builder()
        .vin(vehicle.vin() == null ? null : vehicle.vin().toUpperCase(Locale.ROOT))
        .year(vehicle.year())
        .make(vehicle.make())
        .model(vehicle.model())
        .trim(vehicle.trim());
    if (vehicle.interest() != null) {
      out.interest(Interest.valueOf(vehicle.interest().toUpperCase(Locale.ROOT)));
    }
    if (vehicle.condition() != null) {
      out.condition(Condition.valueOf(vehicle.condition().toUpperCase(Locale.ROOT)));
    }
    return out.build();
  }

  private static TradeIn tradeIn(TradeInBody tradeIn) {
    TradeIn.Builder out = TradeIn.builder().make(tradeIn.make()).model(tradeIn.model());
    if (tradeIn.year() != null) {
      out.year(tradeIn.year());
    }
    if (tradeIn.odometer() != null) {
      out.odometer(tradeIn.odometer(), "km".equals(tradeIn.odometerUnits()) ? OdometerUnit.KILOMETERS : OdometerUnit.MILES);
    }
    return out.build();
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
