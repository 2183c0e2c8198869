// NoteEditor: a sticky note's text.
#pragma once

#include "ui/node_editor.h"

class QPlainTextEdit;

namespace pika::ui {

class NoteEditor : public NodeEditor {
  Q_OBJECT

 public:
  explicit NoteEditor(GraphDocument& document, QWidget* parent = nullptr);
  void showNode(const canvas::Node& node, const NodeRun& run) override;

 private:
  canvas::NodeId id_ = canvas::kNoNode;
  QPlainTextEdit* text_;
  bool echoing_ = false;
};

}  // namespace pika::ui
