package io.leadbridge.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertPath;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateFactory;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import jdk.security.jarsigner.JarSigner;

/**
 * A plugin publisher made for one test: a key pair and self-signed certificate generated with the
 * JDK's {@code keytool} (a fresh random store password), which signs jars with standard JAR signing
 * ({@code jdk.security.jarsigner}) and writes its certificate as a trust store the hub can name.
 * Not thread-safe.
 */
public final class TestPublisher {

  private final PrivateKey key;
  private final CertPath chain;
  private final Certificate certificate;

  private TestPublisher(PrivateKey key, CertPath chain, Certificate certificate) {
    this.key = key;
    this.chain = chain;
    this.certificate = certificate;
  }

  /** A new publisher whose certificate names {@code commonName}. */
  public static TestPublisher create(String commonName) {
    try {
      Path dir = Files.createTempDirectory("publisher-");
      Path store = dir.resolve("publisher.p12");
      String password = UUID.randomUUID().toString();
      Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
          "-genkeypair", "-alias", "publisher", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "30",
          "-dname", "CN=" + commonName, "-storetype", "PKCS12", "-keystore", store.toString(),
          "-storepass", password, "-keypass", password).redirectErrorStream(true).start();
      keytool.getInputStream().readAllBytes();
      if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
        throw new IllegalStateException("keytool could not make a key pair");
      }
      KeyStore keys = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(store)) {
        keys.load(in, password.toCharArray());
      }
      PrivateKey key = (PrivateKey) keys.getKey("publisher", password.toCharArray());
      Certificate[] certificates = keys.getCertificateChain("publisher");
      CertPath chain = CertificateFactory.getInstance("X.509").generateCertPath(Arrays.asList(certificates));
      return new TestPublisher(key, chain, certificates[0]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Signs {@code jar} in place. */
  public Path sign(Path jar) {
    try {
      Path signed = jar.resolveSibling(jar.getFileName() + ".signed");
      try (ZipFile in = new ZipFile(jar.toFile()); OutputStream out = Files.newOutputStream(signed)) {
        new JarSigner.Builder(key, chain).digestAlgorithm("SHA-256").build().sign(in, out);
      }
      return Files.move(signed, jar, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes this publisher's certificate (DER) to a new file, for {@code connectors.trust.trustStore}. */
  public Path trustStore() {
    try {
      Path file = Files.createTempFile("publishers-", ".crt");
      return Files.write(file, certificate.getEncoded());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Rewrites the jar with one byte of {@code entry} flipped, its signature files untouched. */
  public static void tamper(Path jar, String entry) {
    try {
      Path tampered = jar.resolveSibling(jar.getFileName() + ".tampered");
      try (ZipFile in = new ZipFile(jar.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tampered))) {
        for (ZipEntry each : List.copyOf(in.stream().toList())) {
          byte[] content = in.getInputStream(each).readAllBytes();
          if (each.getName().equals(entry)) {
            content[content.length - 1] ^= 1;
          }
          out.putNextEntry(new ZipEntry(each.getName()));
          out.write(content);
          out.closeEntry();
        }
      }
      Files.move(tampered, jar, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
