#include "compute/sql_lexer.h"

#include <cctype>

namespace pika {

namespace {

// Walks a SQL text, telling the callback about each character outside quotes and comments,
// and about each quoted token as a whole.
class Scanner {
 public:
  explicit Scanner(std::string_view sql) : sql_(sql) {}

  template <typename OnPlain, typename OnQuoted>
  void Run(OnPlain on_plain, OnQuoted on_quoted) {
    while (pos_ < sql_.size()) {
      const char c = sql_[pos_];
      if (c == '\'' || c == '"') {
        const size_t start = pos_;
        SkipQuoted(c);
        on_quoted(c, sql_.substr(start, pos_ - start));
      } else if (c == '-' && Next() == '-') {
        while (pos_ < sql_.size() && sql_[pos_] != '\n') ++pos_;
        on_plain(' ');
      } else if (c == '/' && Next() == '*') {
        const size_t end = sql_.find("*/", pos_ + 2);
        pos_ = end == std::string_view::npos ? sql_.size() : end + 2;
        on_plain(' ');
      } else if (c == '$' && Next() == '$') {
        const size_t start = pos_;
        const size_t end = sql_.find("$$", pos_ + 2);
        pos_ = end == std::string_view::npos ? sql_.size() : end + 2;
        on_quoted('$', sql_.substr(start, pos_ - start));
      } else {
        on_plain(c);
        ++pos_;
      }
    }
  }

 private:
  char Next() const { return pos_ + 1 < sql_.size() ? sql_[pos_ + 1] : '\0'; }

  void SkipQuoted(char quote) {
    ++pos_;
    while (pos_ < sql_.size()) {
      if (sql_[pos_] == quote) {
        if (Next() == quote) {
          pos_ += 2;  // a doubled quote is part of the token
          continue;
        }
        ++pos_;
        return;
      }
      ++pos_;
    }
  }

  std::string_view sql_;
  size_t pos_ = 0;
};

std::string Trim(const std::string& text) {
  size_t begin = 0, end = text.size();
  while (begin < end && std::isspace(static_cast<unsigned char>(text[begin]))) ++begin;
  while (end > begin && std::isspace(static_cast<unsigned char>(text[end - 1]))) --end;
  return text.substr(begin, end - begin);
}

}  // namespace

std::vector<std::string> SplitStatements(std::string_view script) {
  std::vector<std::string> statements;
  std::string current;
  auto flush = [&] {
    std::string statement = Trim(current);
    if (!statement.empty()) statements.push_back(std::move(statement));
    current.clear();
  };
  Scanner(script).Run(
      [&](char c) {
        if (c == ';') {
          flush();
        } else {
          current.push_back(c);
        }
      },
      [&](char, std::string_view token) { current.append(token); });
  flush();
  return statements;
}

std::set<std::string> QuotedIdentifiers(std::string_view sql) {
  std::set<std::string> names;
  Scanner(sql).Run([](char) {},
                   [&](char quote, std::string_view token) {
                     if (quote != '"' || token.size() < 2) return;
                     std::string name;
                     const std::string_view body = token.substr(1, token.size() - 2);
                     for (size_t i = 0; i < body.size(); ++i) {
                       name.push_back(body[i]);
                       if (body[i] == '"' && i + 1 < body.size() && body[i + 1] == '"') ++i;
                     }
                     names.insert(std::move(name));
                   });
  return names;
}

std::string CollapseWhitespace(std::string_view sql) {
  std::string out;
  bool space = false;
  Scanner(sql).Run(
      [&](char c) {
        if (std::isspace(static_cast<unsigned char>(c))) {
          space = !out.empty();
          return;
        }
        if (space) out.push_back(' ');
        space = false;
        out.push_back(c);
      },
      [&](char, std::string_view token) {
        if (space) out.push_back(' ');
        space = false;
        out.append(token);
      });
  return out;
}

}  // namespace pika
