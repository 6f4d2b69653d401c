package com.bharatbuild.wallet;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Token packages and orders, in SQL that runs on H2 and PostgreSQL. */
@Repository
class Orders {

  /** An order as stored, with the owner the view leaves out. */
  record Row(UUID userId, OrderView view, @Nullable String reference) {}

  private static final RowMapper<TokenPackage> PACKAGE =
      (rs, n) ->
          new TokenPackage(
              rs.getString("id"),
              rs.getString("name"),
              rs.getLong("tokens"),
              BigDecimal.valueOf(rs.getLong("price_minor"), 2),
              rs.getString("currency"));

  private static final RowMapper<Row> ORDER =
      (rs, n) ->
          new Row(
              rs.getObject("user_id", UUID.class),
              new OrderView(
                  rs.getObject("id", UUID.class),
                  rs.getString("package_id"),
                  rs.getLong("tokens"),
                  BigDecimal.valueOf(rs.getLong("amount_minor"), 2),
                  rs.getString("currency"),
                  rs.getString("status"),
                  rs.getString("gateway"),
                  rs.getString("checkout_url"),
                  rs.getObject("created_at", OffsetDateTime.class),
                  null),
              rs.getString("gateway_ref"));

  private final JdbcClient jdbc;

  Orders(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<TokenPackage> packages() {
    return jdbc.sql("SELECT * FROM token_packages WHERE active ORDER BY sort_order")
        .query(PACKAGE)
        .list();
  }

  Optional<TokenPackage> activePackage(String id) {
    return jdbc.sql("SELECT * FROM token_packages WHERE id = :id AND active")
        .param("id", id)
        .query(PACKAGE)
        .optional();
  }

  void create(UUID id, UUID userId, TokenPackage item, String gateway, OffsetDateTime now) {
    jdbc.sql(
            """
            INSERT INTO token_orders (id, user_id, package_id, tokens, amount_minor, currency,
              gateway, status, created_at, updated_at)
            VALUES (:id, :user, :package, :tokens, :amount, :currency, :gateway, 'created', :now, :now)
            """)
        .param("id", id)
        .param("user", userId)
        .param("package", item.id())
        .param("tokens", item.tokens())
        .param("amount", item.price().movePointRight(2).longValueExact())
        .param("currency", item.currency())
        .param("gateway", gateway)
        .param("now", now)
        .update();
  }

  void opened(UUID id, String reference, @Nullable String checkoutUrl, OffsetDateTime now) {
    jdbc.sql(
            """
            UPDATE token_orders SET gateway_ref = :reference, checkout_url = :url, updated_at = :now
            WHERE id = :id
            """)
        .param("id", id)
        .param("reference", reference)
        .param("url", checkoutUrl)
        .param("now", now)
        .update();
  }

  Optional<Row> find(UUID id) {
    return jdbc.sql("SELECT * FROM token_orders WHERE id = :id")
        .param("id", id)
        .query(ORDER)
        .optional();
  }

  /** The order a gateway's payment belongs to, locked until the transaction ends. */
  Optional<Row> lockByReference(String gateway, String reference) {
    return lockBy("gateway_ref", gateway, reference);
  }

  /**
   * The gateway's references of orders created in {@code [from, to)} that are not credited, closed
   * for good or refunded: the ones a missed confirmation may have left behind.
   */
  List<String> uncredited(String gateway, OffsetDateTime from, OffsetDateTime to, int limit) {
    return references(gateway, List.of("created", "paid", "failed"), from, to, limit);
  }

  /**
   * The gateway's references of orders created in {@code [from, to)} that are still {@code
   * created}: opened, and neither paid nor closed by any event since.
   */
  List<String> open(String gateway, OffsetDateTime from, OffsetDateTime to, int limit) {
    return references(gateway, List.of("created"), from, to, limit);
  }

  private List<String> references(
      String gateway, List<String> statuses, OffsetDateTime from, OffsetDateTime to, int limit) {
    return jdbc.sql(
            """
            SELECT gateway_ref FROM token_orders
            WHERE gateway = :gateway AND gateway_ref IS NOT NULL AND status IN (:statuses)
              AND created_at >= :from AND created_at < :to
            ORDER BY created_at LIMIT :limit
            """)
        .param("gateway", gateway)
        .param("statuses", statuses)
        .param("from", from)
        .param("to", to)
        .param("limit", limit)
        .query(String.class)
        .list();
  }

  /** The order whose payment has this gateway id, locked until the transaction ends. */
  Optional<Row> lockByPayment(String gateway, String paymentReference) {
    return lockBy("payment_ref", gateway, paymentReference);
  }

  /** {@code column} is one of ours, never input: the gateway's order or payment reference. */
  private Optional<Row> lockBy(String column, String gateway, String reference) {
    return jdbc.sql(
            "SELECT * FROM token_orders WHERE gateway = :gateway AND "
                + column
                + " = :reference FOR UPDATE")
        .param("gateway", gateway)
        .param("reference", reference)
        .query(ORDER)
        .optional();
  }

  void paymentReference(UUID id, String paymentReference) {
    jdbc.sql("UPDATE token_orders SET payment_ref = :reference WHERE id = :id")
        .param("id", id)
        .param("reference", paymentReference)
        .update();
  }

  void status(UUID id, String status, OffsetDateTime now) {
    jdbc.sql("UPDATE token_orders SET status = :status, updated_at = :now WHERE id = :id")
        .param("id", id)
        .param("status", status)
        .param("now", now)
        .update();
  }
}
