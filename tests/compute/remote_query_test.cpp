// A Query node's SQL over remote tables, rewritten for their server: node names in table
// positions become the server's tables, and nothing else changes.
#include "compute/remote_query.h"

#include <gtest/gtest.h>

namespace pika {
namespace {

const std::map<std::string, std::string> kTables{{"points", "`default`.`points`"},
                                                 {"hits", "(SELECT 1 AS n)"}};

TEST(RemoteQuerySql, NodeNameAfterFromBecomesTheServersTableUnderTheNodesName) {
  EXPECT_EQ(RemoteQuerySql("SELECT x FROM points WHERE x > 1", kTables),
            "SELECT x FROM `default`.`points` AS points WHERE x > 1");
  EXPECT_EQ(RemoteQuerySql("select Points.x from Points", kTables),
            "select Points.x from `default`.`points` AS Points");
}

TEST(RemoteQuerySql, AnAliasTheUserGaveIsKept) {
  EXPECT_EQ(RemoteQuerySql("SELECT p.x FROM points p", kTables),
            "SELECT p.x FROM `default`.`points` p");
  EXPECT_EQ(RemoteQuerySql("SELECT p.x FROM points AS p", kTables),
            "SELECT p.x FROM `default`.`points` AS p");
}

TEST(RemoteQuerySql, JoinsCommaListsAndSubqueriesAreAllRewritten) {
  EXPECT_EQ(RemoteQuerySql("SELECT * FROM points JOIN hits USING (n)", kTables),
            "SELECT * FROM `default`.`points` AS points JOIN (SELECT 1 AS n) AS hits USING (n)");
  EXPECT_EQ(RemoteQuerySql("SELECT * FROM points, \"hits\" WHERE 1", kTables),
            "SELECT * FROM `default`.`points` AS points, (SELECT 1 AS n) AS \"hits\" WHERE 1");
  EXPECT_EQ(RemoteQuerySql("SELECT * FROM (SELECT x FROM points) AS q", kTables),
            "SELECT * FROM (SELECT x FROM `default`.`points` AS points) AS q");
}

TEST(RemoteQuerySql, ColumnsStringsCommentsAndOtherTablesAreLeftAsWritten) {
  EXPECT_EQ(RemoteQuerySql("SELECT points, 'FROM points' FROM other -- FROM points", kTables),
            "SELECT points, 'FROM points' FROM other -- FROM points");
  EXPECT_EQ(RemoteQuerySql("SELECT * FROM db.points", kTables), "SELECT * FROM db.points");
  EXPECT_EQ(RemoteQuerySql("SELECT * FROM numbers(10)", {{"numbers", "x"}}),
            "SELECT * FROM numbers(10)");
  EXPECT_EQ(RemoteQuerySql("SELECT 'it''s', \"a\"\"b\" FROM points", kTables),
            "SELECT 'it''s', \"a\"\"b\" FROM `default`.`points` AS points");
}

TEST(RemoteQuerySql, AWhereAfterASubqueryEndsItsFromListNotTheOuterOne) {
  EXPECT_EQ(RemoteQuerySql("SELECT * FROM (SELECT * FROM hits WHERE n = 1) AS h, points", kTables),
            "SELECT * FROM (SELECT * FROM (SELECT 1 AS n) AS hits WHERE n = 1) AS h, "
            "`default`.`points` AS points");
}

}  // namespace
}  // namespace pika
