package io.leadbridge.leads.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadbridge.errors.FieldError;
import io.leadbridge.leads.api.LeadBody;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading ADF as real feeds send it, and refusing the documents that attack XML parsers. Stateless tests. */
class AdfLeadsTest {

  private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

  /** A feed's document: legacy prolog, no declaration, a full name, a home phone, loose date. */
  static final String MESSY = """
      <?ADF VERSION "1.0"?>
      <adf>
       <prospect>
        <id sequence="1" source="OEM Site">oem-7731</id>
        <requestdate>2008-06-25T8:47:50-08:0</requestdate>
        <vehicle interest="buy" status="new"><year>2026</year><make>Kia</make><model>EV9</model></vehicle>
        <vehicle interest="trade-in" status="used"><year>2015</year><make>Ford</make><model>Focus</model>
          <odometer units="km">88,000</odometer></vehicle>
        <customer>
         <contact><name part="full">Dana Maria Reyes</name><phone type="home">(512) 555-0100</phone>
          <phone type="voice">ext 12</phone>
          <address><street line="1">1 Main St</street><street line="2">Suite 4</street><city>Austin</city>
           <regioncode>TX</regioncode><postalcode>78701</postalcode><country>us</country></address></contact>
         <timeframe><description>This week</description></timeframe>
         <comments>Call after 5 &amp; ask for Dana</comments>
        </customer>
        <vendor><contact><name>Austin Kia</name></contact></vendor>
        <provider><name part="full">OEM Site</name></provider>
       </prospect>
      </adf>
      """;

  private static AdfLeads.Reading read(String document) throws AdfLeads.UnreadableAdf {
    return AdfLeads.read(document.getBytes(StandardCharsets.UTF_8), NOW);
  }

  @Test
  void aMessyFeedDocumentBecomesACleanLead() throws Exception {
    AdfLeads.Reading reading = read(MESSY);

    assertThat(reading.errors()).isEmpty();
    LeadBody lead = reading.leads().get(0);
    assertThat(lead.externalId()).isEqualTo("oem-7731");
    assertThat(lead.source()).isEqualTo("OEM Site");
    assertThat(lead.receivedAt()).isEqualTo(Instant.parse("2008-06-25T16:47:50Z"));
    assertThat(lead.customer().firstName()).isEqualTo("Dana Maria");
    assertThat(lead.customer().lastName()).isEqualTo("Reyes");
    assertThat(lead.customer().phones()).singleElement()
        .satisfies(p -> assertThat(p.number() + " " + p.type()).isEqualTo("+15125550100 home"));
    assertThat(lead.customer().address().street()).isEqualTo("1 Main St, Suite 4");
    assertThat(lead.customer().address().country()).isEqualTo("US");
    assertThat(lead.vehicles()).singleElement().satisfies(v -> assertThat(v.model()).isEqualTo("EV9"));
    assertThat(lead.tradeIn().odometer()).isEqualTo(88_000L);
    assertThat(lead.tradeIn().odometerUnits()).isEqualTo("km");
    assertThat(lead.comments()).isEqualTo("Call after 5 & ask for Dana\nTimeframe: This week\nPhone as sent: ext 12");
  }

