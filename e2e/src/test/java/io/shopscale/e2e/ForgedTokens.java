package io.shopscale.e2e;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What an attacker can make from outside: a real token of their own and the public JWKS. Each variant keeps the
 * real token's claims (or raises its own role) and lies about how it was signed.
 */
final class ForgedTokens {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    private final String header;
    private final ObjectNode claims;
    private final String realSignature;
    private final JsonNode publishedKey;

    ForgedTokens(String realToken, String jwks) {
        String[] parts = realToken.split("\\.");
        this.header = new String(DECODE.decode(parts[0]), StandardCharsets.UTF_8);
        this.claims = (ObjectNode) JSON.readTree(DECODE.decode(parts[1]));
        this.realSignature = parts[2];
        this.publishedKey = JSON.readTree(jwks).get("keys").get(0);
    }

    /** Every variant by name; none of them may get past the gateway. */
    Map<String, String> all() throws GeneralSecurityException {
        Map<String, String> forged = new LinkedHashMap<>();
        forged.put("alg none", unsecured());
        forged.put("HS256 keyed with the public key", hmacWithPublicKey());
        forged.put("signed by another key under the real kid", otherKey(kid()));
        forged.put("unknown kid", otherKey("no-such-key"));
        forged.put("ADMIN role added, real signature kept", escalated());
        return forged;
    }

    private String unsecured() {
        return encode(JSON.createObjectNode().put("alg", "none").put("typ", "JWT"), claims) + ".";
    }

    /** The classic algorithm confusion: a verifier that lets the token pick HMAC would check it with the RSA key. */
    private String hmacWithPublicKey() throws GeneralSecurityException {
        String signingInput = encode(JSON.createObjectNode().put("alg", "HS256").put("typ", "JWT").put("kid", kid()),
                claims);
        byte[] secret = publishedKey.toString().getBytes(StandardCharsets.UTF_8);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        return signingInput + "." + B64.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
    }

    private String otherKey(String kid) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair attacker = generator.generateKeyPair();
        String signingInput = encode(JSON.createObjectNode().put("alg", "RS256").put("typ", "JWT").put("kid", kid),
                withAdmin());
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(attacker.getPrivate());
        rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + B64.encodeToString(rsa.sign());
    }

    private String escalated() {
        return B64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(withAdmin().toString().getBytes(StandardCharsets.UTF_8)) + "." + realSignature;
    }

    private ObjectNode withAdmin() {
        ObjectNode admin = claims.deepCopy();
        admin.putArray("roles").add("USER").add("ADMIN");
        return admin;
    }

    private String kid() {
        return publishedKey.get("kid").asString();
    }

    private static String encode(ObjectNode header, ObjectNode claims) {
        return B64.encodeToString(header.toString().getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
    }
}
