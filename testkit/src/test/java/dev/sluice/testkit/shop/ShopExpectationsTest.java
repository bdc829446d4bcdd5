package dev.sluice.testkit.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.testkit.shop.ShopExpectations.CustomerRow;
import dev.sluice.testkit.shop.ShopExpectations.OrderRow;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShopExpectationsTest {

    private final ShopExpectations shop = ShopExpectations.fromClasspath();

    @Test
    void countsRowsOfEverySeedAndModel() {
        assertThat(shop.customers()).hasSize(100);
        assertThat(shop.orders()).hasSize(99);
        assertThat(shop.rowCounts()).containsEntry("raw_payments", 113).containsEntry("stg_payments", 113)
                .containsEntry("customers", 100).containsEntry("orders", 99).hasSize(8);
        assertThat(ShopExpectations.NODE_COUNT).isEqualTo(28);
    }

    @Test
    void rowsAreOrderedByPrimaryKey() {
        assertThat(shop.customers()).extracting(CustomerRow::customerId).isSorted().startsWith(1L).endsWith(100L);
        assertThat(shop.orders()).extracting(OrderRow::orderId).isSorted().startsWith(1L).endsWith(99L);
    }

    @Test
    void customerWithThreeOrders() {
        // orders 9, 25 and 96; payments 10.25 + 10.00 + 22.25, checked by hand against the CSVs
        assertThat(shop.customer(59).values()).containsExactly(59L, "Pavel", "F.", LocalDate.of(2018, 1, 5),
                LocalDate.of(2018, 4, 9), 3L, new BigDecimal("42.50"));
    }

    @Test
    void customerWithoutOrdersHasNullSummaries() {
        assertThat(shop.customer(22).values())
                .containsExactly(22L, "Silas", "V.", null, null, null, null);
        assertThat(shop.customers()).filteredOn(c -> c.numberOfOrders() == null).hasSize(31);
        assertThat(shop.customers()).filteredOn(c -> c.customerLifetimeValue() == null).hasSize(31);
    }

    @Test
    void orderPaidWithThreeMethods() {
        OrderRow order = shop.order(34);
        assertThat(order.values()).containsExactly(34L, 49L, LocalDate.of(2018, 1, 29), "completed",
                new BigDecimal("12.25"), new BigDecimal("10.00"), new BigDecimal("0.00"), new BigDecimal("48.99"),
                new BigDecimal("71.24"));
        assertThat(order.amountFor("bank_transfer")).isEqualByComparingTo("0");
        assertThatThrownBy(() -> order.amountFor("cash")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void totalsAgreeWithThePaymentsSeed() {
        BigDecimal orders = shop.orders().stream().map(OrderRow::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal customers = shop.customers().stream().map(CustomerRow::customerLifetimeValue)
                .filter(v -> v != null).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(orders).isEqualTo(new BigDecimal("3264.48"));
        assertThat(customers).isEqualTo(orders);
        assertThat(shop.orders()).allSatisfy(o -> assertThat(o.values()).doesNotContainNull());
    }

    @Test
    void orderWithoutPaymentsHasNullAmounts() throws Exception {
        ShopExpectations tiny = ShopExpectations.fromReaders(
                new StringReader("id,first_name,last_name\n1,Ana,B.\n2,Cy,D.\n"),
                new StringReader("id,user_id,order_date,status\n1,1,2018-03-01,placed\n"),
                new StringReader("id,order_id,payment_method,amount\n"));
        assertThat(tiny.order(1).values().subList(4, 9)).containsOnlyNulls();
        assertThat(tiny.customer(1).numberOfOrders()).isEqualTo(1L);
        assertThat(tiny.customer(1).customerLifetimeValue()).isNull();
        assertThat(tiny.customer(2).firstOrder()).isNull();
    }

    @Test
    void rejectsAnUnexpectedHeader() {
        assertThatThrownBy(() -> ShopExpectations.fromReaders(new StringReader("id,name\n"),
                new StringReader(""), new StringReader("")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("header");
        assertThat(List.of(ShopExpectations.CUSTOMER_COLUMNS.size(), ShopExpectations.ORDER_COLUMNS.size()))
                .containsExactly(7, 9);
    }
}
