package vn.ocop.notification.inbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import vn.ocop.chassis.errors.NotFoundException;
import vn.ocop.chassis.security.AgencyPrincipal;
import vn.ocop.chassis.security.Role;
import vn.ocop.contracts.notification.NotificationChannel;
import vn.ocop.contracts.notification.NotificationSent;
import vn.ocop.notification.inbox.InboxItem.RecipientType;

/** The in-app inboxes: one per unit and one per user. */
@Service
public class Inbox {

    private final MongoOperations mongo;
    private final Clock clock;
    private final String provinceUnit;

    public Inbox(MongoOperations mongo, Clock clock,
            @org.springframework.beans.factory.annotation.Value("${ocop.notification.province-unit:89}") String provinceUnit) {
        this.mongo = mongo;
        this.clock = clock;
        this.provinceUnit = provinceUnit;
    }

    /** Puts a message in an inbox once; returns false when a message with this id is already there. */
    public boolean post(String id, RecipientType type, String recipient, String kind, String reference,
            String subjectVi, String bodyVi, String subjectEn, String bodyEn) {
        var now = clock.instant();
        var item = new InboxItem(id, type, recipient, kind, reference, subjectVi, bodyVi, subjectEn, bodyEn, now);
        item.recordEvent(new NotificationSent(id, NotificationChannel.IN_APP, type.name().toLowerCase() + ":" + recipient,
                kind, reference, now), id, now);
        try {
            mongo.insert(item);
            return true;
        } catch (DuplicateKeyException alreadyThere) {
            return false;
        }
    }

    /** The unit whose inbox an officer reads: its locality, its department, or the province. */
    public String unitOf(AgencyPrincipal me) {
        if (me.isProvinceOfficer()) {
            return provinceUnit;
        }
        if (me.has(Role.LOCALITY_OFFICER) && me.locality() != null) {
            return me.locality();
        }
        if (me.has(Role.DEPARTMENT_OFFICER) && me.agency() != null) {
            return vn.ocop.notification.units.UnitDirectory.canonical(me.agency());
        }
        return null;
    }

    private Criteria visibleTo(AgencyPrincipal me) {
        List<Criteria> mine = new ArrayList<>();
        mine.add(where("recipientType").is(RecipientType.USER).and("recipient").is(me.subject()));
        String unit = unitOf(me);
        if (unit != null) {
            mine.add(where("recipientType").is(RecipientType.UNIT).and("recipient").is(unit));
        }
        return new Criteria().orOperator(mine);
    }

    public List<InboxItem> list(AgencyPrincipal me, boolean unreadOnly, int limit) {
        Criteria criteria = visibleTo(me);
        if (unreadOnly) {
            criteria = new Criteria().andOperator(criteria, where("readBy").ne(me.subject()));
        }
        return mongo.find(query(criteria).with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(limit),
                InboxItem.class);
    }

    public long unreadCount(AgencyPrincipal me) {
        return mongo.count(query(new Criteria().andOperator(visibleTo(me), where("readBy").ne(me.subject()))),
                InboxItem.class);
    }

    public void markRead(AgencyPrincipal me, String id) {
        Query mine = query(new Criteria().andOperator(where("_id").is(id), visibleTo(me)));
        var result = mongo.updateFirst(mine, new Update().addToSet("readBy", me.subject()), InboxItem.class);
        if (result.getMatchedCount() == 0) {
            throw new NotFoundException("inbox.item-not-found", id);
        }
    }

    public long markAllRead(AgencyPrincipal me) {
        return mongo.updateMulti(query(new Criteria().andOperator(visibleTo(me), where("readBy").ne(me.subject()))),
                new Update().addToSet("readBy", me.subject()), InboxItem.class).getModifiedCount();
    }
}
