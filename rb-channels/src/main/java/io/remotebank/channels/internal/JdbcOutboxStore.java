package io.remotebank.channels.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.remotebank.channels.Address;
import io.remotebank.channels.Category;
import io.remotebank.channels.ChannelsError;
import io.remotebank.channels.ChannelsException;
import io.remotebank.channels.Content;
import io.remotebank.channels.IdempotencyKey;
import io.remotebank.channels.Message;
import io.remotebank.channels.MessageId;
import io.remotebank.channels.MessageRecord;
import io.remotebank.channels.MessageStatus;
import io.remotebank.channels.Recipient;
import io.remotebank.channels.RejectionReason;
import io.remotebank.channels.SendResult;
import io.remotebank.channels.SuppressionReason;
import io.remotebank.channels.spi.OutboxStore;
import io.remotebank.channels.template.TemplateId;
import io.remotebank.core.Arguments;
import io.remotebank.core.ContactChannel;
import io.remotebank.core.CustomerId;
import io.remotebank.core.ValidationException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * The outbox in one SQL table, through plain JDBC: portable SQL that H2 2.x and PostgreSQL 12+ both
 * run. Times are epoch milliseconds ({@code BIGINT}); uniqueness of channel and idempotency key is a
 * table constraint, so several processes may share the table.
 */
@API(status = INTERNAL, since = "0.1")
public final class JdbcOutboxStore implements OutboxStore {

    /** SQLSTATE of a unique-constraint violation (SQL standard; H2 and PostgreSQL use it). */
    private static final String UNIQUE_VIOLATION = "23505";

    private static final Pattern TABLE = Pattern.compile("[a-z][a-z0-9_]{0,39}");
    private static final AtomicLong CLAIMS = new AtomicLong();

    private static final String COLUMNS = "id, channel, idem_key, cap_key, address, customer, category, template_id,"
            + " content, deadline, zone, outcome, reason, detail, deferred_until, scheduled_at, status, created_at,"
            + " due_at, attempts, provider, provider_msg_id, last_error, updated_at";

    private final ConnectionSource connections;
    private final String table;
    private final String description;

    /**
     * Opens the store and creates its table and indexes when missing.
     *
     * @param connections where connections come from; closed with the store
     * @param table the table name, 1-40 characters of a-z 0-9 _ starting with a letter
     * @param description what it is, for {@code toString} (no password)
     */
    public JdbcOutboxStore(ConnectionSource connections, String table, String description) {
        this.connections = Arguments.notNull(connections, "connections");
        Arguments.notNull(table, "table");
        if (!TABLE.matcher(table).matches()) {
            throw new ValidationException(
                    ChannelsError.ARGUMENT_INVALID,
                    "an outbox table name is 1-40 characters of a-z 0-9 _ starting with a letter, got '" + table + "'");
        }
        this.table = table;
        this.description = description;
        createSchema();
    }

    private void createSchema() {
        String create = "CREATE TABLE IF NOT EXISTS " + table + " ("
                + "id VARCHAR(64) NOT NULL PRIMARY KEY,"
                + " channel VARCHAR(16) NOT NULL,"
                + " idem_key VARCHAR(128) NOT NULL,"
                + " cap_key VARCHAR(300) NOT NULL,"
                + " address VARCHAR(300),"
                + " customer VARCHAR(64),"
                + " category VARCHAR(16) NOT NULL,"
                + " template_id VARCHAR(64),"
                + " content VARCHAR(60000) NOT NULL,"
                + " deadline BIGINT,"
                + " zone VARCHAR(64),"
                + " outcome VARCHAR(16) NOT NULL,"
                + " reason VARCHAR(32),"
                + " detail VARCHAR(500),"
                + " deferred_until BIGINT,"
                + " scheduled_at BIGINT NOT NULL,"
                + " status VARCHAR(16) NOT NULL,"
                + " created_at BIGINT NOT NULL,"
                + " due_at BIGINT NOT NULL,"
                + " attempts INTEGER NOT NULL,"
                + " provider VARCHAR(64),"
                + " provider_msg_id VARCHAR(128),"
                + " last_error VARCHAR(500),"
                + " updated_at BIGINT NOT NULL,"
                + " lease_owner VARCHAR(100),"
                + " lease_until BIGINT,"
                + " CONSTRAINT " + table + "_key UNIQUE (channel, idem_key))";
        run("create the outbox table", c -> {
            try (Statement s = c.createStatement()) {
                s.execute(create);
                s.execute("CREATE INDEX IF NOT EXISTS " + table + "_due ON " + table + " (status, due_at)");
                s.execute("CREATE INDEX IF NOT EXISTS " + table + "_cap ON " + table
                        + " (cap_key, category, scheduled_at)");
                s.execute("CREATE INDEX IF NOT EXISTS " + table + "_pmid ON " + table + " (provider, provider_msg_id)");
            }
            return null;
        });
    }

