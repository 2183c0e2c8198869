#include "ui/sql_highlighter.h"

namespace pika::ui {

namespace {

QTextCharFormat Format(QColor color, bool bold = false) {
  QTextCharFormat format;
  format.setForeground(color);
  if (bold) format.setFontWeight(QFont::Bold);
  return format;
}

}  // namespace

const QStringList& SqlHighlighter::Keywords() {
  static const QStringList kKeywords = {
      "SELECT", "FROM",     "WHERE",  "GROUP", "BY",        "ORDER",     "HAVING",     "LIMIT",
      "OFFSET", "JOIN",     "LEFT",   "RIGHT", "INNER",     "OUTER",     "FULL",       "CROSS",
      "ON",     "USING",    "AS",     "AND",   "OR",        "NOT",       "IN",         "IS",
      "NULL",   "BETWEEN",  "LIKE",   "ILIKE", "CASE",      "WHEN",      "THEN",       "ELSE",
      "END",    "DISTINCT", "UNION",  "ALL",   "EXCEPT",    "INTERSECT", "WITH",       "ASC",
      "DESC",   "CAST",     "TRUE",   "FALSE", "COUNT",     "SUM",       "AVG",        "MIN",
      "MAX",    "QUALIFY",  "WINDOW", "OVER",  "PARTITION", "EXTRACT",   "DATE_TRUNC", "EPOCH"};
  return kKeywords;
}

SqlHighlighter::SqlHighlighter(QTextDocument* document) : QSyntaxHighlighter(document) {
  const QString words = Keywords().join('|');
  rules_.push_back({QRegularExpression(QString("\\b(%1)\\b").arg(words),
                                       QRegularExpression::CaseInsensitiveOption),
                    Format(QColor(0x1f, 0x4e, 0xa8), true)});
  rules_.push_back({QRegularExpression("\\b\\d+(\\.\\d+)?([eE][-+]?\\d+)?\\b"),
                    Format(QColor(0x9c, 0x5d, 0x00))});
  rules_.push_back({QRegularExpression("\"([^\"]|\"\")*\""), Format(QColor(0x6a, 0x3d, 0x9a))});
  rules_.push_back({QRegularExpression("'([^']|'')*'"), Format(QColor(0x2e, 0x7d, 0x32))});
  rules_.push_back({QRegularExpression("--[^\n]*"), Format(QColor(0x80, 0x80, 0x80))});
  comment_ = Format(QColor(0x80, 0x80, 0x80));
}

void SqlHighlighter::highlightBlock(const QString& text) {
  for (const Rule& rule : rules_) {
    auto matches = rule.pattern.globalMatch(text);
    while (matches.hasNext()) {
      const auto match = matches.next();
      setFormat(static_cast<int>(match.capturedStart()), static_cast<int>(match.capturedLength()),
                rule.format);
    }
  }
  // Block comments may span lines: the block state says whether one is open.
  int start = previousBlockState() == 1 ? 0 : static_cast<int>(text.indexOf("/*"));
  setCurrentBlockState(0);
  while (start >= 0) {
    const int end = static_cast<int>(text.indexOf("*/", start));
    if (end < 0) {
      setCurrentBlockState(1);
      setFormat(start, static_cast<int>(text.size()) - start, comment_);
      return;
    }
    setFormat(start, end + 2 - start, comment_);
    start = static_cast<int>(text.indexOf("/*", end + 2));
  }
}

}  // namespace pika::ui
