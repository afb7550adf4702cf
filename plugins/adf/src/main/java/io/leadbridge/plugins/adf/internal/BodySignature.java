package io.leadbridge.plugins.adf.internal;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The body signature ADF intakes check (GladiusCRM's {@code x-adf-signature} style): lowercase hex
 * HMAC-SHA256 of the exact bytes sent. Stateless and thread-safe.
 */
final class BodySignature {

    private static final String HMAC = "HmacSHA256";

    private BodySignature() {
    }

    /** The signature; the key's bytes are not kept beyond the call. */
    static String hmacSha256Hex(byte[] key, byte[] body) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("the JDK lacks HmacSHA256 or refused the key", e);
        }
    }
}
