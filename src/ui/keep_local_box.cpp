#include "ui/keep_local_box.h"

#include <QHBoxLayout>
#include <QSignalBlocker>
#include <algorithm>

#include "ui/graph_document.h"

namespace pika::ui {

namespace {

// QSpinBox counts in int; a limit set higher in a workspace file shows as this.
constexpr int kMostRowsShown = 2'000'000'000;

}  // namespace

KeepLocalBox::KeepLocalBox(GraphDocument& document, QWidget* parent)
    : QWidget(parent),
      document_(document),
      box_(new QCheckBox("Keep a local copy", this)),
      rows_(new QSpinBox(this)) {
  box_->setToolTip(
      "Also bring the rows here (counted on the server first: past the limit beside, nothing\n"
      "is fetched), so that queries can mix them with local nodes and plots of them can be\n"
      "brushed and drilled into. The copy is fetched again on every refresh.");
  rows_->setRange(1, kMostRowsShown);
  rows_->setSingleStep(1'000'000);
  rows_->setGroupSeparatorShown(true);
  rows_->setPrefix("up to ");
  rows_->setSuffix(" rows");
  rows_->setKeyboardTracking(false);  // one edit when typing ends, not one per digit
  rows_->setToolTip(
      "The most rows the local copy may take. Each million rows of doubles is about 8 MB per\n"
      "column here; aggregate on the server in a Query node to keep fewer.");
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(box_);
  layout->addWidget(rows_);
  layout->addStretch();
  // Each edits its own setting: the spin box may show less than a limit set in the file.
  connect(box_, &QCheckBox::clicked, this, [this](bool checked) {
    if (const canvas::Node* node = document_.graph().Find(id_)) edit(checked, node->local_rows);
  });
  connect(rows_, &QSpinBox::valueChanged, this,
          [this](int value) { edit(box_->isChecked(), static_cast<uint64_t>(value)); });
}

void KeepLocalBox::showNode(const canvas::Node& node) {
  id_ = node.id;
  const QSignalBlocker quiet(rows_);
  box_->setChecked(node.keep_local);
  rows_->setValue(static_cast<int>(std::min<uint64_t>(node.local_rows, kMostRowsShown)));
  rows_->setEnabled(node.keep_local);
}

void KeepLocalBox::edit(bool keep, uint64_t rows) {
  const canvas::Node* node = document_.graph().Find(id_);
  if (node == nullptr || (node->keep_local == keep && node->local_rows == rows)) return;
  canvas::Node edited = *node;
  edited.keep_local = keep;
  edited.local_rows = rows;
  document_.updateNode(edited);
}

}  // namespace pika::ui
