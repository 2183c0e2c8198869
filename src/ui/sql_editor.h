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
  void showError(std::optional<SqlPosition> position);

 Q_SIGNALS:
  void runRequested();  // Ctrl+Enter

 protected:
  void keyPressEvent(QKeyEvent* event) override;

 private:
  QString wordUnderCursor() const;
  void insertCompletion(const QString& word);
  void complete(bool forced);

  QCompleter* completer_;
  QStringListModel* words_;
};

}  // namespace pika::ui
