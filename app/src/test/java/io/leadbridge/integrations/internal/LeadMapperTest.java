package io.leadbridge.integrations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadbridge.errors.FieldError;
import io.leadbridge.integrations.FieldMapping;
import io.leadbridge.integrations.FieldTransform;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Field mappings and their transforms, on good and bad input: bad values leave the target out, never throw. */
class LeadMapperTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static ObjectNode lead(String json) throws Exception {
    return (ObjectNode) JSON.readTree(json);
  }

  private static FieldTransform transform(String type) {
    return new FieldTransform(type, null, null, null, null, null, null);
  }

  @Test
  void withoutMappingsTheBodyIsTheWholeLead() throws Exception {
    ObjectNode lead = lead("{\"leadId\":\"l-1\",\"customer\":{\"lastName\":\"Reyes\"}}");

    assertThat(LeadMapper.map(lead, List.of())).isEqualTo(lead);
  }

  @Test
  void e164FormatsValidNumbersWithTheDefaultCountryAndDropsInvalidOnes() {
    FieldTransform us = transform(FieldTransform.E164);
    FieldTransform germany = new FieldTransform(FieldTransform.E164, null, null, null, "de", null, null);

    assertThat(LeadMapper.e164("(512) 555-0100", us)).hasValue("+15125550100");
    assertThat(LeadMapper.e164("+44 20 7946 0958", us)).hasValue("+442079460958");
    assertThat(LeadMapper.e164("030 901820", germany)).hasValue("+4930901820");
    assertThat(LeadMapper.e164("not a phone", us)).isEmpty();
    assertThat(LeadMapper.e164("123", us)).isEmpty();
    assertThat(LeadMapper.e164("", us)).isEmpty();
  }

  @Test
  void dateFormatsAnInstantInThePatternAndZoneAndDropsAnythingElse() {
    FieldTransform chicago = new FieldTransform(FieldTransform.DATE, null, null, null, null, "dd/MM/yyyy HH:mm", "America/Chicago");
    FieldTransform utc = new FieldTransform(FieldTransform.DATE, null, null, null, null, "yyyy-MM-dd", null);

    assertThat(LeadMapper.date("2026-11-22T03:15:00Z", chicago)).hasValue("21/11/2026 21:15");
    assertThat(LeadMapper.date("2026-11-22T03:15:00Z", utc)).hasValue("2026-11-22");
    assertThat(LeadMapper.date("yesterday", utc)).isEmpty();
    assertThat(LeadMapper.date("2026-11-22", utc)).isEmpty();
  }

  @Test
  void missingSourcesAndValuesOfTheWrongKindLeaveTheTargetOut() throws Exception {
    ObjectNode lead = lead("{\"customer\":{\"emails\":[],\"firstName\":null,\"address\":{\"city\":\"Austin\"}}}");
    List<FieldMapping> mappings = List.of(
        new FieldMapping("customer.emails[0]", "email"),
        new FieldMapping("customer.firstName", "first"),
        new FieldMapping("customer.address", "where", transform(FieldTransform.LOWERCASE)),
        new FieldMapping("customer.address", "address"),
        new FieldMapping(null, "name", new FieldTransform(FieldTransform.CONCAT, null,
            List.of("customer.firstName", "customer.lastName"), " ", null, null, null)),
        new FieldMapping("customer.phones[3].number", "phone", transform(FieldTransform.E164)));

    ObjectNode body = LeadMapper.map(lead, mappings);

    assertThat(body.toString()).isEqualTo("{\"address\":{\"city\":\"Austin\"}}");
  }

  @Test
  void dottedTargetsBuildNestedObjects() throws Exception {
    ObjectNode lead = lead("{\"a\":\"1\",\"b\":\"2\"}");

    ObjectNode body = LeadMapper.map(lead, List.of(new FieldMapping("a", "x.y.first"), new FieldMapping("b", "x.second")));

    assertThat(body.toString()).isEqualTo("{\"x\":{\"y\":{\"first\":\"1\"},\"second\":\"2\"}}");
  }

  @Test
  void validationNamesEachBrokenMappingAndAcceptsGoodOnes() {
    List<FieldMapping> good = List.of(
        new FieldMapping("customer.emails[0]", "contact.email", transform(FieldTransform.LOWERCASE)),
        new FieldMapping(null, "origin", new FieldTransform(FieldTransform.CONSTANT, "web", null, null, null, null, null)),
        new FieldMapping("customer.phones[0].number", "phone",
            new FieldTransform(FieldTransform.E164, null, null, null, "GB", null, null)));
    List<FieldMapping> bad = List.of(
        new FieldMapping("customer", "a", new FieldTransform(FieldTransform.CONSTANT, null, null, null, null, "x", null)),
        new FieldMapping("x", "b.c"),
        new FieldMapping("y", "b"),
        new FieldMapping(null, "d", new FieldTransform(FieldTransform.CONCAT, null, List.of("ok", "no..path"), null, null, null, null)),
        new FieldMapping("z", "e f"));

    assertThat(MappingValidation.webhook(good)).isEmpty();
    assertThat(MappingValidation.webhook(bad)).extracting(FieldError::field).containsExactlyInAnyOrder(
        "fieldMappings[0].source", "fieldMappings[0].transform.pattern", "fieldMappings[0].transform.value",
        "fieldMappings[2].target", "fieldMappings[3].transform.sources[1]", "fieldMappings[4].target");
    assertThat(MappingValidation.sourcesAndTransforms(List.of(new FieldMapping("x", "e f")))).isEmpty();
  }

  @Test
  void thirdPartyMappingsStillReadAndWriteAsSourceAndTarget() throws Exception {
    FieldMapping plain = JSON.readValue("{\"source\":\"customer.lastName\",\"target\":\"lastname\"}", FieldMapping.class);

    assertThat(plain).isEqualTo(new FieldMapping("customer.lastName", "lastname"));
    assertThat(JSON.writeValueAsString(plain)).isEqualTo("{\"source\":\"customer.lastName\",\"target\":\"lastname\"}");
  }
}
