// Remote answers through the query cache: reused while younger than the user's freshness,
// asked again after it or after a refresh, never shared between servers, failures not kept.
#include "compute/cached_remote_client.h"

#include <gtest/gtest.h>

#include "compute/remote_sessions.h"

namespace pika {
namespace {

// A server that answers every query with one row holding how many it has answered so far.
struct FakeServer {
  int queries = 0;
  int connections = 0;
  bool reachable = true;
};

class FakeClient : public RemoteClient {
 public:
  FakeClient(RemoteSource source, FakeServer& server)
      : RemoteClient(std::move(source)), server_(server) {}
  Result<TableBatch> Query(const std::string&, const CancelToken&) override {
    ++server_.queries;
    TableBatch batch;
    Column column = MakeColumn("answer", ColumnType::kBigint);
    std::get<std::vector<int64_t>>(column.values).push_back(server_.queries);
    column.valid.push_back(1);
    batch.columns.push_back(std::move(column));
    batch.row_count = 1;
    CountBytes(100);
    return batch;
  }

 private:
  FakeServer& server_;
};

RemoteSource Source(std::string host = "db1") {
  return {RemoteEngine::kClickHouse, std::move(host), 8123, "pika", "default", "points"};
}

class CachedRemoteClientTest : public ::testing::Test {
 protected:
  std::unique_ptr<CachedRemoteClient> Open(
      const RemoteSource& source, std::optional<std::chrono::steady_clock::duration> max_age,
      FakeServer& server) {
    auto connect = [source, &server]() -> Result<std::unique_ptr<RemoteClient>> {
      ++server.connections;
      if (!server.reachable) return IoError("cannot reach ClickHouse at db1:8123");
      return std::unique_ptr<RemoteClient>(std::make_unique<FakeClient>(source, server));
    };
    return std::make_unique<CachedRemoteClient>(source, connect, cache_, max_age);
  }
  static int64_t Answer(const Result<TableBatch>& batch) {
    return std::get<std::vector<int64_t>>(batch->columns[0].values)[0];
  }

  QueryCache cache_{size_t{1} << 20};
  FakeServer server_;
};

TEST_F(CachedRemoteClientTest, AnswerYoungerThanTheFreshnessIsReusedWithoutConnecting) {
  auto first = Open(Source(), std::chrono::hours(1), server_);
  ASSERT_EQ(Answer(first->Query("SELECT 1", CancelToken())), 1);
  EXPECT_EQ(first->bytes_received(), 100u);
  auto second = Open(Source(), std::chrono::hours(1), server_);
  EXPECT_EQ(Answer(second->Query("SELECT 1", CancelToken())), 1);
  EXPECT_EQ(server_.queries, 1);
  EXPECT_EQ(server_.connections, 1);  // the second client never connected
  EXPECT_EQ(second->hits(), 1u);
  EXPECT_EQ(second->bytes_received(), 0u);
}

TEST_F(CachedRemoteClientTest, AskEveryTimeGoesToTheServerForEachQuery) {
  auto client = Open(Source(), std::chrono::seconds(0), server_);
  ASSERT_EQ(Answer(client->Query("SELECT 1", CancelToken())), 1);
  EXPECT_EQ(Answer(client->Query("SELECT 1", CancelToken())), 2);
  EXPECT_EQ(server_.connections, 1);  // one connection for both
}

TEST_F(CachedRemoteClientTest, RefreshForgetsTheDatabasesAnswers) {
  auto client = Open(Source(), std::nullopt, server_);
  ASSERT_EQ(Answer(client->Query("SELECT 1", CancelToken())), 1);
  ASSERT_EQ(Answer(client->Query("SELECT 1", CancelToken())), 1);
  RemoteSessions(cache_).Refresh(Source());
  EXPECT_EQ(Answer(client->Query("SELECT 1", CancelToken())), 2);
}

TEST_F(CachedRemoteClientTest, DifferentServersNeverShareAnAnswer) {
  FakeServer other;
  ASSERT_EQ(Answer(Open(Source("db1"), std::nullopt, server_)->Query("SELECT 1", CancelToken())),
            1);
  other.queries = 41;
  EXPECT_EQ(Answer(Open(Source("db2"), std::nullopt, other)->Query("SELECT 1", CancelToken())), 42);
}

TEST_F(CachedRemoteClientTest, FailureIsNotKeptAndTheNextTryConnects) {
  server_.reachable = false;
  auto failed = Open(Source(), std::nullopt, server_)->Query("SELECT 1", CancelToken());
  ASSERT_FALSE(failed.ok());
  EXPECT_NE(failed.error().message.find("cannot reach"), std::string::npos);
  server_.reachable = true;
  EXPECT_EQ(Answer(Open(Source(), std::nullopt, server_)->Query("SELECT 1", CancelToken())), 1);
}

TEST(RemoteSessionsTest, TypedPasswordIsUsedForItsServerAndUserOnly) {
  QueryCache cache(1024);
  RemoteSessions sessions(cache);
  setenv("PIKA_REMOTE_PASSWORD", "from-env", 1);
  sessions.SetPassword(Source("db1"), "typed");
  EXPECT_EQ(sessions.PasswordFor(Source("db1")), "typed");
  EXPECT_EQ(sessions.PasswordFor(Source("db2")), "from-env");
  RemoteSource other_user = Source("db1");
  other_user.user = "someone";
  EXPECT_EQ(sessions.PasswordFor(other_user), "from-env");
  unsetenv("PIKA_REMOTE_PASSWORD");
}

TEST(RemoteSessionsTest, ARestrictedSessionConnectsNowhereAndSaysWhy) {
  QueryCache cache(1024);
  RemoteSessions sessions(cache);
  sessions.SetRestricted(true);
  sessions.SetPassword(Source("db1"), "typed");
  auto connected = sessions.Connect(Source("db1"));
  ASSERT_FALSE(connected.ok());
  EXPECT_EQ(connected.error().kind, ErrorKind::kNotAllowed);
  EXPECT_NE(connected.error().message.find("restricted"), std::string::npos)
      << connected.error().message;
  auto cached = sessions.Open(Source("db1"), -1)->Query("SELECT 1", CancelToken());
  ASSERT_FALSE(cached.ok());
  EXPECT_EQ(cached.error().kind, ErrorKind::kNotAllowed);
}

}  // namespace
}  // namespace pika
