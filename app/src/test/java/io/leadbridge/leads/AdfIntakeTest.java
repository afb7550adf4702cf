package io.leadbridge.leads;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.leadbridge.LeadbridgeConfiguration;
import io.leadbridge.auth.Role;
import io.leadbridge.testing.Db;
import io.leadbridge.testing.Hub;
import io.leadbridge.testing.HubTest;
import io.leadbridge.testing.TestApps;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * ADF documents sent to {@code POST /v1/leads}: each prospect a lead under its own key, the messy
 * forms of real feeds accepted, what cannot become a lead refused by prospect, and the documents
 * that attack XML parsers refused with nothing stored. Runs on each database; not thread-safe.
 */
@ParameterizedClass
@EnumSource(Db.class)
class AdfIntakeTest extends HubTest {

  private static final String PROSPECT = """
        <prospect status="new">
          <id sequence="1" source="Marketplace">%s</id>
          <requestdate>2026-11-22T10:15:00-06:00</requestdate>
          <vehicle interest="buy" status="used"><year>2021</year><make>Honda</make><model>Accord</model></vehicle>
          <customer><contact><name part="first">Dana</name><name part="last">%s</name>
            <email>dana@example.com</email><phone type="cellphone">+15125550100</phone></contact></customer>
          <vendor><vendorname>Austin Motors</vendorname><contact><name>Sales</name></contact></vendor>
          <provider><name part="full">Marketplace</name></provider>
        </prospect>
      """;

  @Override
  protected DropwizardAppExtension<LeadbridgeConfiguration> newApp(Db db) {
    return TestApps.app(db);
  }

  private static String document(String... lastNames) {
    StringBuilder prospects = new StringBuilder();
    for (String lastName : lastNames) {
      prospects.append(String.format(PROSPECT, "mp-" + lastName, lastName));
    }
    return "<?xml version=\"1.0\"?>\n<?adf version=\"1.0\"?>\n<adf>\n" + prospects + "</adf>\n";
  }

  private HttpResponse<String> post(String key, String idempotencyKey, String contentType, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(hub().api().uri("/v1/leads"))
        .header("Authorization", "Bearer " + key).header("Content-Type", contentType)
        .POST(BodyPublishers.ofString(body));
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return hub().api().send(request.build());
  }

  private String writer() {
    return hub().tenantKey(hub().createTenant(), Role.TENANT_WRITER);
  }

  private List<String> externalIds(String key) {
    List<String> ids = new ArrayList<>();
    Hub.json(hub().api().get("/v1/leads?limit=200", key)).get("items")
        .forEach(lead -> ids.add(lead.get("lead").get("externalId").asText()));
    return ids;
  }

  @Test
  void eachProspectBecomesALeadAndTheSameDocumentAgainAnswersTheSame() {
    String key = writer();

    HttpResponse<String> first = post(key, "feed-1", "application/xml", document("Reyes", "Okafor"));
    HttpResponse<String> again = post(key, "feed-1", "application/xml", document("Reyes", "Okafor"));

    assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
    JsonNode answer = Hub.json(first);
    assertThat(answer.get("prospects")).hasSize(2);
    assertThat(answer.get("id").asText()).isEqualTo(answer.get("prospects").get(0).get("id").asText());
    assertThat(first.headers().firstValue("Location")).hasValue("/v1/leads/" + answer.get("id").asText());
    assertThat(again.statusCode()).isEqualTo(202);
    assertThat(again.body()).isEqualTo(first.body());
    assertThat(externalIds(key)).containsExactlyInAnyOrder("mp-Reyes", "mp-Okafor");
    String second = Hub.json(hub().api().get("/v1/leads/" + answer.get("prospects").get(1).get("id").asText(), key))
        .get("lead").get("customer").get("lastName").asText();
    assertThat(second).isEqualTo("Okafor");
  }

