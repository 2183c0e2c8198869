// PlotEditor: a Plot node's kind, columns, colour, aggregate and title, with column pickers filled
// from its input's result.
#pragma once

#include "ui/node_editor.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace pika::ui {

class GraphRunner;

class PlotEditor : public NodeEditor {
  Q_OBJECT

 public:
  PlotEditor(GraphDocument& document, GraphRunner& runner, QWidget* parent = nullptr);
  void showNode(const canvas::Node& node, const NodeRun& run) override;
  QComboBox* colorPicker() const { return color_; }
  QComboBox* sizePicker() const { return size_; }
  QCheckBox* logX() const { return x_log_; }
  QCheckBox* logY() const { return y_log_; }
  QComboBox* kindPicker() const { return kind_; }
  QLineEdit* brushEdit() const { return brush_; }
  QPushButton* toFilterButton() const { return to_filter_; }

 private:
  void edited();
  void fillColumns(const canvas::Node& node);

  GraphRunner& runner_;
  canvas::NodeId id_ = canvas::kNoNode;
  QComboBox* kind_;
  QComboBox* x_;
  QComboBox* y_;
  QComboBox* color_;
  QComboBox* agg_;
  QComboBox* size_;
  QCheckBox* x_log_;
  QCheckBox* y_log_;
  QLineEdit* title_;
  QLineEdit* brush_;
  QPushButton* clear_brush_;
  QPushButton* to_filter_;
  QLabel* status_;
  bool echoing_ = false;
};

}  // namespace pika::ui
