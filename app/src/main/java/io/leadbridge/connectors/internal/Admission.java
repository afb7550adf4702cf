package io.leadbridge.connectors.internal;

import io.leadbridge.connectors.TrustConfiguration;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Decides whether a jar may load, before any of its classes can: it reads every entry of the host's
 * private copy once — within bounds on entries and inflated bytes, so a zip bomb is refused rather
 * than extracted — verifying JAR signatures as it goes, and admits the jar when its SHA-256 is on
 * the operator's allowlist or every entry is signed by one signer whose certificate chain holds a
 * trusted publisher certificate. Immutable and thread-safe; {@link #load} reads the trust files
 * again for each reload.
 */
final class Admission {

  /** The most entries a plugin jar may have. */
  static final int MAX_ENTRIES = 20_000;
  /** The most bytes a plugin jar's entries may inflate to, together. */
  static final long MAX_INFLATED_BYTES = 512L * 1024 * 1024;

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern SIGNATURE_FILE = Pattern.compile("META-INF/[^/]+\\.(SF|RSA|DSA|EC)|META-INF/SIG-[^/]*",
      Pattern.CASE_INSENSITIVE);

  private final Set<String> allowlisted;
  private final Set<X509Certificate> publishers;
  private final String described;

  private Admission(Set<String> allowlisted, Set<X509Certificate> publishers, String described) {
    this.allowlisted = allowlisted;
    this.publishers = publishers;
    this.described = described;
  }

  /**
   * The trust the configuration names, read now.
   *
   * @throws IOException if a configured file cannot be read or parsed; the message names the file
   */
  static Admission load(TrustConfiguration config) throws IOException {
    Set<String> hashes = config.getAllowlistFile().isPresent() ? allowlist(config.getAllowlistFile().get()) : Set.of();
    Set<X509Certificate> certificates = config.getTrustStore().isPresent()
        ? certificates(config.getTrustStore().get()) : Set.of();
    String described = config.getAllowlistFile().isEmpty() && config.getTrustStore().isEmpty()
        ? "no jar is trusted: connectors.trust names neither an allowlistFile nor a trustStore"
        : "jars trusted by " + config.getAllowlistFile().map(f -> hashes.size() + " SHA-256 hashes in " + f).orElse("no allowlist")
            + " and " + config.getTrustStore().map(f -> certificates.size() + " publisher certificates in " + f)
            .orElse("no trust store");
    return new Admission(Set.copyOf(hashes), Set.copyOf(certificates), described);
  }

  /** Trusts nothing: what the host uses when the trust files cannot be read. */
  static Admission none(String why) {
    return new Admission(Set.of(), Set.of(), why);
  }

  /** How trust is configured, for the log at start and on reload. */
  String described() {
    return described;
  }

  /** The decision on one jar copy, whose bytes hashed to {@code sha256}. */
  Verdict decide(Path copy, String sha256) {
    Inspection inspection;
    try {
      inspection = inspect(copy);
    } catch (Refused refused) {
      return Verdict.refused(refused.getMessage());
    }
    Optional<String> signer = inspection.signer().map(Admission::subject);
    if (allowlisted.contains(sha256)) {
      return new Verdict(true, Optional.of("allowlisted"), signer, Optional.empty());
    }
    if (inspection.signer().isPresent() && inspection.trustedSigner()) {
      return new Verdict(true, Optional.of("signed"), signer, Optional.empty());
    }
    String why = inspection.problem().map(problem -> " (" + problem + ")").orElse(
        inspection.signer().isPresent() ? " (signed by " + signer.get() + ", who is not in connectors.trust.trustStore)" : "");
    return new Verdict(false, Optional.empty(), signer, Optional.of("not trusted: " + sha256 + why));
  }

  private Inspection inspect(Path copy) throws Refused {
    try (JarFile jar = new JarFile(copy.toFile(), true)) {
      long inflated = 0;
      int entries = 0;
      Set<CodeSigner> common = null;
      Optional<String> problem = Optional.empty();
      byte[] buffer = new byte[64 * 1024];
      for (Enumeration<JarEntry> all = jar.entries(); all.hasMoreElements(); ) {
        JarEntry entry = all.nextElement();
        if (++entries > MAX_ENTRIES) {
          throw new Refused("the jar has more than " + MAX_ENTRIES + " entries");
        }
        try (InputStream in = jar.getInputStream(entry)) {
          for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
            inflated += read;
            if (inflated > MAX_INFLATED_BYTES) {
              throw new Refused("the jar inflates to more than " + (MAX_INFLATED_BYTES >> 20) + " MiB (a zip bomb?)");
            }
          }
        } catch (SecurityException tampered) {
          problem = problem.or(() -> Optional.of("the signature does not verify: " + Causes.oneLine(entry.getName())));
          continue;
        }
        if (entry.isDirectory() || isSignatureFile(entry.getName())) {
          continue;
        }
        CodeSigner[] signers = entry.getCodeSigners();
        Set<CodeSigner> these = signers == null ? Set.of() : Set.of(signers);
        if (common != null && !common.isEmpty() && these.isEmpty() && problem.isEmpty()) {
          problem = Optional.of("the signature does not cover " + Causes.oneLine(entry.getName()));
        }
        common = common == null ? new HashSet<>(these) : retain(common, these);
      }
      Optional<X509Certificate> signer = problem.isPresent() || common == null || common.isEmpty()
          ? Optional.empty() : Optional.of(leaf(common.iterator().next()));
      boolean trusted = signer.isPresent() && common.stream().anyMatch(this::chainsToPublisher);
      if (problem.isEmpty() && common != null && common.isEmpty() && signedAnywhere(jar)) {
        problem = Optional.of("not every entry is signed by the same signer");
      }
      return new Inspection(signer, trusted, problem);
    } catch (IOException | RuntimeException unreadable) {
      throw new Refused("the file is not a readable jar: " + Causes.oneLine(unreadable.getClass().getSimpleName()));
    }
  }

  private static Set<CodeSigner> retain(Set<CodeSigner> common, Set<CodeSigner> these) {
    common.retainAll(these);
    return common;
  }

  private static boolean signedAnywhere(JarFile jar) {
    return jar.stream().anyMatch(entry -> SIGNATURE_FILE.matcher(entry.getName()).matches());
  }

  private boolean chainsToPublisher(CodeSigner signer) {
    List<? extends Certificate> chain = signer.getSignerCertPath().getCertificates();
    for (int i = 0; i < chain.size(); i++) {
      if (publishers.contains(chain.get(i))) {
        return signedAlong(chain, i);
      }
    }
    return false;
  }

  /** Whether each certificate up to {@code to} is signed by the next one in the chain. */
  private static boolean signedAlong(List<? extends Certificate> chain, int to) {
    try {
      for (int i = 0; i < to; i++) {
        chain.get(i).verify(chain.get(i + 1).getPublicKey());
      }
      return true;
    } catch (GeneralSecurityException broken) {
      return false;
    }
  }

  private static X509Certificate leaf(CodeSigner signer) {
    return (X509Certificate) signer.getSignerCertPath().getCertificates().get(0);
  }

  private static String subject(X509Certificate certificate) {
    return Causes.oneLine(certificate.getSubjectX500Principal().getName());
  }

  private static boolean isSignatureFile(String name) {
    return name.equalsIgnoreCase(JarFile.MANIFEST_NAME) || SIGNATURE_FILE.matcher(name).matches();
  }

  private static Set<String> allowlist(Path file) throws IOException {
    Set<String> hashes = new HashSet<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      int comment = line.indexOf('#');
      String content = (comment >= 0 ? line.substring(0, comment) : line).strip();
      if (content.isEmpty()) {
        continue;
      }
      String hash = content.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
      if (!SHA256.matcher(hash).matches()) {
        throw new IOException(file + " line " + (i + 1) + " does not start with a SHA-256 in hex");
      }
      hashes.add(hash);
    }
    return hashes;
  }

  private static Set<X509Certificate> certificates(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      Collection<? extends Certificate> read = CertificateFactory.getInstance("X.509").generateCertificates(in);
      return read.stream().map(X509Certificate.class::cast).collect(Collectors.toSet());
    } catch (GeneralSecurityException e) {
      throw new IOException(file + " holds no readable X.509 certificates", e);
    }
  }

  /** What one jar's entries said: its signer (when every entry has the same one) and any problem. */
  private record Inspection(Optional<X509Certificate> signer, boolean trustedSigner, Optional<String> problem) {}

  /**
   * The decision on one jar; immutable.
   *
   * @param trusted whether the jar may load
   * @param how {@code allowlisted} or {@code signed} when trusted
   * @param signer the subject of the jar's signing certificate, when it is signed
   * @param cause why it may not load, when it may not
   */
  record Verdict(boolean trusted, Optional<String> how, Optional<String> signer, Optional<String> cause) {

    static Verdict refused(String cause) {
      return new Verdict(false, Optional.empty(), Optional.empty(), Optional.of(cause));
    }
  }

  /** A jar that cannot even be inspected; its message is the one-line cause. */
  private static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message, null, false, false);
    }
  }
}
