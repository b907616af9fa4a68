package io.shopscale.inventory.stock;

import io.shopscale.inventory.Sku;
import io.shopscale.platform.web.InvalidParameterException;
import io.shopscale.platform.web.NotFoundException;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stock over HTTP: shoppers see what is available (public), admins see the whole split and restock. Reservations
 * are not made here but over gRPC by the orders service.
 */
@RestController
class StockController {

    private final StockRepository stock;

    StockController(StockRepository stock) {
        this.stock = stock;
    }

    @GetMapping("/api/inventory/{sku}")
    Availability availability(@PathVariable String sku) {
        StockLevel level = level(sku);
        return new Availability(level.sku(), level.available());
    }

    @GetMapping("/api/admin/inventory/{sku}")
    StockLevel level(@PathVariable String sku) {
        return stock.find(checked(sku)).orElseThrow(() -> unknown(sku));
    }

    private static NotFoundException unknown(String sku) {
        return new NotFoundException("No stock is kept for SKU " + sku + ".");
    }

    /**
     * Sets the available units, compare-and-set: only if the SKU is still at the version the update names, so a
     * reservation made between the admin's read and write is never erased. A conflict is 409 with the current level.
     */
    @PutMapping("/api/admin/inventory/{sku}")
    StockLevel set(@PathVariable String sku, @Valid @RequestBody StockUpdate update) {
        return switch (stock.setAvailable(checked(sku), update.available(), update.version())) {
            case StockChange.Applied applied -> applied.level();
            case StockChange.Conflict conflict -> throw new StockConflictException(conflict.current());
            case StockChange.Unknown unknown -> throw unknown(sku);
        };
    }

    /** Adds delivered units to what is available: safe whatever happens meanwhile, so no version is needed. */
    @PostMapping("/api/admin/inventory/{sku}/restock")
    StockLevel restock(@PathVariable String sku, @Valid @RequestBody Restock restock) {
        return stock.restock(checked(sku), restock.quantity()).orElseThrow(() -> unknown(sku));
    }

    private static String checked(String sku) {
        if (!Sku.valid(sku)) {
            throw new InvalidParameterException("sku", "'sku' must be 1 to " + Sku.MAX_LENGTH
                    + " upper-case letters and digits in dash-separated groups, like HKT-00042.");
        }
        return sku;
    }
}
