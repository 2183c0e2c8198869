// A small SQL lexer: enough to split a script into statements and to see which identifiers
// were written in double quotes (DuckDB's parse tree does not say).
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace pika {

// Statements of a script, trimmed, without their ';'. Quotes, comments and $$ strings are
// respected; empty statements are dropped.
std::vector<std::string> SplitStatements(std::string_view script);

// The identifiers written as "..." (with "" unescaped), exactly as written.
std::set<std::string> QuotedIdentifiers(std::string_view sql);

// The statement with comments removed and every run of white space outside quotes made one
// space: the fallback identity of statements the parser cannot canonicalize.
std::string CollapseWhitespace(std::string_view sql);

}  // namespace pika
