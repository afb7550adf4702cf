package io.leadbridge.connectors;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads a response body into memory up to a limit and fails with {@link TooLarge} beyond it,
 * without reading the rest (a declared {@code Content-Length} over the limit fails before the
 * first byte). Shared by the connector host and the integrations' webhook deliverer. Stateless and
 * thread-safe; each subscriber it makes serves one response.
 */
public final class CappedBody implements HttpResponse.BodyHandler<byte[]> {

  private final long limit;

  public CappedBody(long limit) {
    this.limit = limit;
  }

  /** The body exceeded the limit; carries the status for the plugin's exception. */
  public static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final long limitBytes;

    TooLarge(int status, long limitBytes) {
      super("response body larger than " + limitBytes + " bytes");
      this.status = status;
      this.limitBytes = limitBytes;
    }

    public int status() {
      return status;
    }

    public long limitBytes() {
      return limitBytes;
    }
  }

  @Override
  public HttpResponse.BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo info) {
    long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
    return new Subscriber(info.statusCode(), limit, declared > limit);
  }

  /** Collects one body; reactive-streams signals arrive one at a time, so no locking is needed. */
  private static final class Subscriber implements HttpResponse.BodySubscriber<byte[]> {
    private final int status;
    private final long limit;
    private final boolean declaredTooLarge;
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private Flow.Subscription subscription;
    private long received;

    Subscriber(int status, long limit, boolean declaredTooLarge) {
      this.status = status;
      this.limit = limit;
      this.declaredTooLarge = declaredTooLarge;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      if (declaredTooLarge) {
        fail();
      } else {
        subscription.request(Long.MAX_VALUE);
      }
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      if (body.isDone()) {
        return;
      }
      for (ByteBuffer item : items) {
        received += item.remaining();
        if (received > limit) {
          fail();
          return;
        }
        byte[] chunk = new byte[item.remaining()];
        item.get(chunk);
        buffer.write(chunk, 0, chunk.length);
      }
    }

    @Override
    public void onError(Throwable failure) {
      body.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
      body.complete(buffer.toByteArray());
    }

    private void fail() {
      subscription.cancel();
      body.completeExceptionally(new TooLarge(status, limit));
    }
  }
}
