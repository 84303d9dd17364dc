package vn.ocop.identity.authserver;

import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/**
 * The RSA key that signs every token, generated once and kept in MongoDB (collection {@code signing_keys}, document
 * {@code _id: "current"}), so that restarts and every replica sign with the same key and tokens already issued stay
 * valid. Replicas starting together race on the fixed {@code _id}: one insert wins, the others read its key.
 *
 * <p>The private key is stored as a JWK in clear: the database must be protected like a secret store. Rotation
 * (a new current key while the previous one is still published) is not implemented yet.
 */
@Component
public class SigningKeyStore {

    public static final String COLLECTION = "signing_keys";
    static final String CURRENT = "current";
    private static final Logger log = LoggerFactory.getLogger(SigningKeyStore.class);

    private final MongoTemplate mongo;

    public SigningKeyStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The current signing key, creating and storing it if there is none. */
    public RSAKey loadOrCreate() {
        RSAKey stored = load();
        if (stored != null) {
            return stored;
        }
        RSAKey generated = generate();
        Document document = new Document("_id", CURRENT)
                .append("kid", generated.getKeyID())
                .append("algorithm", JWSAlgorithm.RS256.getName())
                .append("jwk", generated.toJSONString())
                .append("createdAt", Date.from(Instant.now()));
        try {
            mongo.insert(document, COLLECTION);
            log.info("Generated and stored a new token signing key, kid {}", generated.getKeyID());
            return generated;
        } catch (DuplicateKeyException otherReplicaWasFaster) {
            RSAKey winner = load();
            if (winner == null) {
                throw new IllegalStateException("signing key vanished after a duplicate-key insert", otherReplicaWasFaster);
            }
            return winner;
        }
    }

    private RSAKey load() {
        Document document = mongo.findById(CURRENT, Document.class, COLLECTION);
        if (document == null) {
            return null;
        }
        try {
            return RSAKey.parse(document.getString("jwk"));
        } catch (ParseException e) {
            throw new IllegalStateException("the stored signing key cannot be read", e);
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048)
                    .keyID(UUID.randomUUID().toString())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .issueTime(new Date())
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("could not generate an RSA key pair", e);
        }
    }
}
