package io.leadbridge.leads.internal;

import io.leadbridge.errors.FieldError;
import io.leadbridge.leads.api.AddressBody;
import io.leadbridge.leads.api.CustomerBody;
import io.leadbridge.leads.api.LeadBody;
import io.leadbridge.leads.api.LeadFormats;
import io.leadbridge.leads.api.PhoneBody;
import io.leadbridge.leads.api.TradeInBody;
import io.leadbridge.leads.api.VehicleBody;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads an ADF 1.0 document into leads, one per {@code <prospect>}, leniently as real lead feeds
 * need (the prologs {@code <?ADF VERSION "1.0"?>}, missing declarations, phone types outside the
 * specification, loose dates and phone formats), and safely: a doctype that only names a DTD is
 * dropped unread, any other doctype (entities) is refused, nothing is loaded, nesting is bounded. Stateless and thread-safe (a parser per call).
 */
public final class AdfLeads {

  /** Nesting deeper than any ADF document needs. */
  static final int MAX_DEPTH = 32;

  /** A doctype that only names a DTD (feeds send {@code <!DOCTYPE adf SYSTEM "adf.dtd">}): dropped unread. */
  private static final Pattern EXTERNAL_DOCTYPE =
      Pattern.compile("<!DOCTYPE\\s+\\w+\\s+(?:SYSTEM\\s+\"[^\"]*\"|PUBLIC\\s+\"[^\"]*\"\\s+\"[^\"]*\")\\s*>");
  private static final Pattern LEGACY_PROLOG = Pattern.compile("<\\?(?i:adf|xml)\\s+VERSION\\s*=?\\s*\"1\\.0\"\\s*\\?>");
  private static final Pattern LOOSE_DATE = Pattern.compile(
      "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ](\\d{1,2}):(\\d{1,2})(?::(\\d{1,2}))?(?:\\.\\d+)?)?\\s*(Z|[+-]\\d{1,2}(?::?\\d{1,2})?)?");

  private static final Pattern LOOSE_OFFSET = Pattern.compile("([+-])(\\d{1,2})(?::?(\\d{1,2}))?");

  private AdfLeads() {}

  /** The document cannot be read as XML at all, or is not an ADF document. */
  public static final class UnreadableAdf extends Exception {
    private static final long serialVersionUID = 1L;

    UnreadableAdf(String message) {
      super(message);
    }
  }

  /**
   * The leads of the document, or the reasons it holds none, by the JSON path of the lead each
   * prospect would become, prefixed {@code prospect[n].}.
   */
  public record Reading(List<LeadBody> leads, List<FieldError> errors) {}

