package io.shopscale.platform.security;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.RemoteKeySourceException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import io.shopscale.platform.tokens.KnownSigningKeys;
import java.net.URI;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.RequestEntity;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestTemplate;

/**
 * Identity's public signing keys, fetched from its JWKS endpoint through discovery and adopted only as
 * {@link KnownSigningKeys} allows: a set that drops every key in use is refused and the keys in use are kept. Nimbus's
 * cache sits in front ({@link #cached}) and asks here when its keys are older than their max age or a token names a
 * key id it does not know.
 */
final class IdentityJwkSetSource implements JWKSetSource<SecurityContext> {

    private static final MediaType JWK_SET = new MediaType("application", "jwk-set+json");

    private final RestTemplate http = new RestTemplate();

    private final URI jwkSetUri;

    private final KnownSigningKeys knownKeys;

    /** The instance the last fetch went to; guarded by this. */
    private URI servedBy;

    /**
     * @param routing what turns the service name in {@code jwkSetUri} into an instance's address (the load balancer)
     */
    IdentityJwkSetSource(ClientHttpRequestFactory requests, List<? extends ClientHttpRequestInterceptor> routing,
            URI jwkSetUri, KnownSigningKeys knownKeys) {
        this.jwkSetUri = jwkSetUri;
        this.knownKeys = knownKeys;
        this.servedBy = jwkSetUri;
        http.setRequestFactory(requests);
        http.getInterceptors().addAll(routing);
        // After the routing, so it sees the instance picked: a refusal names the address that served the keys.
        http.getInterceptors().add((request, body, execution) -> {
            servedBy = request.getURI();
            return execution.execute(request, body);
        });
    }

    /**
     * This source behind Nimbus's cache, which keeps the keys for {@code maxAge}; otherwise set up as Spring Security's
     * {@code NimbusJwtDecoder.withJwkSetUri(...)} sets up its own: no refresh ahead, no rate limit.
     */
    JWKSource<SecurityContext> cached(Duration maxAge) {
        return JWKSourceBuilder.create(this)
                .cache(maxAge.toMillis(), JWKSourceBuilder.DEFAULT_CACHE_REFRESH_TIMEOUT)
                .refreshAheadCache(false)
                .rateLimited(false)
                .build();
    }

    @Override
    public synchronized JWKSet getJWKSet(JWKSetCacheRefreshEvaluator refreshEvaluator, long currentTime,
            SecurityContext context) throws KeySourceException {
        servedBy = jwkSetUri;
        String body;
        try {
            body = http.exchange(RequestEntity.get(jwkSetUri).accept(MediaType.APPLICATION_JSON, JWK_SET).build(),
                    String.class).getBody();
        } catch (RestClientException ex) {
            throw new RemoteKeySourceException("Cannot fetch identity's signing keys from " + jwkSetUri + ": "
                    + ex.getMessage(), ex);
        }
        JWKSet fetched;
        try {
            // Only ever verify with public keys, even if a private one were published by mistake.
            fetched = JWKSet.parse(body == null ? "" : body).toPublicJWKSet();
        } catch (ParseException ex) {
            throw new RemoteKeySourceException(servedBy + " served no valid JWK set", ex);
        }
        return knownKeys.adopt(fetched, servedBy.toString());
    }

    @Override
    public void close() {
        // Nothing held open: each fetch is a request of its own.
    }
}
