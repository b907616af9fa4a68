package io.shopscale.inventory.stock;

import io.shopscale.inventory.Sku;
import io.shopscale.platform.web.InvalidParameterException;
import io.shopscale.platform.web.NotFoundException;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
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
        return stock.find(checked(sku)).orElseThrow(() -> new NotFoundException("No stock is kept for SKU " + sku + "."));
    }

    @PutMapping("/api/admin/inventory/{sku}")
    StockLevel restock(@PathVariable String sku, @Valid @RequestBody StockUpdate update) {
        return stock.setAvailable(checked(sku), update.available());
    }

    private static String checked(String sku) {
        if (!Sku.valid(sku)) {
            throw new InvalidParameterException("sku", "'sku' must be 1 to " + Sku.MAX_LENGTH
                    + " upper-case letters and digits in dash-separated groups, like HKT-00042.");
        }
        return sku;
    }
}
