package vn.ocop.identity.accounts.domain;

/** One-way password hashing, provided by the edge (Argon2id there); the domain never sees an algorithm. */
public interface PasswordHasher {

    String hash(String rawPassword);

    boolean matches(String rawPassword, String hash);
}
