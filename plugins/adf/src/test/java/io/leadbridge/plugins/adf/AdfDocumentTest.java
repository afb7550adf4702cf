package io.leadbridge.plugins.adf;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.connector.api.lead.LeadRecord;
import io.leadbridge.plugins.adf.internal.AdfDocument;
import io.leadbridge.plugins.adf.internal.AdfDtd;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every document the connector writes is valid ADF 1.0 by the DTD it ships, and carries the lead's
 * texts exactly, markup and all, as text. Stateless tests.
 */
class AdfDocumentTest {

    private static final AdfDocument.Vendor VENDOR = new AdfDocument.Vendor("Austin Motors & Sons", "Internet Sales",
            "leads@austin-motors.example", "Leadbridge", ZoneId.of("America/Chicago"));

    private static Document parsed(byte[] document) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(document));
    }

    private static List<String> texts(Document document, String tag) {
        List<String> texts = new ArrayList<>();
        NodeList nodes = document.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    @Test
    void theApiMdLeadIsAValidDocumentWithEveryPart() throws Exception {
        LeadRecord lead = Leads.apiMd();

        byte[] document = AdfDocument.write(lead, VENDOR);
        String text = new String(document, StandardCharsets.UTF_8);
        Document xml = parsed(document);

        assertThat(AdfDtd.violation(document)).isEmpty();
        assertThat(text).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<?adf version=\"1.0\"?>\n<adf>");
        Element prospect = (Element) xml.getElementsByTagName("prospect").item(0);
        assertThat(prospect.getAttribute("status")).isEqualTo("new");
        Element id = (Element) prospect.getElementsByTagName("id").item(0);
        assertThat(id.getAttribute("source")).isEqualTo("Leadbridge");
        assertThat(id.getTextContent()).isEqualTo(lead.leadId().toString());
        assertThat(texts(xml, "requestdate")).containsExactly("2026-11-22T04:15:00-06:00");
        NodeList vehicles = xml.getElementsByTagName("vehicle");
        assertThat(vehicles.getLength()).isEqualTo(2);
        assertThat(((Element) vehicles.item(0)).getAttribute("interest")).isEqualTo("buy");
        assertThat(((Element) vehicles.item(0)).getAttribute("status")).isEqualTo("used");
        assertThat(((Element) vehicles.item(1)).getAttribute("interest")).isEqualTo("trade-in");
        assertThat(texts(xml, "vin")).containsExactly("1HGCM82633A004352");
        assertThat(texts(xml, "odometer")).containsExactly("62000");
        assertThat(texts(xml, "name")).containsExactly("Dana", "Reyes", "Internet Sales", "dealer-website");
        assertThat(texts(xml, "email")).containsExactly("dana@example.com", "leads@austin-motors.example");
        Element phone = (Element) xml.getElementsByTagName("phone").item(0);
        assertThat(phone.getAttribute("type")).isEqualTo("cellphone");
        assertThat(texts(xml, "regioncode")).containsExactly("TX");
        assertThat(texts(xml, "vendorname")).containsExactly("Austin Motors & Sons");
        assertThat(texts(xml, "comments")).containsExactly("Wants a test drive Saturday\ncampaign: fall-sale");
    }

    @Test
    void aRedeliveryIsAResendOfTheSameProspect() throws Exception {
        LeadRecord lead = Leads.minimal();

        Element prospect = (Element) parsed(AdfDocument.write(lead.asRedelivery(), VENDOR))
                .getElementsByTagName("prospect").item(0);

        assertThat(prospect.getAttribute("status")).isEqualTo("resend");
        assertThat(prospect.getElementsByTagName("id").item(0).getTextContent()).isEqualTo(lead.leadId().toString());
        assertThat(AdfDtd.violation(AdfDocument.write(lead.asRedelivery(), VENDOR))).isEmpty();
    }

    @Test
    void aMinimalLeadIsStillValid() {
        assertThat(AdfDtd.violation(AdfDocument.write(Leads.minimal(), VENDOR))).isEmpty();
    }

    /** The text comes back as it went in; the markup in it is text, not elements. */
    @Test
    void markupNonAsciiAndControlCharactersCannotBreakOrExtendTheDocument() throws Exception {
        byte[] document = AdfDocument.write(Leads.hostile(), VENDOR);
        Document xml = parsed(document);

        assertThat(AdfDtd.violation(document)).isEmpty();
        assertThat(xml.getElementsByTagName("vehicle").getLength()).isEqualTo(1);
        assertThat(xml.getElementsByTagName("b").getLength()).isZero();
        assertThat(texts(xml, "make")).containsExactly(Leads.HOSTILE);
        assertThat(texts(xml, "street")).containsExactly(Leads.HOSTILE);
        assertThat(texts(xml, "name")).contains("Zoë Ünal 李 🚗", Leads.HOSTILE);
        assertThat(texts(xml, "model")).containsExactly("Model     S");
        assertThat(texts(xml, "comments").get(0))
                .isEqualTo(Leads.HOSTILE + "\nsecond line\n\tthird\na&b: " + Leads.HOSTILE);
        assertThat(texts(xml, "city")).containsExactly("Zürich");
    }

    @Test
    void theDtdRefusesWhatAdfDoesNotAllow() {
        String valid = new String(AdfDocument.write(Leads.apiMd(), VENDOR), StandardCharsets.UTF_8);

        assertThat(AdfDtd.violation(valid.replace("interest=\"buy\"", "interest=\"rent\"").getBytes(StandardCharsets.UTF_8)))
                .hasValueSatisfying(v -> assertThat(v).contains("interest"));
        assertThat(AdfDtd.violation(valid.replaceFirst("<vendorname>[^<]*</vendorname>", "")
                .getBytes(StandardCharsets.UTF_8))).isPresent();
        assertThat(AdfDtd.violation(valid.replaceFirst("<year>2021</year>", "").getBytes(StandardCharsets.UTF_8)))
                .isPresent();
        assertThat(AdfDtd.violation(valid.replace("<adf>", "<adf><unknown/>").getBytes(StandardCharsets.UTF_8)))
                .isPresent();
    }

    /** A document that brings its own doctype (and with it entities) is refused before any parsing. */
    @Test
    void aDocumentWithItsOwnDoctypeIsRefused() {
        String withEntity = "<?xml version=\"1.0\"?><!DOCTYPE adf [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><adf>&x;</adf>";

        assertThat(AdfDtd.violation(withEntity.getBytes(StandardCharsets.UTF_8))).isPresent();
    }
}
