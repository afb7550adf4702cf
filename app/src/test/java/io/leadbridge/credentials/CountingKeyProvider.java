package io.leadbridge.credentials;

import io.leadbridge.credentials.internal.KeyProvider;
import io.leadbridge.credentials.internal.LocalKeyProvider;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real local key provider that counts its calls and can be told to die after a number of
 * rewraps, the way a process killed half-way through a rotation would. Thread-safe.
 */
final class CountingKeyProvider implements KeyProvider {

  private final LocalKeyProvider delegate;
  final AtomicInteger generated = new AtomicInteger();
  final AtomicInteger unwrapped = new AtomicInteger();
  final AtomicInteger rewrapped = new AtomicInteger();
  private volatile int rewrapsBeforeCrash = Integer.MAX_VALUE;

  CountingKeyProvider(Path directory) {
    this.delegate = new LocalKeyProvider(directory, "primary");
  }

  /** The next rewraps after {@code count} throw, as if the process had been killed. */
  void crashAfterRewraps(int count) {
    rewrapsBeforeCrash = rewrapped.get() + count;
  }

  void healed() {
    rewrapsBeforeCrash = Integer.MAX_VALUE;
  }

  @Override
  public String kind() {
    return delegate.kind();
  }

  @Override
  public String currentKeyId() {
    return delegate.currentKeyId();
  }

  @Override
  public NewDataKey generateDataKey(UUID tenantId) {
    generated.incrementAndGet();
    return delegate.generateDataKey(tenantId);
  }

  @Override
  public byte[] unwrap(UUID tenantId, String keyId, byte[] wrapped) {
    unwrapped.incrementAndGet();
    return delegate.unwrap(tenantId, keyId, wrapped);
  }

  @Override
  public WrappedDataKey rewrap(UUID tenantId, String keyId, byte[] wrapped, String targetKeyId) {
    if (rewrapped.get() >= rewrapsBeforeCrash) {
      throw new SimulatedCrash();
    }
    rewrapped.incrementAndGet();
    return delegate.rewrap(tenantId, keyId, wrapped, targetKeyId);
  }

  @Override
  public String resolve(String keyReference) {
    return delegate.resolve(keyReference);
  }

  @Override
  public void probe() {
    delegate.probe();
  }

  @Override
  public void close() {
    delegate.close();
  }

  /** Stands for the process dying mid-rotation. */
  static final class SimulatedCrash extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SimulatedCrash() {
      super("simulated crash");
    }
  }
}
