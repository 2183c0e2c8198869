#include "compute/sql_lexer.h"

#include <gtest/gtest.h>

namespace pika {
namespace {

TEST(SplitStatements, SplitsOnSemicolonsOutsideQuotesAndComments) {
  const auto statements = SplitStatements(
      "SELECT 'a;b' AS \"x;y\"; -- a comment; still a comment\nSELECT 2 /* ; */ ;;  SELECT $$;$$");
  ASSERT_EQ(statements.size(), 3u);
  EXPECT_EQ(statements[0], "SELECT 'a;b' AS \"x;y\"");
  EXPECT_EQ(statements[1], "SELECT 2");
  EXPECT_EQ(statements[2], "SELECT $$;$$");
}

TEST(SplitStatements, NothingButWhitespaceAndCommentsIsNoStatement) {
  EXPECT_TRUE(SplitStatements("  ; -- nothing\n ;").empty());
}

TEST(QuotedIdentifiers, ListsDoubleQuotedNamesUnescaped) {
  EXPECT_EQ(QuotedIdentifiers("SELECT \"Ab\", \"a\"\"b\", 'Cd' FROM \"T\""),
            (std::set<std::string>{"Ab", "T", "a\"b"}));
}

TEST(CollapseWhitespace, KeepsQuotedTextAsWritten) {
  EXPECT_EQ(CollapseWhitespace("SELECT   x,\n\t'a   b'  FROM t -- c\n"),
            "SELECT x, 'a   b' FROM t");
}

}  // namespace
}  // namespace pika
