package com.bharatbuild.wallet;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Plans and subscriptions, in SQL that runs on H2 and PostgreSQL. */
@Repository
class Subscriptions {

  /** A subscription with what renewing it needs. */
  record Row(UUID userId, SubscriptionView view, int periodDays) {}

  private static final String SELECT =
      """
      SELECT s.id, s.user_id, s.status, s.auto_renew, s.current_period_start, s.expires_at,
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
                  rs.getObject("expires_at", OffsetDateTime.class)),
              rs.getInt("period_days"));

  private final JdbcClient jdbc;
  private final JsonMapper json;

  Subscriptions(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  List<PlanView> plans() {
    return jdbc.sql(
            """
            SELECT code, name, description, tokens_included, price, currency, period_days, features
            FROM subscription_plans WHERE is_active AND code IS NOT NULL ORDER BY currency, price
            """)
        .query(
            (rs, n) ->
                new PlanView(
                    rs.getString("code"),
                    rs.getString("name"),
                    rs.getString("description"),
                    rs.getLong("tokens_included"),
                    rs.getBigDecimal("price").setScale(2, java.math.RoundingMode.UNNECESSARY),
                    rs.getString("currency"),
                    rs.getInt("period_days"),
                    json.readValue(rs.getString("features"), new TypeReference<List<String>>() {})))
        .list();
  }

  Optional<UUID> activePlanId(String code) {
    return jdbc.sql("SELECT id FROM subscription_plans WHERE code = :code AND is_active")
        .param("code", code)
        .query(UUID.class)
        .optional();
  }

  /** The user's running subscription, locked until the transaction ends. */
  Optional<Row> lockActive(UUID userId) {
    return jdbc.sql(SELECT + " WHERE s.user_id = :user AND s.status = 'active' FOR UPDATE")
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
      UUID id, UUID userId, UUID planId, OffsetDateTime start, OffsetDateTime end, String gateway) {
    jdbc.sql(
            """
            INSERT INTO user_subscriptions (id, user_id, plan_id, status, started_at, expires_at,
              auto_renew, current_period_start, gateway)
            VALUES (:id, :user, :plan, 'active', :start, :end, TRUE, :start, :gateway)
            """)
        .param("id", id)
        .param("user", userId)
        .param("plan", planId)
        .param("start", start)
        .param("end", end)
        .param("gateway", gateway)
        .update();
  }

  /** Ids of running subscriptions whose period has ended. */
  List<UUID> due(OffsetDateTime now) {
    return jdbc.sql(
            "SELECT id FROM user_subscriptions WHERE status = 'active' AND expires_at <= :now")
        .param("now", now)
        .query(UUID.class)
        .list();
  }

  Optional<Row> lock(UUID id) {
    return jdbc.sql(SELECT + " WHERE s.id = :id FOR UPDATE").param("id", id).query(ROW).optional();
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
    jdbc.sql("UPDATE user_subscriptions SET auto_renew = FALSE WHERE id = :id")
        .param("id", id)
        .update();
  }

  void expire(UUID id) {
    jdbc.sql("UPDATE user_subscriptions SET status = 'expired' WHERE id = :id")
        .param("id", id)
        .update();
  }
}
