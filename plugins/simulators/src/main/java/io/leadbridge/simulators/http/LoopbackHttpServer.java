package io.leadbridge.simulators.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Serves a simulator on loopback with the JDK HTTP server, parking delayed and hung requests so they hold no thread; thread-safe. */
public final class LoopbackHttpServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LoopbackHttpServer.class);
  private static final int WORKER_THREADS = 16;
  private static final int ACCEPT_BACKLOG = 256;

  static {
    // The JDK server writes headers and body separately; with Nagle on, each answer waits for the
    // client's delayed ACK (~40 ms). Read once, when the first JDK HttpServer is created.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final String name;
  private final HttpServer server;
  private final ExecutorService workers;
  private final ScheduledExecutorService timers;
  private final ParkedExchanges parked = new ParkedExchanges();
  private final Function<SimRequest, Reply> handler;

  private LoopbackHttpServer(String name, int port, Function<SimRequest, Reply> handler) {
    this.name = name;
    this.handler = handler;
    this.workers = Executors.newFixedThreadPool(WORKER_THREADS, daemonThreads(name + "-worker"));
    this.timers = Executors.newSingleThreadScheduledExecutor(daemonThreads(name + "-timer"));
    try {
      this.server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), ACCEPT_BACKLOG);
    } catch (IOException e) {
      workers.shutdownNow();
      timers.shutdownNow();
      throw new UncheckedIOException("Cannot bind " + name + " to loopback port " + port, e);
    }
    server.setExecutor(workers);
    server.createContext("/", this::onExchange);
  }

  /** Binds to {@code 127.0.0.1:port} (0 = an ephemeral port) and starts serving. */
  public static LoopbackHttpServer start(String name, int port, Function<SimRequest, Reply> handler) {
    LoopbackHttpServer started = new LoopbackHttpServer(name, port, handler);
    started.server.start();
    return started;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + port());
  }

  /** How many requests are hanging right now. */
  public int hungRequestCount() {
    return parked.size();
  }

  /** Lets every hanging request proceed; returns how many were released. */
  public int releaseHungRequests() {
    List<ParkedExchanges.Parked> released = parked.drain();
    for (ParkedExchanges.Parked each : released) {
      submit(() -> complete(each.exchange(), each.onRelease().get()));
    }
    return released.size();
  }

  /** Stops at once: hanging and delayed requests lose their connection without an answer. */
  @Override
  public void close() {
    timers.shutdownNow();
    parked.drain().forEach(each -> each.exchange().close());
    server.stop(0);
    workers.shutdownNow();
    LOG.debug("{} stopped", name);
  }

  private void onExchange(HttpExchange exchange) {
    SimRequest request;
    try {
      request = SimRequest.read(exchange);
    } catch (IOException e) {
      LOG.debug("{}: client went away while sending its request", name);
      exchange.close();
      return;
    }
    complete(exchange, handler.apply(request));
  }

  private void complete(HttpExchange exchange, Reply reply) {
    if (reply instanceof Reply.Respond respond) {
      send(exchange, respond.response());
    } else if (reply instanceof Reply.Delay delay) {
      schedule(exchange, delay);
    } else if (reply instanceof Reply.Hang hang) {
      parked.park(exchange, hang.onRelease());
    }
  }

  private void schedule(HttpExchange exchange, Reply.Delay delay) {
    try {
      timers.schedule(
          () -> submit(() -> complete(exchange, delay.next().get())),
          delay.delay().toNanos(),
          TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException closing) {
      exchange.close();
    }
  }

  private void submit(Runnable task) {
    try {
      workers.execute(task);
    } catch (RejectedExecutionException closing) {
      LOG.debug("{}: dropped work because the server is closing", name);
    }
  }

  private void send(HttpExchange exchange, SimResponse response) {
    try (exchange) {
      for (Map.Entry<String, List<String>> header : response.headers().entrySet()) {
        exchange.getResponseHeaders().put(header.getKey(), header.getValue());
      }
      int length = response.bodyLength();
      exchange.sendResponseHeaders(response.status(), length == 0 ? -1 : length);
      if (length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(response.bodyUnsafe());
        }
      }
    } catch (IOException e) {
      LOG.debug("{}: client went away before its answer was written", name);
    }
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger counter = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
