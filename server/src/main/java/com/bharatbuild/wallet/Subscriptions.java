package com.bharatbuild.wallet;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Plans and subscriptions, in SQL that runs on H2 and PostgreSQL. */
@Repository
class Subscriptions {

  /**
   * A subscription with what renewing it needs.
   *
   * @param gatewayRef the gateway's id of the subscription, once its checkout has completed
   * @param checkoutRef the gateway's id of the checkout it was opened with
   */
  record Row(
      UUID userId,
      SubscriptionView view,
      int periodDays,
      @Nullable String gatewayRef,
      @Nullable String checkoutRef) {}

  /** A plan on offer, with the id subscriptions refer to it by. */
  record Plan(UUID id, PlanView view) {}

  private static final String SELECT =
      """
      SELECT s.id, s.user_id, s.status, s.auto_renew, s.current_period_start, s.expires_at,
        s.gateway, s.gateway_ref, s.checkout_ref, s.checkout_url,
        p.code, p.name, p.tokens_included, p.period_days
      FROM user_subscriptions s JOIN subscription_plans p ON p.id = s.plan_id
      """;

  private static final RowMapper<Row> ROW =
      (rs, n) ->
          new Row(
              rs.getObject("user_id", UUID.class),
              new SubscriptionView(
                  rs.getObject("id", UUID.class),
                  rs.getString("code"),
                  rs.getString("name"),
                  rs.getLong("tokens_included"),
                  rs.getString("status"),
                  rs.getBoolean("auto_renew"),
                  rs.getObject("current_period_start", OffsetDateTime.class),
                  rs.getObject("expires_at", OffsetDateTime.class),
                  rs.getString("gateway"),
                  // the checkout is where to pay only until it is paid (or abandoned)
                  "pending".equals(rs.getString("status")) ? rs.getString("checkout_url") : null),
              rs.getInt("period_days"),
              rs.getString("gateway_ref"),
              rs.getString("checkout_ref"));

  private final JdbcClient jdbc;
  private final JsonMapper json;

