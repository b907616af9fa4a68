package io.shopscale.loadtest.blackfriday.workload;

import java.util.List;

/** One drawn request of one shopper (by index into the pool), with everything it needs already chosen. */
public sealed interface Visit {

    int shopper();

    Action action();

    record Search(int shopper, String query) implements Visit {

        public Action action() {
            return Action.SEARCH;
        }
    }

    record ProductPage(int shopper, String productId) implements Visit {

        public Action action() {
            return Action.PRODUCT;
        }
    }

    record StockCheck(int shopper, String sku) implements Visit {

        public Action action() {
            return Action.STOCK;
        }
    }

    record CartPut(int shopper, String sku, int quantity) implements Visit {

        public Action action() {
            return Action.CART_PUT;
        }
    }

    record CartView(int shopper) implements Visit {

        public Action action() {
            return Action.CART_VIEW;
        }
    }

    /**
     * @param resend whether the client sends it a second time with the same key, as clients do when an answer is
     *               slow or lost
     */
    record Checkout(int shopper, List<Line> items, String idempotencyKey, boolean resend, boolean flashSale)
            implements Visit {

        public Checkout {
            items = List.copyOf(items);
        }

        public Action action() {
            return flashSale ? Action.FLASH_CHECKOUT : Action.CHECKOUT;
        }

        /** The request body, e.g. {@code {"items":[{"sku":"BOK-00123","quantity":1}]}}. */
        public String body() {
            StringBuilder out = new StringBuilder("{\"items\":[");
            for (int i = 0; i < items.size(); i++) {
                Line line = items.get(i);
                out.append(i == 0 ? "" : ",").append("{\"sku\":\"").append(line.sku()).append("\",\"quantity\":")
                        .append(line.quantity()).append('}');
            }
            return out.append("]}").toString();
        }
    }

    record Line(String sku, int quantity) {
    }
}
