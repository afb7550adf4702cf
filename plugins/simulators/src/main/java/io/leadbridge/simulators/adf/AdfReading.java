package io.leadbridge.simulators.adf;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Reads ADF documents as a receiver does: the real-world prologs ({@code <?ADF VERSION "1.0"?>})
 * normalised first, no doctype allowed, and each prospect checked against what ADF 1.0 requires
 * (written here from the specification, independently of the connector's DTD). Stateless.
 */
final class AdfReading {

  private static final Pattern LEGACY_PROLOG = Pattern.compile("<\\?(?i:adf|xml)\\s+VERSION\\s+\"1\\.0\"\\s*\\?>");
  private static final Set<String> INTERESTS = Set.of("buy", "lease", "sell", "trade-in", "test-drive");
  private static final Set<String> CONDITIONS = Set.of("new", "used");
  private static final Set<String> NAME_PARTS = Set.of("surname", "first", "middle", "last", "full");
  private static final Set<String> PHONE_TYPES = Set.of("voice", "fax", "cellphone", "pager");

  private AdfReading() {}

  /** The prospects of a document; empty when it is not a well-formed ADF document at all. */
  static List<ReceivedLead> read(String raw) {
    Document document;
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      String normalised = LEGACY_PROLOG.matcher(raw).replaceAll("");
      document = factory.newDocumentBuilder()
          .parse(new ByteArrayInputStream(normalised.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      return List.of();
    }
    Element root = document.getDocumentElement();
    if (!root.getTagName().equals("adf")) {
      return List.of();
    }
    List<ReceivedLead> leads = new ArrayList<>();
    for (Element prospect : children(root, "prospect")) {
      leads.add(prospect(prospect, raw));
    }
    return leads;
  }

  /** A lead kept as it came, because nothing in it could be read. */
  static ReceivedLead unparsed(String raw) {
    return new ReceivedLead(Map.of(), "new", false, Map.of(), List.of(), List.of(), List.of(), raw, null, null,
        null, List.of("not well-formed ADF"), raw);
  }

  private static ReceivedLead prospect(Element prospect, String raw) {
    List<String> problems = new ArrayList<>();
    String status = prospect.hasAttribute("status") ? prospect.getAttribute("status") : "new";
    check(Set.of("new", "resend").contains(status), "prospect status " + status, problems);
    Map<String, String> ids = new LinkedHashMap<>();
    children(prospect, "id").forEach(id -> ids.put(id.getAttribute("source"), id.getTextContent().strip()));
    String requestDate = text(prospect, "requestdate");
    check(requestDate != null && isIsoDate(requestDate), "requestdate missing or not ISO 8601", problems);
    List<String> vehicles = new ArrayList<>();
    for (Element vehicle : children(prospect, "vehicle")) {
      String interest = vehicle.hasAttribute("interest") ? vehicle.getAttribute("interest") : "buy";
      String condition = vehicle.hasAttribute("status") ? vehicle.getAttribute("status") : "new";
      check(INTERESTS.contains(interest), "vehicle interest " + interest, problems);
      check(CONDITIONS.contains(condition), "vehicle status " + condition, problems);
      for (String required : List.of("year", "make", "model")) {
        check(text(vehicle, required) != null, "vehicle without " + required, problems);
      }
      vehicles.add(String.join(" ", interest, condition, orEmpty(text(vehicle, "year")), orEmpty(text(vehicle, "make")),
          orEmpty(text(vehicle, "model"))).strip());
    }
    check(!vehicles.isEmpty(), "no vehicle", problems);
    Element customer = first(prospect, "customer");
    Element contact = customer == null ? null : first(customer, "contact");
    Map<String, String> names = new LinkedHashMap<>();
    List<String> emails = new ArrayList<>();
    List<String> phones = new ArrayList<>();
    if (contact == null) {
      problems.add("no customer contact");
    } else {
      for (Element name : children(contact, "name")) {
        String part = name.hasAttribute("part") ? name.getAttribute("part") : "full";
        check(NAME_PARTS.contains(part), "name part " + part, problems);
        names.put(part, name.getTextContent());
      }
      children(contact, "email").forEach(email -> emails.add(email.getTextContent()));
      for (Element phone : children(contact, "phone")) {
        String type = phone.hasAttribute("type") ? phone.getAttribute("type") : "voice";
        check(PHONE_TYPES.contains(type), "phone type " + type, problems);
        phones.add(type + ":" + phone.getTextContent());
      }
      check(!names.isEmpty(), "contact without a name", problems);
      check(!emails.isEmpty() || !phones.isEmpty(), "contact without e-mail or phone", problems);
    }
    Element vendor = first(prospect, "vendor");
    String vendorName = vendor == null ? null : text(vendor, "vendorname");
    check(vendorName != null, "vendor without vendorname", problems);
    check(vendor != null && first(vendor, "contact") != null, "vendor without contact", problems);
    Element provider = first(prospect, "provider");
    String providerName = provider == null ? null : text(provider, "name");
    String comments = customer == null ? null : text(customer, "comments");
    return new ReceivedLead(ids, status, true, names, emails, phones, vehicles, comments, vendorName, providerName,
        requestDate, List.copyOf(problems), raw);
  }

  private static boolean isIsoDate(String value) {
    try {
      OffsetDateTime.parse(value.strip());
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static void check(boolean holds, String problem, List<String> problems) {
    if (!holds) {
      problems.add(problem);
    }
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }

  /** The text of the first such child, or null when there is none or it is blank. */
  private static String text(Element parent, String tag) {
    Element child = first(parent, tag);
    return child == null || child.getTextContent().isBlank() ? null : child.getTextContent();
  }

  private static Element first(Element parent, String tag) {
    List<Element> found = children(parent, tag);
    return found.isEmpty() ? null : found.get(0);
  }

  private static List<Element> children(Element parent, String tag) {
    List<Element> found = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      Node node = nodes.item(i);
      if (node instanceof Element element && element.getTagName().equals(tag)) {
        found.add(element);
      }
    }
    return found;
  }
}
