package io.leadbridge.plugins.adf.internal;

import io.leadbridge.connector.api.lead.Address;
import io.leadbridge.connector.api.lead.Condition;
import io.leadbridge.connector.api.lead.Customer;
import io.leadbridge.connector.api.lead.Interest;
import io.leadbridge.connector.api.lead.LeadRecord;
import io.leadbridge.connector.api.lead.OdometerUnit;
import io.leadbridge.connector.api.lead.Phone;
import io.leadbridge.connector.api.lead.TradeIn;
import io.leadbridge.connector.api.lead.VehicleOfInterest;
import java.io.ByteArrayOutputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes one lead as an ADF 1.0 document (UTF-8) with the JDK's XML writer, which escapes
 * {@code &}, {@code <} and quotes, so no lead text can break the document or add elements to it.
 * The Leadbridge lead id is the prospect's {@code <id source="Leadbridge">}, the CRM's dedupe key; a
 * redelivery is {@code status="resend"}.
 * Stateless and thread-safe.
 */
public final class AdfDocument {

    /** The {@code source} of the prospect's id. */
    public static final String ID_SOURCE = "Leadbridge";

    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();
    private static final DateTimeFormatter REQUEST_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private AdfDocument() {
    }

    /**
     * Who the dealership is and how dates are written: from the integration's settings.
     *
     * @param dealershipName the {@code vendorname}
     * @param dealershipContact the name in the vendor's contact
     * @param dealershipEmail the e-mail in the vendor's contact
     * @param providerName the provider when the lead names no source
     * @param zone the zone of {@code requestdate}
     */
    public record Vendor(String dealershipName, String dealershipContact, String dealershipEmail,
            String providerName, ZoneId zone) {
    }