  public static Reading read(byte[] body, Instant now) throws UnreadableAdf {
    Element root = parse(body).getDocumentElement();
    if (!root.getTagName().equalsIgnoreCase("adf")) {
      throw new UnreadableAdf("the root element is not <adf>");
    }
    List<Element> prospects = children(root, "prospect");
    if (prospects.isEmpty()) {
      return new Reading(List.of(), List.of(new FieldError("prospect", "an ADF document needs at least one <prospect>")));
    }
    List<LeadBody> leads = new ArrayList<>();
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < prospects.size(); i++) {
      String path = "prospect[" + i + "]";
      List<String> notes = new ArrayList<>();
      LeadBody lead = lead(prospects.get(i), notes);
      leads.add(lead);
      if (lead.vehicles().isEmpty()) {
        errors.add(new FieldError(path + ".vehicle", "a prospect needs a <vehicle> with year, make and model"));
      }
      if (lead.customer() == null) {
        errors.add(new FieldError(path + ".customer.contact", "a prospect needs a <customer><contact> with a name and"
            + " an e-mail or phone"));
      }
      if (!lead.vehicles().isEmpty() && lead.customer() != null) {
        LeadValidation.check(lead, now).forEach(e -> errors.add(new FieldError(path + "." + e.field(), e.message())));
      }
    }
    return new Reading(leads, errors);
  }

  private static Document parse(byte[] body) throws UnreadableAdf {
    String text = new String(body, StandardCharsets.UTF_8);
    String normalised = EXTERNAL_DOCTYPE.matcher(LEGACY_PROLOG.matcher(text).replaceAll("")).replaceAll("");
    try {
      return parser().parse(new InputSource(new ByteArrayInputStream(normalised.strip().getBytes(StandardCharsets.UTF_8))));
    } catch (SAXException e) {
      // The parser's words may quote the document (personal data): only the position is kept.
      throw new UnreadableAdf("the body is not well-formed XML or breaks a parsing limit" + position(e));
    } catch (IOException e) {
      throw new UnreadableAdf("the body could not be read as XML");
    }
  }

  private static String position(SAXException e) {
    return e instanceof SAXParseException p && p.getLineNumber() > 0
        ? " (line " + p.getLineNumber() + ", column " + p.getColumnNumber() + ")" : "";
  }

  private static DocumentBuilder parser() {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      // Any other doctype (an internal subset: entities, XXE, billion laughs) is refused outright.
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      factory.setAttribute("jdk.xml.maxElementDepth", Integer.toString(MAX_DEPTH));
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      DocumentBuilder parser = factory.newDocumentBuilder();
      parser.setEntityResolver((publicId, systemId) -> new InputSource(new ByteArrayInputStream(new byte[0])));
      parser.setErrorHandler(new FatalOnly());
      return parser;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's XML parser lacks a standard feature", e);
    }
  }

  /** Fails on what makes the XML unreadable; without a DTD there is no validity to report. Stateless. */
  private static final class FatalOnly implements ErrorHandler {
    @Override
    public void warning(SAXParseException exception) {
      // Nothing a lead depends on.
    }

    @Override
    public void error(SAXParseException exception) {
      // Validity errors: the document is not validated.
    }

    @Override
    public void fatalError(SAXParseException exception) throws SAXParseException {
      throw exception;
    }
  }

  private static LeadBody lead(Element prospect, List<String> notes) {
    Element first = first(children(prospect, "id"));
    String externalId = first == null || first.getTextContent().isBlank() ? null
        : cut(oneLine(first.getTextContent()), LeadFormats.TEXT);
    Instant received = Optional.ofNullable(text(prospect, "requestdate")).flatMap(AdfLeads::date).orElse(null);
    List<VehicleBody> vehicles = new ArrayList<>();
    TradeInBody tradeIn = null;
    for (Element vehicle : children(prospect, "vehicle")) {
      String interest = vehicle.getAttribute("interest").toLowerCase(Locale.ROOT);
      if (interest.equals("trade-in")) {
        tradeIn = tradeIn(vehicle);
      } else {
        vehicles.add(vehicle(vehicle, interest));
      }
      Optional.ofNullable(freeText(vehicle, "comments")).ifPresent(notes::add);
    }
    Element customer = child(prospect, "customer");
    if (customer != null) {
      Optional.ofNullable(freeText(customer, "comments")).ifPresent(notes::add);
      Element timeframe = child(customer, "timeframe");
      if (timeframe != null) {
        Optional.ofNullable(text(timeframe, "description")).ifPresent(d -> notes.add("Timeframe: " + d));
      }
    }
    CustomerBody contact = customer == null ? null : customer(child(customer, "contact"), notes);
    Element provider = child(prospect, "provider");
    String source = provider == null ? null : Optional.ofNullable(text(provider, "name"))
        .map(name -> cut(name, LeadFormats.NAME)).orElse(null);
    String comments = notes.isEmpty() ? null : cut(String.join("\n", notes), LeadFormats.COMMENTS);
    return new LeadBody(externalId, source, received, contact, vehicles, tradeIn, comments, null);
  }

  private static VehicleBody vehicle(Element vehicle, String interest) {
    String adfInterest = switch (interest) {
      case "lease" -> "lease";
      case "sell" -> "sell";
      default -> "buy"; // buy, test-drive or none
    };
    String status = vehicle.getAttribute("status").toLowerCase(Locale.ROOT);
    return new VehicleBody(adfInterest, status.equals("used") ? "used" : status.equals("new") ? "new" : null,
        text(vehicle, "vin"), year(text(vehicle, "year")), text(vehicle, "make"), text(vehicle, "model"),
        text(vehicle, "trim"));
  }

  private static TradeInBody tradeIn(Element vehicle) {
    Element odometer = child(vehicle, "odometer");
    Long reading = odometer == null ? null : number(odometer.getTextContent());
    String units = odometer == null || reading == null ? null
        : odometer.getAttribute("units").equalsIgnoreCase("km") ? "km" : "mi";
    return new TradeInBody(year(text(vehicle, "year")), text(vehicle, "make"), text(vehicle, "model"), reading, units);
  }

  /** The contact, or null when it has no name to file the lead under. */
  private static CustomerBody customer(Element contact, List<String> notes) {
    if (contact == null) {
      return null;
    }
    String firstName = null;
    String lastName = null;
    String full = null;
    for (Element name : children(contact, "name")) {
      String part = name.getAttribute("part").toLowerCase(Locale.ROOT);
      String value = oneLine(name.getTextContent());
      switch (part) {
        case "first" -> firstName = value;
        case "last", "surname" -> lastName = value;
        case "middle" -> { }
        default -> full = value;
      }
    }
    if (lastName == null && full != null) {
      int space = full.lastIndexOf(' ');
      lastName = space < 0 ? full : full.substring(space + 1);
      firstName = firstName != null || space < 0 ? firstName : full.substring(0, space);
    }
    if (lastName == null || lastName.isBlank()) {
      return null;
    }
    List<String> emails = new ArrayList<>();
    for (Element email : children(contact, "email")) {
      String address = oneLine(email.getTextContent());
      if (LeadValidation.EMAIL.matcher(address).matches()) {
        emails.add(address);
      } else if (!address.isEmpty()) {
        notes.add("E-mail as sent: " + address);
      }
    }
    List<PhoneBody> phones = new ArrayList<>();
    for (Element phone : children(contact, "phone")) {
      Optional<String> number = e164(phone.getTextContent());
      if (number.isPresent()) {
        phones.add(new PhoneBody(number.get(), phoneType(phone.getAttribute("type"))));
      } else if (!phone.getTextContent().isBlank()) {
        notes.add("Phone as sent: " + oneLine(phone.getTextContent()));
      }
    }
    if (emails.isEmpty() && phones.isEmpty()) {
      return null;
    }
    return new CustomerBody(firstName, lastName, emails, phones, address(child(contact, "address")));
  }

  private static AddressBody address(Element address) {
    if (address == null) {
      return null;
    }
    List<String> lines = new ArrayList<>();
    children(address, "street").stream().map(street -> oneLine(street.getTextContent())).filter(l -> !l.isEmpty())
        .forEach(lines::add);
    // ISO 3166-1 alpha-2 or nothing: feeds write "USA" and "United States" too.
    String country = Optional.ofNullable(text(address, "country")).map(c -> c.toUpperCase(Locale.ROOT))
        .filter(c -> LeadValidation.COUNTRY.matcher(c).matches()).orElse(null);
    return new AddressBody(lines.isEmpty() ? null : String.join(", ", lines), text(address, "city"),
        text(address, "regioncode"), text(address, "postalcode"), country);
  }

  /** ADF's types and the ones real feeds send (home, work, mobile). */
  private static String phoneType(String type) {
    return switch (type.toLowerCase(Locale.ROOT)) {
      case "cellphone", "cell", "mobile" -> "mobile";
      case "home" -> "home";
      case "work" -> "work";
      case "fax" -> "fax";
      default -> "other"; // voice, pager or none
    };
  }

  /** A number as E.164: given so, or ten NANP digits (feeds from US dealers omit the country code). */
  static Optional<String> e164(String given) {
    String digits = given.replaceAll("[^0-9]", "");
    if (given.strip().startsWith("+") && digits.length() >= 7 && digits.length() <= 15) {
      return Optional.of("+" + digits);
    }
    if (digits.length() == 10 && digits.charAt(0) >= '2') {
      return Optional.of("+1" + digits);
    }
    if (digits.length() == 11 && digits.charAt(0) == '1') {
      return Optional.of("+" + digits);
    }
    return Optional.empty();
  }

  /** ISO-8601 and the variants feeds send ({@code 2008-06-25T8:47:50}, {@code -08:0}, a space for T). */
  static Optional<Instant> date(String given) {
    Matcher m = LOOSE_DATE.matcher(given.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      String offset = m.group(7) == null ? "Z" : offset(m.group(7));
      String iso = String.format("%s-%02d-%02dT%02d:%02d:%02d%s", m.group(1), Integer.parseInt(m.group(2)),
          Integer.parseInt(m.group(3)), m.group(4) == null ? 0 : Integer.parseInt(m.group(4)),
          m.group(5) == null ? 0 : Integer.parseInt(m.group(5)), m.group(6) == null ? 0 : Integer.parseInt(m.group(6)),
          offset);
      return Optional.of(OffsetDateTime.parse(iso).toInstant());
    } catch (RuntimeException unparsable) {
      return Optional.empty();
    }
  }

  /** {@code Z}, {@code -08:00}, {@code -0800}, {@code -08:0} or {@code -8} as {@code ±hh:mm}. */
  private static String offset(String given) {
    Matcher m = LOOSE_OFFSET.matcher(given);
    if (given.equals("Z") || !m.matches()) {
      return "Z";
    }
    int minutes = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
    return String.format("%s%02d:%02d", m.group(1), Integer.parseInt(m.group(2)), minutes);
  }

  private static Integer year(String text) {
    Long value = text == null ? null : number(text);
    return value == null || value > Integer.MAX_VALUE ? null : value.intValue();
  }

  private static Long number(String text) {
    String digits = text.strip().replace(",", "");
    return digits.matches("[0-9]{1,12}") ? Long.parseLong(digits) : null;
  }

  private static String cut(String text, int length) {
    return text.length() <= length ? text : text.substring(0, length);
  }

  /** The first such child's text as one line (feeds wrap and indent values), or null when none or blank. */
  private static String text(Element parent, String tag) {
    Element child = child(parent, tag);
    return child == null || child.getTextContent().isBlank() ? null : oneLine(child.getTextContent());
  }

  /** The first such child's text with its line breaks, or null when none or blank. */
  private static String freeText(Element parent, String tag) {
    Element child = child(parent, tag);
    return child == null || child.getTextContent().isBlank() ? null : child.getTextContent().strip();
  }

  private static String oneLine(String text) {
    return text.strip().replaceAll("\\s+", " ");
  }

  private static Element child(Element parent, String tag) {
    return first(children(parent, tag));
  }

  private static Element first(List<Element> elements) {
    return elements.isEmpty() ? null : elements.get(0);
  }

  /** Child elements by tag, case-insensitively: feeds write {@code <ADF>} and {@code <Prospect>} too. */
  private static List<Element> children(Element parent, String tag) {
    List<Element> found = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      Node node = nodes.item(i);
      if (node instanceof Element element && element.getTagName().equalsIgnoreCase(tag)) {
        found.add(element);
      }
    }
    return found;
  }
}
