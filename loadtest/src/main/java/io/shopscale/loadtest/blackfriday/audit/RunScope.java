package io.shopscale.loadtest.blackfriday.audit;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Which rows of the stores a run answers for. All orders of its shoppers (registered for this run, so nothing of
 * theirs is older) and every id answered 202, as before; and, since the audit must also see orders no client was told
 * about (an answer lost on its way), every order placed or changed since the baseline, whoever placed it. That last
 * part also makes the stock comparison exact when other traffic shares the shop: {@code inventory.stock} is counted
 * for the whole shop, so the orders to hold it against are all those confirmed in the same window, not only the
 * run's own.
 *
 * @param since the database's clock when the baseline was read; rows written at or after it belong to the run
 */
public record RunScope(Instant since, Set<String> shoppers, Set<UUID> accepted) {

    public RunScope {
        shoppers = Set.copyOf(shoppers);
        accepted = Set.copyOf(accepted);
    }
}
