package io.leadbridge.connectors.internal;

import io.leadbridge.connector.api.CredentialUnavailableException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The credential material of one send: the headers and form body the host built from revealed
 * credentials. The decrypted arrays are wiped as soon as each header or body is built and the body
 * when the send is over; header values are strings (the JDK client takes no other), left to the
 * garbage collector. Confined to the sending thread.
 */
final class Injected {

  private final List<Map.Entry<String, String>> headers = new ArrayList<>();
  private byte[] body;

  /** @param body the request's body, a copy this object owns */
  Injected(byte[] body) {
    this.body = body;
  }

  List<Map.Entry<String, String>> headers() {
    return headers;
  }

  byte[] body() {
    return body;
  }

  /** Adds {@code name: prefix + value of field}. */
  void header(String name, String prefix, String field, VaultCredentials credentials) {
    char[] value = credentials.reveal(field);
    try {
      requireHeaderSafe(field, value);
      headers.add(Map.entry(name, prefix + new String(value)));
    } finally {
      Arrays.fill(value, '\0');
    }
  }

  /** Adds {@code Authorization: Basic base64(user:password)}, UTF-8. */
  void basic(String userField, String passwordField, VaultCredentials credentials) {
    char[] user = credentials.reveal(userField);
    char[] password = null;
    char[] pair = null;
    byte[] utf8 = null;
    try {
      password = credentials.reveal(passwordField);
      for (char c : user) {
        if (c == ':') {
          throw new CredentialUnavailableException("credential field " + userField
              + " contains ':', which Basic authentication cannot carry in a user name");
        }
      }
      pair = new char[user.length + 1 + password.length];
      System.arraycopy(user, 0, pair, 0, user.length);
      pair[user.length] = ':';
      System.arraycopy(password, 0, pair, user.length + 1, password.length);
      utf8 = RevealedSecret.utf8(pair);
      headers.add(Map.entry("Authorization", "Basic " + Base64.getEncoder().encodeToString(utf8)));
    } finally {
      wipe(user);
      wipe(password);
      wipe(pair);
      if (utf8 != null) {
        Arrays.fill(utf8, (byte) 0);
      }
    }
  }

  /** Appends {@code param=value of field}, form-encoded, to the body. */
  void formParam(String param, String field, VaultCredentials credentials) {
    char[] value = credentials.reveal(field);
    byte[] encoded = null;
    try {
      encoded = Percent.formEncode(value);
      byte[] name = Percent.encode(param, true).getBytes(StandardCharsets.US_ASCII);
      int separator = body.length == 0 ? 0 : 1;
      byte[] next = new byte[body.length + separator + name.length + 1 + encoded.length];
      System.arraycopy(body, 0, next, 0, body.length);
      if (separator == 1) {
        next[body.length] = '&';
      }
      System.arraycopy(name, 0, next, body.length + separator, name.length);
      next[body.length + separator + name.length] = '=';
      System.arraycopy(encoded, 0, next, body.length + separator + name.length + 1, encoded.length);
      Arrays.fill(body, (byte) 0);
      body = next;
    } finally {
      wipe(value);
      if (encoded != null) {
        Arrays.fill(encoded, (byte) 0);
      }
    }
  }

  /** Zeroes the body and drops the headers. */
  void wipe() {
    Arrays.fill(body, (byte) 0);
    headers.clear();
  }

  private static void requireHeaderSafe(String field, char[] value) {
    for (char c : value) {
      if (c < 0x20 || c == 0x7f || c > 0xff) {
        throw new CredentialUnavailableException("credential field " + field
            + " has a character that cannot be sent in an HTTP header");
      }
    }
  }

  private static void wipe(char[] chars) {
    if (chars != null) {
      Arrays.fill(chars, '\0');
    }
  }
}
