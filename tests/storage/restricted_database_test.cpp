// A restricted database: what an untrusted workspace runs in.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <optional>

#include "storage/database.h"
#include "storage/file_access.h"
#include "support/engine.h"
#include "support/temp_dir.h"

namespace pika {
namespace {

class RestrictedDatabase : public ::testing::Test {
 protected:
  void SetUp() override {
    std::filesystem::create_directories(own_);
    DatabaseOptions options;
    options.temp_directory = own_ + "/spill";
    options.allowed_directories = {{own_}};
    auto database = Database::Open(options);
    ASSERT_TRUE(database.ok()) << database.error().message;
    ASSERT_TRUE(database->restricted());
    auto connection = database->Connect();
    ASSERT_TRUE(connection.ok()) << connection.error().message;
    engine_.emplace(test::Engine{std::move(*database), std::move(*connection)});
  }
  Connection& connection() { return engine_->connection; }

  test::TempDir temp_;
  std::string own_ = temp_.File("own");
  std::string outside_ = temp_.Write("outside.csv", "a\n1\n");
  std::optional<test::Engine> engine_;
};

TEST_F(RestrictedDatabase, ReadsAndWritesInsideItsFolders) {
  std::ofstream(own_ + "/inside.csv") << "a\n1\n2\n";
  EXPECT_EQ(
      test::QueryValue(connection(), "SELECT count(*) FROM read_csv('" + own_ + "/inside.csv')"),
      "2");
  EXPECT_TRUE(connection().Execute("COPY (SELECT 1 AS x) TO '" + own_ + "/x.parquet'").ok());
  EXPECT_TRUE(CheckEngineMayRead(connection(), own_ + "/inside.csv").ok());
  EXPECT_TRUE(test::Import(connection(), own_ + "/inside.csv").ok());
}

TEST_F(RestrictedDatabase, AFileOutsideIsRefusedByNameForDuckDbAndForOurOwnReaders) {
  for (const std::string& sql :
       {"SELECT * FROM read_text('" + outside_ + "')", "SELECT * FROM read_csv('" + outside_ + "')",
        "COPY (SELECT 1) TO '" + temp_.File("out.csv") + "'",
        "SELECT * FROM read_csv('" + own_ + "/../outside.csv')",
        std::string("ATTACH '") + temp_.File("other.duckdb") + "'"}) {
    Status ran = connection().Execute(sql);
    ASSERT_FALSE(ran.ok()) << sql;
    EXPECT_EQ(ran.error().kind, ErrorKind::kNotAllowed) << sql << ": " << ran.error().message;
    EXPECT_NE(ran.error().message.find("not allowed"), std::string::npos) << ran.error().message;
  }
  Status checked = CheckEngineMayRead(connection(), outside_);
  ASSERT_FALSE(checked.ok());
  EXPECT_NE(checked.error().message.find("reads '" + outside_ + "'"), std::string::npos)
      << checked.error().message;
  auto imported = test::Import(connection(), outside_);
  ASSERT_FALSE(imported.ok());
  EXPECT_EQ(imported.error().kind, ErrorKind::kNotAllowed);
  EXPECT_FALSE(std::filesystem::exists(temp_.File("out.csv")));
}

TEST_F(RestrictedDatabase, NoStatementCanLiftTheRestriction) {
  for (const char* sql :
       {"SET enable_external_access = true", "SET allowed_directories = ['/']",
        "SET GLOBAL allowed_paths = ['/etc/passwd']", "SET lock_configuration = false",
        "SET autoload_known_extensions = true", "SET temp_directory = '/tmp'"}) {
    EXPECT_FALSE(connection().Execute(sql).ok()) << sql;
  }
  EXPECT_FALSE(CheckEngineMayRead(connection(), outside_).ok());
}

TEST(TrustedDatabase, ReadsAnyFileAndReportsProgress) {
  test::TempDir temp;
  const std::string file = temp.Write("any.csv", "a\n1\n");
  auto engine = test::OpenEngine();
  EXPECT_FALSE(engine.database.restricted());
  EXPECT_TRUE(CheckEngineMayRead(engine.connection, file).ok());
  EXPECT_TRUE(CheckEngineMayRead(engine.connection, temp.File("missing.csv")).ok())
      << "a missing file is the reader's to report";
  EXPECT_EQ(test::QueryValue(engine.connection, "SELECT current_setting('enable_progress_bar')"),
            "true");
}

}  // namespace
}  // namespace pika
