package io.leadbridge.leads.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dropwizard.jackson.Jackson;
import io.leadbridge.leads.api.LeadAcceptedView;
import io.leadbridge.leads.api.LeadBody;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One JSON form for a parsed lead, so that the same lead sent with other whitespace, key order or
 * explicit nulls stores and hashes the same; thread-safe (the mapper is configured once).
 */
public final class CanonicalJson {

  private static final ObjectMapper JSON = Jackson.newObjectMapper()
      .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private CanonicalJson() {}

  /** The value as canonical JSON: record fields in declaration order, map keys sorted, no nulls. */
  public static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write canonical JSON of " + value.getClass().getSimpleName(), e);
    }
  }

  /** An accepted answer as written by {@link #write}, to be sent again inside another answer. */
  public static LeadAcceptedView accepted(String json) {
    try {
      return JSON.readValue(json, LeadAcceptedView.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored answer is not the JSON this class wrote", e);
    }
  }

  /** A stored lead body. */
  public static LeadBody lead(String json) {
    try {
      return JSON.readValue(json, LeadBody.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored lead is unreadable", e);
    }
  }

  /** SHA-256 of the canonical JSON, in hex: what decides whether two requests carry the same lead. */
  public static String sha256(String canonical) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
