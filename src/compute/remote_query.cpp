#include "compute/remote_query.h"

#include <fmt/format.h>

#include <cctype>
#include <set>
#include <vector>

namespace pika {

namespace {

std::string Lower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

bool IsNameStart(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool IsNamePart(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$';
}

// Words that end a FROM list at their depth.
const std::set<std::string> kAfterFrom{"where",  "group",  "order",    "limit",  "having",
                                       "union",  "window", "qualify",  "except", "intersect",
                                       "offset", "fetch",  "settings", "format", "prewhere",
                                       "sample", "final",  "array",    "on",     "using"};
// Words that may follow a table in a FROM list without being its alias: those that end the
// list, and those that join another table to it.
const std::set<std::string> kJoining{"join",    "inner", "left",    "right", "full",       "cross",
                                     "natural", "any",   "all",     "asof",  "semi",       "anti",
                                     "global",  "paste", "lateral", "for",   "tablesample"};

struct Token {
  enum Kind { kSpace, kName, kQuotedName, kOther } kind = kOther;
  std::string_view text;
  std::string name;  // kName, kQuotedName: the name as the engine reads it, in lower case
};

size_t EndOfQuoted(std::string_view sql, size_t at, char quote) {
  for (size_t i = at + 1; i < sql.size(); ++i) {
    if (sql[i] == '\\' && quote == '\'') {
      ++i;  // ClickHouse escapes; PostgreSQL's standard strings have none before a quote
    } else if (sql[i] == quote) {
      if (i + 1 < sql.size() && sql[i + 1] == quote) {
        ++i;
      } else {
        return i + 1;
      }
    }
  }
  return sql.size();
}

std::vector<Token> Tokens(std::string_view sql) {
  std::vector<Token> tokens;
  size_t i = 0;
  while (i < sql.size()) {
    const size_t start = i;
    const char c = sql[i];
    Token token;
    if (std::isspace(static_cast<unsigned char>(c))) {
      while (i < sql.size() && std::isspace(static_cast<unsigned char>(sql[i]))) ++i;
      token.kind = Token::kSpace;
    } else if (sql.substr(i, 2) == "--") {
      i = std::min(sql.find('\n', i), sql.size());
      token.kind = Token::kSpace;
    } else if (sql.substr(i, 2) == "/*") {
      const size_t end = sql.find("*/", i + 2);
      i = end == std::string_view::npos ? sql.size() : end + 2;
      token.kind = Token::kSpace;
    } else if (c == '\'') {
      i = EndOfQuoted(sql, i, c);
    } else if (c == '"' || c == '`') {
      i = EndOfQuoted(sql, i, c);
      token.kind = Token::kQuotedName;
      std::string name;
      for (size_t k = start + 1; k + 1 < i; ++k) {
        name += sql[k];
        if (sql[k] == c) ++k;  // a doubled quote
      }
      token.name = Lower(name);
    } else if (IsNameStart(c)) {
      while (i < sql.size() && IsNamePart(sql[i])) ++i;
      token.kind = Token::kName;
      token.name = Lower(sql.substr(start, i - start));
    } else {
      ++i;
    }
    token.text = sql.substr(start, i - start);
    tokens.push_back(std::move(token));
  }
  return tokens;
}

// The next token that is not space or a comment, or nullptr.
const Token* NextSignificant(const std::vector<Token>& tokens, size_t after) {
  for (size_t k = after + 1; k < tokens.size(); ++k)
    if (tokens[k].kind != Token::kSpace) return &tokens[k];
  return nullptr;
}

bool NamesAnAlias(const Token* next) {
  if (next == nullptr) return false;
  if (next->kind == Token::kQuotedName) return true;
  return next->kind == Token::kName && !kAfterFrom.contains(next->name) &&
         !kJoining.contains(next->name);
}

}  // namespace

std::string RemoteQuerySql(std::string_view sql, const std::map<std::string, std::string>& tables) {
  const std::vector<Token> tokens = Tokens(sql);
  std::string out;
  int depth = 0;
  std::vector<int> from_lists;  // depths whose FROM list we are in
  bool table_next = false;
  for (size_t k = 0; k < tokens.size(); ++k) {
    const Token& token = tokens[k];
    if (token.kind == Token::kSpace) {
      out += token.text;
      continue;
    }
    const bool in_from_list = !from_lists.empty() && from_lists.back() == depth;
    const bool at_table = table_next;
    table_next = false;
    if (token.kind == Token::kName && (token.name == "from" || token.name == "join")) {
      if (token.name == "from") from_lists.push_back(depth);
      table_next = true;
    } else if (token.kind == Token::kName && in_from_list && kAfterFrom.contains(token.name)) {
      from_lists.pop_back();
    } else if (token.text == "(") {
      ++depth;
    } else if (token.text == ")") {
      if (in_from_list) from_lists.pop_back();
      --depth;
    } else if (token.text == "," && in_from_list) {
      table_next = true;
    } else if (at_table && token.kind != Token::kOther) {
      const Token* next = NextSignificant(tokens, k);
      const bool qualified_or_call = next != nullptr && (next->text == "." || next->text == "(");
      const auto found = tables.find(token.name);
      if (found != tables.end() && !qualified_or_call) {
        out += found->second;
        // As written: ClickHouse names are case-sensitive, PostgreSQL folds unquoted ones.
        if (!NamesAnAlias(next)) out += fmt::format(" AS {}", token.text);
        continue;
      }
    }
    out += token.text;
  }
  return out;
}

}  // namespace pika
