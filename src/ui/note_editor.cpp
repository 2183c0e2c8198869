#include "ui/note_editor.h"

#include <QPlainTextEdit>
#include <QVBoxLayout>

#include "ui/graph_document.h"

namespace pika::ui {

NoteEditor::NoteEditor(GraphDocument& document, QWidget* parent)
    : NodeEditor(document, parent), text_(new QPlainTextEdit(this)) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(text_);
  connect(text_, &QPlainTextEdit::textChanged, this, [this] {
    const canvas::Node* node = document_.graph().Find(id_);
    if (echoing_ || node == nullptr) return;
    canvas::Node edited = *node;
    edited.text = text_->toPlainText().toStdString();
    document_.updateNode(edited);
  });
}

void NoteEditor::showNode(const canvas::Node& node, const NodeRun&) {
  id_ = node.id;
  echoing_ = true;
  if (text_->toPlainText().toStdString() != node.text)
    text_->setPlainText(QString::fromStdString(node.text));
  echoing_ = false;
}

}  // namespace pika::ui
