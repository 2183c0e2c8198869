// SqlEditor: the Query node's SQL, highlighted, with the engine's error underlined where it
// points and completion of keywords, node names and their columns (Ctrl+Space or as you type).
#pragma once

#include <QPlainTextEdit>
#include <optional>

#include "compute/sql_error_position.h"

class QCompleter;
class QStringListModel;

namespace pika::ui {

class SqlEditor : public QPlainTextEdit {
  Q_OBJECT

 public:
  explicit SqlEditor(QWidget* parent = nullptr);

  // Replaces the text only when it differs, so the cursor stays where the user is.
  void setSql(const QString& sql);
  void setCompletions(const QStringList& words);
  // Suggestions for the text before the cursor from the engine (DuckDB's sql_auto_complete:
  // it knows the grammar and the catalog); shown first, then the local words.
  void setContextSuggestions(const QStringList& suggestions);
  void showError(std::optional<SqlPosition> position);
  // What completion offers now, best first.
  QStringList completions() const;

 Q_SIGNALS:
  void runRequested();  // Ctrl+Enter
  // The user is typing a word: the text before the cursor, for context-aware suggestions.
  void contextWanted(QString text_before_cursor);

 protected:
  void keyPressEvent(QKeyEvent* event) override;

 private:
  QString wordUnderCursor() const;
  QString textBeforeCursor() const;
  void insertCompletion(const QString& word);
  void complete(bool forced);

  QCompleter* completer_;
  QStringListModel* words_;
  QStringList local_;    // node names, columns, keywords
  bool forced_ = false;  // the popup was asked for with Ctrl+Space
};

}  // namespace pika::ui