  Subscriptions(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  private RowMapper<PlanView> planView() {
    return (rs, n) ->
        new PlanView(
            rs.getString("code"),
            rs.getString("name"),
            rs.getString("description"),
            rs.getLong("tokens_included"),
            rs.getBigDecimal("price").setScale(2, java.math.RoundingMode.UNNECESSARY),
            rs.getString("currency"),
            rs.getInt("period_days"),
            json.readValue(rs.getString("features"), new TypeReference<List<String>>() {}));
  }

  List<PlanView> plans() {
    return jdbc.sql(
            """
            SELECT code, name, description, tokens_included, price, currency, period_days, features
            FROM subscription_plans WHERE is_active AND code IS NOT NULL ORDER BY currency, price
            """)
        .query(planView())
        .list();
  }

  Optional<Plan> activePlan(String code) {
    RowMapper<PlanView> view = planView();
    return jdbc.sql("SELECT * FROM subscription_plans WHERE code = :code AND is_active")
        .param("code", code)
        .query((rs, n) -> new Plan(rs.getObject("id", UUID.class), view.mapRow(rs, n)))
        .optional();
  }

  /**
   * The user's subscription that is not over (pending payment, active or past due), locked until
   * the transaction ends.
   */
  Optional<Row> lockRunning(UUID userId) {
    return jdbc.sql(
            SELECT
                + " WHERE s.user_id = :user AND s.status IN ('pending', 'active', 'past_due')"
                + " FOR UPDATE")
        .param("user", userId)
        .query(ROW)
        .optional();
  }

  Optional<Row> latest(UUID userId) {
    return jdbc.sql(SELECT + " WHERE s.user_id = :user ORDER BY s.started_at DESC LIMIT 1")
        .param("user", userId)
        .query(ROW)
        .optional();
  }

  void create(
      UUID id,
      UUID userId,
      UUID planId,
      OffsetDateTime start,
      OffsetDateTime end,
      String gateway,
      String status) {
    jdbc.sql(
            """
            INSERT INTO user_subscriptions (id, user_id, plan_id, status, started_at, expires_at,
              auto_renew, current_period_start, gateway)
            VALUES (:id, :user, :plan, :status, :start, :end, TRUE, :start, :gateway)
            """)
        .param("status", status)
        .param("id", id)
        .param("user", userId)
        .param("plan", planId)
        .param("start", start)
        .param("end", end)
        .param("gateway", gateway)
        .update();
  }

  /**
   * Ids of running subscriptions whose period has ended and that this server renews itself: a
   * gateway's subscription is renewed by the gateway's invoices.
   */
  List<UUID> due(OffsetDateTime now) {
    return jdbc.sql(
            """
            SELECT id FROM user_subscriptions
            WHERE status = 'active' AND gateway = 'manual' AND expires_at <= :now
            """)
        .param("now", now)
        .query(UUID.class)
        .list();
  }

  Optional<Row> find(UUID id) {
    return jdbc.sql(SELECT + " WHERE s.id = :id").param("id", id).query(ROW).optional();
  }

  Optional<Row> lock(UUID id) {
    return jdbc.sql(SELECT + " WHERE s.id = :id FOR UPDATE").param("id", id).query(ROW).optional();
  }

  /** The subscription a gateway's id names, locked until the transaction ends. */
  Optional<Row> lockByGatewayRef(String gateway, String reference) {
    return jdbc.sql(
            SELECT + " WHERE s.gateway = :gateway AND s.gateway_ref = :reference FOR UPDATE")
        .param("gateway", gateway)
        .param("reference", reference)
        .query(ROW)
        .optional();
  }

  /** The subscription opened with this checkout at the gateway, locked. */
  Optional<Row> lockByCheckout(String gateway, String checkoutRef) {
    return jdbc.sql(
            SELECT + " WHERE s.gateway = :gateway AND s.checkout_ref = :reference FOR UPDATE")
        .param("gateway", gateway)
        .param("reference", checkoutRef)
        .query(ROW)
        .optional();
  }

  /**
   * Records the checkout a pending subscription is paid through.
   *
   * @return false when the subscription is no longer pending
   */
  boolean opened(UUID id, String checkoutRef, @Nullable String checkoutUrl) {
    return jdbc.sql(
                "UPDATE user_subscriptions SET checkout_ref = :reference, checkout_url = :url"
                    + " WHERE id = :id AND status = 'pending'")
            .param("id", id)
            .param("reference", checkoutRef)
            .param("url", checkoutUrl)
            .update()
        > 0;
  }

  void gatewayRef(UUID id, String reference) {
    jdbc.sql("UPDATE user_subscriptions SET gateway_ref = :reference WHERE id = :id")
        .param("id", id)
        .param("reference", reference)
        .update();
  }

  void status(UUID id, String status) {
    jdbc.sql("UPDATE user_subscriptions SET status = :status WHERE id = :id")
        .param("id", id)
        .param("status", status)
        .update();
  }

  void autoRenew(UUID id, boolean autoRenew) {
    jdbc.sql("UPDATE user_subscriptions SET auto_renew = :renew WHERE id = :id")
        .param("id", id)
        .param("renew", autoRenew)
        .update();
  }

  void newPeriod(UUID id, OffsetDateTime start, OffsetDateTime end) {
    jdbc.sql(
            "UPDATE user_subscriptions SET current_period_start = :start, expires_at = :end"
                + " WHERE id = :id")
        .param("id", id)
        .param("start", start)
        .param("end", end)
        .update();
  }

  void stopRenewing(UUID id) {
    autoRenew(id, false);
  }

  /** Over for good: nothing renews an expired subscription, and no event brings it back. */
  void expire(UUID id) {
    jdbc.sql("UPDATE user_subscriptions SET status = 'expired', auto_renew = FALSE WHERE id = :id")
        .param("id", id)
        .update();
  }
}
