#include "remote/remote_source.h"

#include <gtest/gtest.h>

#include <cstdlib>

#include "remote/remote_catalog.h"

namespace pika {
namespace {

TEST(RemoteUrl, ReadsEngineUserHostPortDatabaseAndTable) {
  auto source = ParseRemoteUrl("clickhouse://ana@ch.example:8124/logs/events");
  ASSERT_TRUE(source.ok()) << source.error().message;
  EXPECT_EQ(source->engine, RemoteEngine::kClickHouse);
  EXPECT_EQ(source->user, "ana");
  EXPECT_EQ(source->host, "ch.example");
  EXPECT_EQ(source->port, 8124);
  EXPECT_EQ(source->database, "logs");
  EXPECT_EQ(source->table, "events");
  EXPECT_EQ(RemoteUrl(*source), "clickhouse://ana@ch.example:8124/logs/events");
}

TEST(RemoteUrl, PostgresTakesASchemaAndTheUsualPortWhenNoneIsGiven) {
  auto source = ParseRemoteUrl("postgresql://db.local/analytics/sales.orders");
  ASSERT_TRUE(source.ok()) << source.error().message;
  EXPECT_EQ(source->engine, RemoteEngine::kPostgres);
  EXPECT_EQ(PortOf(*source), 5432);
  EXPECT_TRUE(source->user.empty());
  EXPECT_EQ(RemoteTableSql(*source), "\"sales\".\"orders\"");
  EXPECT_EQ(RemoteUrl(*source), "postgres://db.local/analytics/sales.orders");
}

TEST(RemoteUrl, ClickHouseTablesAreQuotedWithTheirDatabase) {
  auto source = ParseRemoteUrl("clickhouse://h/db/t");
  ASSERT_TRUE(source.ok());
  EXPECT_EQ(PortOf(*source), 8123);
  EXPECT_EQ(RemoteTableSql(*source), "`db`.`t`");
}

TEST(RemoteUrl, ClickhousesSchemeAndSecureOptionMeanHttpsOnItsPort) {
  auto scheme = ParseRemoteUrl("clickhouses://ana@ch.example/logs/events");
  ASSERT_TRUE(scheme.ok());
  EXPECT_TRUE(scheme->secure);
  EXPECT_EQ(PortOf(*scheme), 8443);
  EXPECT_EQ(RemoteUrl(*scheme), "clickhouses://ana@ch.example/logs/events");
  auto option = ParseRemoteUrl("clickhouse://ch.example:9440/logs/events?secure=1");
  ASSERT_TRUE(option.ok());
  EXPECT_TRUE(option->secure);
  EXPECT_EQ(option->table, "events");
  EXPECT_EQ(RemoteUrl(*option), "clickhouses://ch.example:9440/logs/events");
  auto plain = ParseRemoteUrl("clickhouse://ch.example/logs/events");
  ASSERT_TRUE(plain.ok());
  EXPECT_FALSE(plain->secure);
}

TEST(RemoteUrl, PostgresTakesSslModeAndRootCertificateAndWritesThemBack) {
  const std::string url =
      "postgres://ana@db.local/analytics/orders?sslmode=verify-full&sslrootcert=/etc/ca.pem";
  auto source = ParseRemoteUrl(url);
  ASSERT_TRUE(source.ok()) << source.error().message;
  EXPECT_EQ(source->sslmode, "verify-full");
  EXPECT_EQ(source->sslrootcert, "/etc/ca.pem");
  EXPECT_EQ(source->table, "orders");
  EXPECT_EQ(RemoteUrl(*source), url);
}

TEST(RemoteUrl, UnknownOrWrongEngineOptionsAreRefusedByName) {
  for (const char* url : {"postgres://h/db/t?sslmode=sometimes", "postgres://h/db/t?secure=1",
                          "clickhouse://h/db/t?sslmode=require", "clickhouse://h/db/t?secure=yes",
                          "clickhouse://h/db/t?timeout=5"}) {
    auto source = ParseRemoteUrl(url);
    ASSERT_FALSE(source.ok()) << url;
    EXPECT_NE(source.error().message.find("is not an option"), std::string::npos)
        << source.error().message;
  }
}

TEST(RemoteUrl, BadUrlsSayWhatIsWrongAndHowToWriteThem) {
  const struct {
    const char* url;
    const char* says;
  } cases[] = {
      {"mysql://h/db/t", "neither clickhouse:// nor postgres://"},
      {"clickhouse://h/db", "needs a database and a table"},
      {"clickhouse:///db/t", "names no host"},
      {"clickhouse://h:99999/db/t", "'99999' is not a port number"},
      {"postgres://ana:secret@h/db/t", "holds a password; set PIKA_REMOTE_PASSWORD"},
      {"clickhouse://h/db/a`b", "not supported"},
  };
  for (const auto& bad : cases) {
    auto source = ParseRemoteUrl(bad.url);
    ASSERT_FALSE(source.ok()) << bad.url;
    EXPECT_EQ(source.error().kind, ErrorKind::kInvalidInput);
    EXPECT_NE(source.error().message.find(bad.says), std::string::npos) << source.error().message;
    EXPECT_NE(source.error().message.find("clickhouse://user@host:8123/database/table"),
              std::string::npos);
  }
}

TEST(RemotePassword, ComesFromPikaVariableFirstThenTheEnginesOwn) {
  const RemoteSource clickhouse{RemoteEngine::kClickHouse, "h", 0, "u", "d", "t"};
  const RemoteSource postgres{RemoteEngine::kPostgres, "h", 0, "u", "d", "t"};
  unsetenv("PIKA_REMOTE_PASSWORD");
  setenv("CLICKHOUSE_PASSWORD", "ch", 1);
  setenv("PGPASSWORD", "pg", 1);
  EXPECT_EQ(PasswordFromEnvironment(clickhouse), "ch");
  EXPECT_EQ(PasswordFromEnvironment(postgres), "pg");
  setenv("PIKA_REMOTE_PASSWORD", "pika", 1);
  EXPECT_EQ(PasswordFromEnvironment(clickhouse), "pika");
  unsetenv("PIKA_REMOTE_PASSWORD");
  unsetenv("CLICKHOUSE_PASSWORD");
  unsetenv("PGPASSWORD");
  EXPECT_EQ(PasswordFromEnvironment(postgres), "");
}

TEST(RemoteSql, LiteralsAndIdentifiersAreQuotedForEachEngine) {
  EXPECT_EQ(RemoteLiteral(RemoteEngine::kPostgres, "it's"), "'it''s'");
  EXPECT_EQ(RemoteLiteral(RemoteEngine::kClickHouse, "it's a\\b"), "'it\\'s a\\\\b'");
  EXPECT_EQ(*RemoteIdentifier("wind speed"), "\"wind speed\"");
  EXPECT_FALSE(RemoteIdentifier("a\"b").ok());
}

}  // namespace
}  // namespace pika
