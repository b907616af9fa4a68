package io.shopscale.loadtest.blackfriday.audit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/** Checkouts are idempotent: as the generator saw them answered, and as orders stored them. */
final class IdempotencyRules {

    private IdempotencyRules() {
    }

    static Check resends(AuditInput input) {
        List<String> mismatches = input.answers().replayMismatches();
        return Invariant.IDEMPOTENT_RESENDS.judged(mismatches, mismatches.size(),
                mismatches.size() + " resends answered with another order");
    }

    /**
     * Per shopper, its stored orders against its keys answered 202: orders stores an order and completes its key in
     * one transaction, so the two sets are equal. An order without such a key was made past the key (a duplicate the
     * client may never have seen); a key without its order is an accepted order lost. Only the run's shoppers: their
     * whole history is the run, while other users' keys may predate it or have expired.
     */
    static Check keys(AuditInput input) {
        Map<String, List<UUID>> orders = new TreeMap<>();
        Map<String, List<UUID>> keys = new TreeMap<>();
        input.scope().shoppers().forEach(user -> {
            orders.put(user, new ArrayList<>());
            keys.put(user, new ArrayList<>());
        });
        input.orders().stream().filter(o -> orders.containsKey(o.userId()))
                .forEach(o -> orders.get(o.userId()).add(o.id()));
        input.stores().acceptedKeys().stream().filter(k -> keys.containsKey(k.userId()))
                .forEach(k -> keys.get(k.userId()).add(k.orderId()));
        List<String> examples = new ArrayList<>();
        orders.forEach((user, stored) -> {
            List<UUID> keyed = keys.get(user);
            Set<UUID> withoutKey = new HashSet<>(stored);
            keyed.forEach(withoutKey::remove);
            Set<UUID> lost = new HashSet<>(keyed);
            stored.forEach(lost::remove);
            if (stored.size() != keyed.size() || !withoutKey.isEmpty() || !lost.isEmpty()) {
                examples.add("%s: %d orders stored, %d keys answered 202%s%s".formatted(user, stored.size(),
                        keyed.size(), withoutKey.isEmpty() ? "" : "; orders without such a key " + sorted(withoutKey),
                        lost.isEmpty() ? "" : "; keys whose order is not stored " + sorted(lost)));
            }
        });
        return Invariant.ORDERS_MATCH_KEYS.judged(examples, examples.size(),
                examples.size() + " of " + orders.size() + " shoppers with orders other than their accepted keys");
    }

    private static List<UUID> sorted(Set<UUID> ids) {
        return ids.stream().sorted().toList();
    }
}
