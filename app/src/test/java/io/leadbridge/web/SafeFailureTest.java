package io.leadbridge.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What of a failure reaches a log: types and traces, never a value a library quoted in its message. */
class SafeFailureTest {

  private static final String CANARY = "CANARY-" + UUID.randomUUID();

  private static String logged(Throwable failure) {
    StringWriter trace = new StringWriter();
    SafeFailure.of(failure).printStackTrace(new PrintWriter(trace));
    return trace.toString();
  }

  @Test
  void theHttpClientsHeaderValueRefusalLosesTheValueButKeepsTypeAndTrace() {
    Throwable refusal = catchThrowable(() ->
        HttpRequest.newBuilder(URI.create("https://dms.example.com/hook")).header("X-Key", CANARY + "\r\n"));
    assertThat(refusal).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(CANARY);

    String log = logged(new IllegalStateException("webhook failed", refusal));

    assertThat(log).doesNotContain("CANARY")
        .contains("java.lang.IllegalArgumentException: invalid header value: <rest withheld")
        .contains("java.lang.IllegalStateException: webhook failed")
        .contains("at java.net.http");
  }

  @Test
  void everyQuoteMarkEndsTheMessageAndControlCharactersAndLengthAreBounded() {
    for (String message : new String[] {"For input string: \"" + CANARY + "\"", "Unrecognized token '" + CANARY + "'",
        "value `" + CANARY, "unbalanced \"" + CANARY + "\" then \"" + CANARY}) {
      assertThat(SafeFailure.redacted(message)).doesNotContain("CANARY").endsWith("<rest withheld: may quote a value>");
    }
    assertThat(SafeFailure.redacted("line one\nERROR forged\r\n")).isEqualTo("line one ERROR forged  ");
    assertThat(SafeFailure.redacted("x".repeat(5000))).hasSize(SafeFailure.MAX_MESSAGE_LENGTH + 3);
    assertThat(SafeFailure.of(new NullPointerException()).getMessage()).isEqualTo("java.lang.NullPointerException");
  }
}