  @Test
  void aMessyFeedDocumentIsAcceptedAsTextXmlOrAdfXml() {
    String key = writer();
    String messy = """
        <?ADF VERSION "1.0"?>
        <adf><prospect><requestdate>2008-06-25T8:47:50-08:0</requestdate>
        <vehicle><year>2026</year><make>Kia</make><model>EV9</model></vehicle>
        <customer><contact><name part="full">Dana Reyes</name><phone type="home">(512) 555-0100</phone></contact>
        </customer><vendor><contact><name>Austin Kia</name></contact></vendor></prospect></adf>
        """;

    HttpResponse<String> asText = post(key, "messy-1", "text/xml", messy);
    HttpResponse<String> asAdf = post(key, "messy-2", "application/x-adf+xml; charset=UTF-8", messy);

    assertThat(asText.statusCode()).as(asText.body()).isEqualTo(202);
    assertThat(asAdf.statusCode()).as(asAdf.body()).isEqualTo(202);
    JsonNode lead = Hub.json(hub().api().get("/v1/leads/" + Hub.json(asText).get("id").asText(), key)).get("lead");
    assertThat(lead.get("customer").get("lastName").asText()).isEqualTo("Reyes");
    assertThat(lead.get("customer").get("phones").get(0).get("number").asText()).isEqualTo("+15125550100");
    assertThat(lead.get("receivedAt").asText()).isEqualTo("2008-06-25T16:47:50Z");
  }

  @Test
  void aProspectThatCannotBecomeALeadRefusesTheWholeDocumentByItsPath() {
    String key = writer();
    String broken = document("Reyes", "Okafor").replaceFirst("(?s)(<prospect.*?</prospect>.*?<prospect.*?)"
        + "<vehicle.*?</vehicle>", "$1");

    HttpResponse<String> refused = post(key, "broken-1", "application/xml", broken);

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
    assertThat(Hub.json(refused).get("errors").get(0).get("field").asText()).isEqualTo("prospect[1].vehicle");
    assertThat(externalIds(key)).isEmpty();
    assertThat(post(key, "broken-1", "application/xml", document("Reyes")).statusCode())
        .as("the key stays free").isEqualTo(202);
  }

  @Test
  void attacksAndNonXmlAre400InvalidXmlAndStoreNothing() {
    String key = writer();
    String xxe = "<?xml version=\"1.0\"?><!DOCTYPE adf [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        + document("Reyes").substring(document("Reyes").indexOf("<adf>")).replace("Reyes", "&x;");
    StringBuilder laughs = new StringBuilder("<!ENTITY l0 \"lol\">");
    for (int i = 1; i < 10; i++) {
      laughs.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
    }
    String bomb = "<?xml version=\"1.0\"?><!DOCTYPE adf [" + laughs + "]><adf>&l9;</adf>";
    String deep = "<adf>" + "<x>".repeat(100) + "</x>".repeat(100) + "</adf>";

    for (String attack : List.of(xxe, bomb, deep, "not xml at all", "<lead><name>x</name></lead>")) {
      HttpResponse<String> refused = post(key, "attack-" + UUID.randomUUID(), "application/xml", attack);
      assertThat(refused.statusCode()).as(attack).isEqualTo(400);
      assertThat(Hub.json(refused).get("code").asText()).isEqualTo("invalid_xml");
      assertThat(refused.body()).doesNotContain("root:");
    }
    assertThat(externalIds(key)).isEmpty();
  }

  @Test
  void theKeyIsRequiredAndMustLeaveRoomForTheProspectNumbers() {
    String key = writer();

    HttpResponse<String> missing = post(key, null, "application/xml", document("Reyes"));
    HttpResponse<String> tooLong = post(key, "k".repeat(254), "application/xml", document("Reyes", "Okafor"));

    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(Hub.json(missing).get("code").asText()).isEqualTo("invalid_idempotency_key");
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(Hub.json(tooLong).get("detail").asText()).contains("#2");
    assertThat(externalIds(key)).isEmpty();
  }
}