    @Override
    public MessageRecord insertIfAbsent(MessageRecord record) {
        Arguments.notNull(record, "record");
        String sql = "INSERT INTO " + table + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try {
            return run("insert a message", c -> {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    bindAll(ps, record);
                    ps.executeUpdate();
                }
                return record;
            });
        } catch (DuplicateKey e) {
            Message m = record.message();
            return find(m.channel(), m.idempotencyKey())
                    .or(() -> find(record.id()))
                    .orElseThrow(() -> new ChannelsException(
                            ChannelsError.STORE_FAILED,
                            "insert of message " + record.id() + " violated a unique constraint, but no record holds"
                                    + " its id or key",
                            e.getCause()));
        }
    }

    @Override
    public Optional<MessageRecord> find(MessageId id) {
        Arguments.notNull(id, "id");
        return queryOne(
                "find a message",
                "SELECT " + COLUMNS + " FROM " + table + " WHERE id = ?",
                ps -> ps.setString(1, id.value()));
    }

    @Override
    public Optional<MessageRecord> find(ContactChannel channel, IdempotencyKey key) {
        Arguments.notNull(channel, "channel");
        Arguments.notNull(key, "key");
        return queryOne(
                "find a message by key",
                "SELECT " + COLUMNS + " FROM " + table + " WHERE channel = ? AND idem_key = ?",
                ps -> {
                    ps.setString(1, channel.code());
                    ps.setString(2, key.value());
                });
    }

    @Override
    public Optional<MessageRecord> findByProviderMessageId(String provider, String providerMessageId) {
        Arguments.notBlank(provider, "provider");
        Arguments.notBlank(providerMessageId, "provider message id");
        return queryOne(
                "find a message by provider id",
                "SELECT " + COLUMNS + " FROM " + table + " WHERE provider = ? AND provider_msg_id = ?",
                ps -> {
                    ps.setString(1, provider);
                    ps.setString(2, providerMessageId);
                });
    }

    @Override
    public synchronized List<MessageRecord> claimDue(Instant now, int limit, String owner, Instant leaseUntil) {
        Arguments.notNull(now, "now");
        Arguments.inRange(limit, 1, 10_000, "limit");
        Arguments.notBlank(owner, "owner");
        Arguments.notNull(leaseUntil, "lease until");
        // A token per claim, so that reading back returns exactly what this claim leased.
        String token = (owner.length() > 70 ? owner.substring(0, 70) : owner) + "#" + CLAIMS.incrementAndGet();
        long t = now.toEpochMilli();
        // The outer conditions are checked again on the row as it is when the lock is taken, so two
        // dispatchers racing for one row cannot both lease it.
        String claim = "UPDATE " + table + " SET lease_owner = ?, lease_until = ? WHERE id IN (SELECT id FROM " + table
                + " WHERE status = 'QUEUED' AND due_at <= ? AND (lease_until IS NULL OR lease_until <= ?)"
                + " ORDER BY due_at, id LIMIT ?) AND status = 'QUEUED' AND (lease_until IS NULL OR lease_until <= ?)";
        return run("claim due messages", c -> {
            try (PreparedStatement ps = c.prepareStatement(claim)) {
                ps.setString(1, token);
                ps.setLong(2, leaseUntil.toEpochMilli());
                ps.setLong(3, t);
                ps.setLong(4, t);
                ps.setInt(5, limit);
                ps.setLong(6, t);
                if (ps.executeUpdate() == 0) {
                    return List.of();
                }
            }
            List<MessageRecord> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM " + table + " WHERE lease_owner = ? ORDER BY due_at, id")) {
                ps.setString(1, token);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(read(rs));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public void update(MessageRecord record) {
        Arguments.notNull(record, "record");
        String sql = "UPDATE " + table + " SET status = ?, due_at = ?, attempts = ?, provider = ?, provider_msg_id = ?,"
                + " last_error = ?, updated_at = ?, lease_owner = NULL, lease_until = NULL WHERE id = ?";
        int n = run("update a message", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, record.status().name());
                ps.setLong(2, record.dueAt().toEpochMilli());
                ps.setInt(3, record.attempts());
                setNullable(ps, 4, record.provider().orElse(null));
                setNullable(ps, 5, record.providerMessageId().orElse(null));
                setNullable(ps, 6, record.lastError().map(JdbcOutboxStore::clip).orElse(null));
                ps.setLong(7, record.updatedAt().toEpochMilli());
                ps.setString(8, record.id().value());
                return ps.executeUpdate();
            }
        });
        if (n == 0) {
            throw new ChannelsException(ChannelsError.STORE_FAILED, "no message " + record.id() + " to update");
        }
    }

    @Override
    public long countScheduled(String capKey, Category category, Instant after, Instant before) {
        Arguments.notBlank(capKey, "cap key");
        Arguments.notNull(category, "category");
        Arguments.notNull(after, "after");
        Arguments.notNull(before, "before");
        String sql = "SELECT COUNT(*) FROM " + table + " WHERE cap_key = ? AND category = ?"
                + " AND outcome IN ('ACCEPTED', 'DEFERRED') AND scheduled_at > ? AND scheduled_at < ?";
        return run("count scheduled messages", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, capKey);
                ps.setString(2, category.name());
                ps.setLong(3, after.toEpochMilli());
                ps.setLong(4, before.toEpochMilli());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    @Override
    public void close() {
        connections.close();
    }

    @Override
    public String toString() {
        return "JdbcOutboxStore[" + description + ", table " + table + "]";
    }

    // --- rows ---

    private static void bindAll(PreparedStatement ps, MessageRecord r) throws SQLException {
        Message m = r.message();
        Recipient to = m.recipient();
        int i = 1;
        ps.setString(i++, r.id().value());
        ps.setString(i++, m.channel().code());
        ps.setString(i++, m.idempotencyKey().value());
        ps.setString(i++, to.capKey());
        setNullable(ps, i++, to.address().map(Address::key).orElse(null));
        setNullable(ps, i++, to.customer().map(CustomerId::value).orElse(null));
        ps.setString(i++, m.category().name());
        if (m.content() instanceof Content.Template t) {
            ps.setString(i++, t.id().value());
            ps.setString(i++, Params.encode(t.parameters()));
        } else {
            ps.setNull(i++, Types.VARCHAR);
            ps.setString(i++, ((Content.Text) m.content()).text());
        }
        setNullable(ps, i++, m.deadline().map(Instant::toEpochMilli).orElse(null));
        setNullable(ps, i++, m.zone().map(ZoneId::getId).orElse(null));
        SendResult result = r.result();
        String outcome;
        String reason = null;
        String detail = null;
        Long until = null;
        if (result instanceof SendResult.Accepted) {
            outcome = "ACCEPTED";
        } else if (result instanceof SendResult.Deferred d) {
            outcome = "DEFERRED";
            until = d.until().toEpochMilli();
        } else if (result instanceof SendResult.Suppressed s) {
            outcome = "SUPPRESSED";
            reason = s.reason().name();
            detail = s.detail();
        } else {
            SendResult.Rejected rej = (SendResult.Rejected) result;
            outcome = "REJECTED";
            reason = rej.reason().name();
            detail = rej.detail();
        }
        ps.setString(i++, outcome);
        setNullable(ps, i++, reason);
        setNullable(ps, i++, detail == null ? null : clip(detail));
        setNullable(ps, i++, until);
        ps.setLong(i++, r.scheduledAt().toEpochMilli());
        ps.setString(i++, r.status().name());
        ps.setLong(i++, r.createdAt().toEpochMilli());
        ps.setLong(i++, r.dueAt().toEpochMilli());
        ps.setInt(i++, r.attempts());
        setNullable(ps, i++, r.provider().orElse(null));
        setNullable(ps, i++, r.providerMessageId().orElse(null));
        setNullable(ps, i++, r.lastError().map(JdbcOutboxStore::clip).orElse(null));
        ps.setLong(i, r.updatedAt().toEpochMilli());
    }

    private static MessageRecord read(ResultSet rs) throws SQLException {
        MessageId id = MessageId.of(rs.getString("id"));
        ContactChannel channel = ContactChannel.parse(rs.getString("channel"));
        String address = rs.getString("address");
        String customer = rs.getString("customer");
        Recipient recipient = new Recipient(
                channel,
                Optional.ofNullable(address).map(Address::parse),
                Optional.ofNullable(customer).map(CustomerId::of));
        String templateId = rs.getString("template_id");
        String content = rs.getString("content");
        Content body = templateId == null
                ? new Content.Text(content)
                : new Content.Template(TemplateId.of(templateId), Params.decode(content));
        long deadline = rs.getLong("deadline");
        Optional<Instant> deadlineAt = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(deadline));
        Optional<ZoneId> zone = Optional.ofNullable(rs.getString("zone")).map(ZoneId::of);
        Message message = new Message(
                recipient,
                body,
                Category.valueOf(rs.getString("category")),
                IdempotencyKey.of(rs.getString("idem_key")),
                deadlineAt,
                zone);
        String outcome = rs.getString("outcome");
        SendResult result = switch (outcome) {
            case "ACCEPTED" -> new SendResult.Accepted(id);
            case "DEFERRED" -> new SendResult.Deferred(id, Instant.ofEpochMilli(rs.getLong("deferred_until")));
            case "SUPPRESSED" ->
                new SendResult.Suppressed(
                        id, SuppressionReason.valueOf(rs.getString("reason")), rs.getString("detail"));
            case "REJECTED" ->
                new SendResult.Rejected(id, RejectionReason.valueOf(rs.getString("reason")), rs.getString("detail"));
            default ->
                throw new ChannelsException(
                        ChannelsError.STORE_FAILED, "message " + id + " has an unknown outcome '" + outcome + "'");
        };
        return new MessageRecord(
                id,
                message,
                result,
                MessageStatus.valueOf(rs.getString("status")),
                Instant.ofEpochMilli(rs.getLong("created_at")),
                Instant.ofEpochMilli(rs.getLong("due_at")),
                rs.getInt("attempts"),
                Optional.ofNullable(rs.getString("provider")),
                Optional.ofNullable(rs.getString("provider_msg_id")),
                Optional.ofNullable(rs.getString("last_error")),
                Instant.ofEpochMilli(rs.getLong("updated_at")));
    }

    private static void setNullable(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }

    private static void setNullable(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    private static String clip(String text) {
        return text.length() <= 500 ? text : text.substring(0, 497) + "...";
    }

    // --- plumbing ---

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** A unique-constraint violation, told apart from other failures. */
    private static final class DuplicateKey extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DuplicateKey(SQLException cause) {
            super(cause);
        }
    }

    private Optional<MessageRecord> queryOne(String what, String sql, Binder binder) {
        return run(what, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                binder.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.<MessageRecord>empty();
                }
            }
        });
    }

    private <T> T run(String what, Work<T> work) {
        Connection c;
        try {
            c = connections.acquire();
        } catch (SQLException e) {
            throw new ChannelsException(
                    ChannelsError.STORE_FAILED,
                    "outbox: cannot connect to " + description + " to " + what + " (is the JDBC driver on the class"
                            + " path?): " + e.getMessage(),
                    e);
        }
        boolean broken = false;
        try {
            return work.run(c);
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new DuplicateKey(e);
            }
            broken = true;
            throw new ChannelsException(
                    ChannelsError.STORE_FAILED, "outbox: could not " + what + ": " + e.getMessage(), e);
        } finally {
            connections.release(c, broken);
        }
    }
}
