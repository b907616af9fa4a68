package io.shopscale.orders.order.web;

import io.shopscale.orders.OrdersProperties;
import io.shopscale.orders.order.Order;
import io.shopscale.orders.order.OrderId;
import io.shopscale.orders.order.OrderPage;
import io.shopscale.orders.order.Orders;
import io.shopscale.platform.web.InvalidParameterException;
import io.shopscale.platform.web.NotFoundException;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's own orders. Another user's order answers 404 exactly like one that does not exist, so ids cannot
 * be probed. Reads go to the primary: a user sees their order right after placing it.
 */
@RestController
@RequestMapping("/api/orders")
class OrderController {

    static final int MAX_PAGE = 10_000;

    private final Orders orders;
    private final OrdersProperties properties;

    OrderController(Orders orders, OrdersProperties properties) {
        this.orders = orders;
        this.properties = properties;
    }

    @GetMapping
    OrderSummary.Page list(@AuthenticationPrincipal Jwt caller,
                           @RequestParam(required = false) Integer page,
                           @RequestParam(required = false) Integer size) {
        int pageNumber = page == null ? 0 : page;
        int pageSize = size == null ? properties.defaultPageSize() : size;
        if (pageNumber < 0 || pageNumber > MAX_PAGE) {
            throw new InvalidParameterException("page", "'page' must be between 0 and " + MAX_PAGE + ".");
        }
        if (pageSize < 1 || pageSize > properties.maxPageSize()) {
            throw new InvalidParameterException("size",
                    "'size' must be between 1 and " + properties.maxPageSize() + ".");
        }
        OrderPage found = orders.pageOf(caller.getSubject(), pageNumber, pageSize);
        return new OrderSummary.Page(found.items().stream().map(OrderSummary::of).toList(), found.page(),
                found.size(), found.total());
    }

    @GetMapping("/{id}")
    OrderView order(@AuthenticationPrincipal Jwt caller, @PathVariable UUID id) {
        return orders.find(new OrderId(id))
                .filter(order -> order.belongsTo(caller.getSubject()))
                .map(OrderView::of)
                .orElseThrow(() -> new NotFoundException("No order with id " + id + "."));
    }
}