  /** Wrapped values, an address that is not an e-mail, a country by name: still a lead, nothing lost. */
  @Test
  void wrappedValuesBadEmailsAndCountryNamesAreTidiedNotRefused() throws Exception {
    String untidy = MESSY.replace("<name part=\"full\">Dana Maria Reyes</name>",
            "<name part=\"first\">\n   Dana\n</name><name part=\"last\">Reyes\tLópez</name><email>dana at example</email>")
        .replace("<country>us</country>", "<country>United States</country>");

    AdfLeads.Reading reading = read(untidy);

    assertThat(reading.errors()).isEmpty();
    LeadBody lead = reading.leads().get(0);
    assertThat(lead.customer().firstName()).isEqualTo("Dana");
    assertThat(lead.customer().lastName()).isEqualTo("Reyes López");
    assertThat(lead.customer().emails()).isEmpty();
    assertThat(lead.comments()).contains("E-mail as sent: dana at example");
    assertThat(lead.customer().address().country()).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "2024-05-04T13:03:02-05:00 | 2024-05-04T18:03:02Z",
      "2024-05-04T13:03:02Z | 2024-05-04T13:03:02Z",
      "2024-05-04 13:03:02 | 2024-05-04T13:03:02Z",
      "2024-05-04T13:03 | 2024-05-04T13:03:00Z",
      "2024-5-4 | 2024-05-04T00:00:00Z",
      "2008-06-25T8:47:50-0800 | 2008-06-25T16:47:50Z",
      "2008-06-25T8:47:50+5:30 | 2008-06-25T03:17:50Z"})
  void requestDatesInTheFormsFeedsSend(String given, String expected) {
    assertThat(AdfLeads.date(given)).contains(Instant.parse(expected));
  }

  @Test
  void whatCannotBecomeALeadIsNamedByProspect() throws Exception {
    String noVehicle = MESSY.replaceAll("(?s)<vehicle interest=\"buy\".*?</vehicle>", "");
    String noContact = MESSY.replaceAll("(?s)<contact>.*?</contact>", "");
    String twoProspects = MESSY.replace("</adf>", MESSY.substring(MESSY.indexOf("<prospect>"),
        MESSY.indexOf("</adf>")).replace("<make>Kia</make>", "<make></make>") + "</adf>");

    assertThat(read(noVehicle).errors()).extracting(FieldError::field).containsExactly("prospect[0].vehicle");
    assertThat(read(noContact).errors()).extracting(FieldError::field).containsExactly("prospect[0].customer.contact");
    assertThat(read(twoProspects).errors()).extracting(FieldError::field).containsExactly("prospect[1].vehicles[0].make");
    assertThat(read("<adf></adf>").errors()).extracting(FieldError::field).containsExactly("prospect");
  }

  @Test
  void notXmlOrNotAdfIsUnreadable() {
    assertThatThrownBy(() -> read("<adf><prospect>")).isInstanceOf(AdfLeads.UnreadableAdf.class);
    assertThatThrownBy(() -> read("{\"customer\":{}}")).isInstanceOf(AdfLeads.UnreadableAdf.class);
    assertThatThrownBy(() -> read("<lead/>")).isInstanceOf(AdfLeads.UnreadableAdf.class)
        .hasMessageContaining("<adf>");
  }

  /** A doctype with entities of its own is refused before any entity exists. */
  @Test
  void anExternalEntityIsRefused() {
    String xxe = "<?xml version=\"1.0\"?><!DOCTYPE adf [<!ENTITY secret SYSTEM \"file:///etc/hostname\">]>"
        + MESSY.substring(MESSY.indexOf("<adf>")).replace("Call after 5", "&secret;");

    assertThatThrownBy(() -> read(xxe)).isInstanceOf(AdfLeads.UnreadableAdf.class);
  }

  /** Feeds name the DTD; it is never fetched (the host below does not exist), and the lead is read. */
  @Test
  void aDoctypeThatOnlyNamesADtdIsIgnored() throws Exception {
    String named = "<?xml version=\"1.0\"?>\n<!DOCTYPE adf SYSTEM \"http://dtd.example.invalid/adf.dtd\">\n"
        + MESSY.substring(MESSY.indexOf("<adf>"));

    assertThat(read(named).leads()).singleElement().satisfies(l -> assertThat(l.externalId()).isEqualTo("oem-7731"));
  }

  @Test
  void aBillionLaughsDocumentIsRefusedQuickly() {
    StringBuilder entities = new StringBuilder("<!ENTITY lol0 \"lol\">");
    for (int i = 1; i < 10; i++) {
      entities.append("<!ENTITY lol").append(i).append(" \"")
          .append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
    }
    String bomb = "<?xml version=\"1.0\"?><!DOCTYPE adf [" + entities + "]><adf><prospect><comments>&lol9;</comments>"
        + "</prospect></adf>";

    assertThatThrownBy(() -> read(bomb)).isInstanceOf(AdfLeads.UnreadableAdf.class);
  }

  @Test
  void nestingBeyondTheBoundIsRefused() {
    String deep = "<adf>" + "<x>".repeat(AdfLeads.MAX_DEPTH + 5) + "</x>".repeat(AdfLeads.MAX_DEPTH + 5) + "</adf>";

    assertThatThrownBy(() -> read(deep)).isInstanceOf(AdfLeads.UnreadableAdf.class);
  }

  @ParameterizedTest
  @CsvSource({"(512) 555-0100, +15125550100", "1-512-555-0100, +15125550100", "+44 20 7946 0958, +442079460958"})
  void phoneNumbersAsFeedsWriteThem(String given, String e164) {
    assertThat(AdfLeads.e164(given)).contains(e164);
  }
}