    /** The document for {@code lead}. */
    public static byte[] write(LeadRecord lead, Vendor vendor) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XML.createXMLStreamWriter(bytes, "UTF-8");
            Indented out = new Indented(xml);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeProcessingInstruction("adf", "version=\"1.0\"");
            out.start("adf");
            // resend: an earlier attempt may have arrived; the CRM dedupes on the id below either way.
            out.start("prospect", "status", lead.redelivery() ? "resend" : "new");
            out.text("id", lead.leadId().toString(), "sequence", "1", "source", ID_SOURCE);
            out.text("requestdate", REQUEST_DATE.format(lead.receivedAt().atZone(vendor.zone())));
            for (VehicleOfInterest vehicle : lead.vehicles()) {
                vehicle(out, vehicle);
            }
            if (lead.vehicles().isEmpty()) {
                // ADF requires a vehicle; the hub's intake always has one, an old stored lead may not.
                out.start("vehicle");
                out.text("year", "");
                out.text("make", "");
                out.text("model", "");
                out.end();
            }
            lead.tradeIn().ifPresent(tradeIn -> tradeIn(out, tradeIn));
            customer(out, lead);
            vendor(out, vendor);
            out.start("provider");
            out.text("name", lead.source().orElse(vendor.providerName()), "part", "full");
            out.text("service", ID_SOURCE);
            out.end();
            out.end();
            out.end();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the XML writer failed on an in-memory document", e);
        }
        return bytes.toByteArray();
    }

    private static void vehicle(Indented out, VehicleOfInterest vehicle) throws XMLStreamException {
        out.start("vehicle", "interest", interest(vehicle.interest()), "status",
                vehicle.condition().orElse(Condition.NEW) == Condition.USED ? "used" : "new");
        out.text("year", vehicle.year().isPresent() ? Integer.toString(vehicle.year().getAsInt()) : "");
        out.text("make", vehicle.make().orElse(""));
        out.text("model", vehicle.model().orElse(""));
        out.optional("vin", vehicle.vin());
        out.optional("trim", vehicle.trim());
        out.end();
    }

    private static String interest(Optional<Interest> interest) {
        return interest.orElse(Interest.BUY).name().toLowerCase(Locale.ROOT);
    }

    private static void tradeIn(Indented out, TradeIn tradeIn) {
        try {
            out.start("vehicle", "interest", "trade-in", "status", "used");
            out.text("year", tradeIn.year().isPresent() ? Integer.toString(tradeIn.year().getAsInt()) : "");
            out.text("make", tradeIn.make().orElse(""));
            out.text("model", tradeIn.model().orElse(""));
            if (tradeIn.odometer().isPresent()) {
                String units = tradeIn.odometerUnit().orElse(OdometerUnit.MILES) == OdometerUnit.KILOMETERS ? "km" : "mi";
                out.text("odometer", Long.toString(tradeIn.odometer().getAsLong()), "units", units);
            }
            out.end();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the XML writer failed on an in-memory document", e);
        }
    }

    private static void customer(Indented out, LeadRecord lead) throws XMLStreamException {
        Customer customer = lead.customer();
        out.start("customer");
        out.start("contact");
        customer.firstName().ifPresent(first -> out.quietly("name", first, "part", "first"));
        customer.lastName().ifPresent(last -> out.quietly("name", last, "part", "last"));
        if (customer.firstName().isEmpty() && customer.lastName().isEmpty()) {
            out.text("name", "", "part", "full");
        }
        if (!customer.emails().isEmpty()) {
            out.text("email", customer.emails().get(0));
        }
        for (Phone phone : customer.phones()) {
            out.text("phone", phone.number(), "type", phoneType(phone));
        }
        if (customer.emails().isEmpty() && customer.phones().isEmpty()) {
            out.text("phone", "");
        }
        customer.address().ifPresent(address -> address(out, address));
        out.end();
        String comments = comments(lead);
        if (!comments.isEmpty()) {
            out.text("comments", comments);
        }
        out.end();
    }

    private static String phoneType(Phone phone) {
        return switch (phone.type()) {
            case MOBILE -> "cellphone";
            case FAX -> "fax";
            default -> "voice";
        };
    }

    private static void address(Indented out, Address address) {
        try {
            out.start("address");
            out.text("street", address.street().orElse(""), "line", "1");
            out.optional("city", address.city());
            out.optional("regioncode", address.region());
            out.optional("postalcode", address.postalCode());
            out.optional("country", address.country());
            out.end();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the XML writer failed on an in-memory document", e);
        }
    }

    /** The lead's comments, then what ADF has no element for: further e-mails and the custom fields. */
    private static String comments(LeadRecord lead) {
        List<String> lines = new ArrayList<>();
        lead.comments().ifPresent(lines::add);
        List<String> emails = lead.customer().emails();
        if (emails.size() > 1) {
            lines.add("Other e-mails: " + String.join(", ", emails.subList(1, emails.size())));
        }
        for (Map.Entry<String, String> field : lead.customFields().entrySet()) {
            lines.add(field.getKey() + ": " + field.getValue());
        }
        return String.join("\n", lines);
    }

    private static void vendor(Indented out, Vendor vendor) throws XMLStreamException {
        out.start("vendor");
        out.text("vendorname", vendor.dealershipName());
        out.start("contact");
        out.text("name", vendor.dealershipContact(), "part", "full");
        out.text("email", vendor.dealershipEmail());
        out.end();
        out.end();
    }

    /** Elements on lines of their own, indented by depth; texts made writable first. Not thread-safe. */
    private static final class Indented {

        private final XMLStreamWriter xml;
        private int depth;

        Indented(XMLStreamWriter xml) {
            this.xml = xml;
        }

        void start(String element, String... attributes) throws XMLStreamException {
            newline();
            xml.writeStartElement(element);
            attributes(attributes);
            depth++;
        }

        void end() throws XMLStreamException {
            depth--;
            newline();
            xml.writeEndElement();
        }

        void text(String element, String text, String... attributes) throws XMLStreamException {
            newline();
            xml.writeStartElement(element);
            attributes(attributes);
            xml.writeCharacters(XmlText.writable(text));
            xml.writeEndElement();
        }

        void optional(String element, Optional<String> text) throws XMLStreamException {
            if (text.isPresent()) {
                text(element, text.get());
            }
        }

        /** {@link #text} for lambdas, which cannot throw the writer's checked exception. */
        void quietly(String element, String text, String... attributes) {
            try {
                text(element, text, attributes);
            } catch (XMLStreamException e) {
                throw new IllegalStateException("the XML writer failed on an in-memory document", e);
            }
        }

        private void attributes(String... attributes) throws XMLStreamException {
            for (int i = 0; i < attributes.length; i += 2) {
                xml.writeAttribute(attributes[i], XmlText.writable(attributes[i + 1]));
            }
        }

        private void newline() throws XMLStreamException {
            xml.writeCharacters("\n" + "  ".repeat(depth));
        }
    }
}
