package io.shopscale.loadtest.blackfriday.audit;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The payment provider's record of charges. One question per order for now; a provider that can list charges in
 * bulk can answer {@link #charges} in one call without the auditor changing.
 */
public interface ChargeLedger {

    Lookup charges(Collection<UUID> orderIds) throws InterruptedException;

    /**
     * @param byOrder   the charges of every order the provider answered for (an empty list: none)
     * @param unanswered orders the provider could not be asked about: their charges are unknown
     */
    record Lookup(Map<UUID, List<Charge>> byOrder, Set<UUID> unanswered) {

        public Lookup {
            byOrder = Map.copyOf(byOrder);
            unanswered = Set.copyOf(unanswered);
        }
    }
}
