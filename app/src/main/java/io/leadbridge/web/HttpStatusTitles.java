package io.leadbridge.web;

import jakarta.ws.rs.core.Response;

/** Reason phrases for problem titles, including the codes JAX-RS has no constant for; stateless. */
public final class HttpStatusTitles {

  private HttpStatusTitles() {}

  public static String title(int status) {
    if (status == 422) {
      return "Unprocessable Content";
    }
    if (status == 429) {
      return "Too Many Requests";
    }
    Response.Status known = Response.Status.fromStatusCode(status);
    return known == null ? "Error" : known.getReasonPhrase();
  }
}
