#include "ui/sql_editor.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QFontDatabase>
#include <QKeyEvent>
#include <QScrollBar>
#include <QStringListModel>
#include <QTextBlock>

#include "ui/sql_highlighter.h"

namespace pika::ui {

SqlEditor::SqlEditor(QWidget* parent)
    : QPlainTextEdit(parent), completer_(new QCompleter(this)), words_(new QStringListModel(this)) {
  setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
  setTabStopDistance(fontMetrics().horizontalAdvance(' ') * 4);
  setPlaceholderText("SELECT * FROM table_node WHERE ...   (Ctrl+Enter runs)");
  new SqlHighlighter(document());
  completer_->setModel(words_);
  completer_->setCaseSensitivity(Qt::CaseInsensitive);
  completer_->setModelSorting(QCompleter::UnsortedModel);
  completer_->setWidget(this);
  completer_->setCompletionMode(QCompleter::PopupCompletion);
  connect(completer_, qOverload<const QString&>(&QCompleter::activated), this,
          &SqlEditor::insertCompletion);
  setCompletions({});
}

void SqlEditor::setSql(const QString& sql) {
  if (toPlainText() != sql) setPlainText(sql);
}

void SqlEditor::setCompletions(const QStringList& words) {
  local_ = words;
  local_ += SqlHighlighter::Keywords();
  local_.removeDuplicates();
  words_->setStringList(local_);
}

QStringList SqlEditor::completions() const { return words_->stringList(); }

void SqlEditor::setContextSuggestions(const QStringList& suggestions) {
  QStringList all = suggestions;
  all += local_;
  all.removeDuplicates();
  words_->setStringList(all);
  if (hasFocus() && (completer_->popup()->isVisible() || forced_)) complete(forced_);
}

void SqlEditor::showError(std::optional<SqlPosition> position) {
  QList<QTextEdit::ExtraSelection> selections;
  if (position) {
    QTextEdit::ExtraSelection error;
    error.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
    error.format.setUnderlineColor(QColor(0xd6, 0x27, 0x28));
    error.format.setBackground(QColor(0xfd, 0xe0, 0xe0));
    QTextCursor cursor(document());
    const QTextBlock block = document()->findBlockByNumber(position->line - 1);
    cursor.setPosition(block.position() + std::min(position->column - 1, block.length() - 1));
    cursor.movePosition(QTextCursor::EndOfWord, QTextCursor::KeepAnchor);
    if (!cursor.hasSelection())
      cursor.movePosition(QTextCursor::NextCharacter, QTextCursor::KeepAnchor);
    error.cursor = cursor;
    selections << error;
  }
  setExtraSelections(selections);
}

QString SqlEditor::textBeforeCursor() const { return toPlainText().left(textCursor().position()); }

QString SqlEditor::wordUnderCursor() const {
  QTextCursor cursor = textCursor();
  cursor.movePosition(QTextCursor::StartOfWord, QTextCursor::KeepAnchor);
  return cursor.selectedText();
}

void SqlEditor::insertCompletion(const QString& word) {
  QTextCursor cursor = textCursor();
  cursor.movePosition(QTextCursor::StartOfWord, QTextCursor::KeepAnchor);
  cursor.insertText(word);
  setTextCursor(cursor);
}

void SqlEditor::complete(bool forced) {
  const QString prefix = wordUnderCursor();
  if (!forced && prefix.size() < 2) {
    completer_->popup()->hide();
    return;
  }
  completer_->setCompletionPrefix(prefix);
  if (completer_->completionCount() == 0) {
    completer_->popup()->hide();
    return;
  }
  completer_->popup()->setCurrentIndex(completer_->completionModel()->index(0, 0));
  QRect rect = cursorRect();
  rect.setWidth(completer_->popup()->sizeHintForColumn(0) +
                completer_->popup()->verticalScrollBar()->sizeHint().width());
  completer_->complete(rect);
}

void SqlEditor::keyPressEvent(QKeyEvent* event) {
  const bool popup = completer_->popup()->isVisible();
  if (popup && (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter ||
                event->key() == Qt::Key_Tab || event->key() == Qt::Key_Escape)) {
    event->ignore();  // the completer's popup takes these
    return;
  }
  if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) &&
      event->modifiers() & Qt::ControlModifier) {
    Q_EMIT runRequested();
    return;
  }
  if (event->key() == Qt::Key_Space && event->modifiers() & Qt::ControlModifier) {
    forced_ = true;
    complete(true);
    Q_EMIT contextWanted(textBeforeCursor());
    return;
  }
  QPlainTextEdit::keyPressEvent(event);
  const QString typed = event->text();
  if (!typed.isEmpty() && (typed.front().isLetterOrNumber() || typed.front() == '_')) {
    complete(false);
    if (wordUnderCursor().size() >= 2) Q_EMIT contextWanted(textBeforeCursor());
  } else {
    forced_ = false;
    if (popup) completer_->popup()->hide();
  }
}

}  // namespace pika::ui
