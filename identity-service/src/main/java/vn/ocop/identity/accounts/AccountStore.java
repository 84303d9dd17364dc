package vn.ocop.identity.accounts;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import vn.ocop.chassis.security.Role;
import vn.ocop.identity.accounts.domain.Account;
import vn.ocop.identity.accounts.domain.AccountDetails;

/**
 * Accounts in MongoDB. Every write is one document update guarded by the version (optimistic locking); a
 * unique index on {@code username} makes a duplicate fail with {@code DuplicateKeyException}.
 */
@Repository
class AccountStore {

    private final MongoTemplate mongo;

    AccountStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Inserts a new account or updates an existing one at the version it was read with; returns it as stored. */
    Account save(Account account) {
        return mongo.save(AccountDocument.of(account)).toAccount();
    }

    Optional<Account> findById(String id) {
        return Optional.ofNullable(mongo.findById(id, AccountDocument.class)).map(AccountDocument::toAccount);
    }

    Optional<Account> findByUsername(String username) {
        String normalized = AccountDetails.normalizeUsername(username);
        if (normalized == null || normalized.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("username").is(normalized)),
                AccountDocument.class)).map(AccountDocument::toAccount);
    }

    boolean existsEnabledWithRole(Role role, String exceptId) {
        Criteria criteria = Criteria.where("roles").is(role.name()).and("enabled").is(true);
        if (exceptId != null) {
            criteria = criteria.and("_id").ne(exceptId);
        }
        return mongo.exists(Query.query(criteria), AccountDocument.class);
    }

    boolean existsWithRole(Role role) {
        return mongo.exists(Query.query(Criteria.where("roles").is(role.name())), AccountDocument.class);
    }

    record Slice(List<Account> items, long total) {
    }

    Slice search(Role role, String locality, int page, int size) {
        Criteria criteria = new Criteria();
        if (role != null) {
            criteria = criteria.and("roles").is(role.name());
        }
        if (locality != null && !locality.isBlank()) {
            criteria = criteria.and("locality").is(locality.trim());
        }
        Query query = Query.query(criteria);
        long total = mongo.count(query, AccountDocument.class);
        query.with(Sort.by("username")).skip((long) page * size).limit(size);
        List<Account> items = mongo.find(query, AccountDocument.class).stream().map(AccountDocument::toAccount).toList();
        return new Slice(items, total);
    }

    long count() {
        return mongo.count(new Query(), AccountDocument.class);
    }
}
