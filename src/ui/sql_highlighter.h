// SqlHighlighter: keywords, strings, numbers, comments and quoted names in the SQL editor.
#pragma once

#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>
#include <vector>

namespace pika::ui {

class SqlHighlighter : public QSyntaxHighlighter {
 public:
  explicit SqlHighlighter(QTextDocument* document);

  // The keywords it colours, also offered by completion.
  static const QStringList& Keywords();

 protected:
  void highlightBlock(const QString& text) override;

 private:
  struct Rule {
    QRegularExpression pattern;
    QTextCharFormat format;
  };
  std::vector<Rule> rules_;
  QTextCharFormat comment_;
};

}  // namespace pika::ui
