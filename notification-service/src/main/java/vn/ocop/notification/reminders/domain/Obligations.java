package vn.ocop.notification.reminders.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Who still owes something for a deadline. Nothing is owed once a deadline is met. */
public final class Obligations {

    private Obligations() {
    }

    /** Localities with fewer submitted products than their target, in the round's order. */
    public static List<Shortfall> round(Map<String, Integer> targets, Map<String, Long> submitted) {
        return targets.entrySet().stream()
                .map(target -> new Shortfall(target.getKey(), submitted.getOrDefault(target.getKey(), 0L),
                        target.getValue()))
                .filter(shortfall -> shortfall.done() < shortfall.required())
                .toList();
    }

    /** Units that have not delivered (their report, or a custom task) yet. */
    public static List<Shortfall> missing(Collection<String> owing, Set<String> delivered) {
        return owing.stream().filter(unit -> !delivered.contains(unit))
                .map(unit -> new Shortfall(unit, 0, 1)).toList();
    }

    /** Everyone listed is told; there is nothing they could have done to stop it. */
    public static List<Shortfall> informed(Collection<String> units) {
        return units.stream().distinct().map(unit -> new Shortfall(unit, 0, 0)).toList();
    }

    /** The send key that makes a reminder unique: one per deadline, recipient and offset. */
    public static String reminderKey(String deadlineId, String unitCode, int offset) {
        return "reminder:" + deadlineId + ":" + unitCode + ":" + offset;
    }
}
