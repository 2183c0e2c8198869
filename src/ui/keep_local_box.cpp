#include "ui/keep_local_box.h"

#include <QLocale>

#include "compute/bring_local.h"
#include "ui/graph_document.h"

namespace pika::ui {

KeepLocalBox::KeepLocalBox(GraphDocument& document, QWidget* parent)
    : QCheckBox("Keep a local copy", parent), document_(document) {
  setToolTip(QString("Also bring the rows here (up to %1, counted on the server first), so that\n"
                     "queries can mix them with local nodes and plots of them can be brushed\n"
                     "and drilled into. The copy is fetched again on every refresh.")
                 .arg(QLocale().toString(static_cast<qulonglong>(kBringLocalRows))));
  connect(this, &QCheckBox::clicked, this, [this](bool checked) {
    const canvas::Node* node = document_.graph().Find(id_);
    if (node == nullptr || node->keep_local == checked) return;
    canvas::Node edited = *node;
    edited.keep_local = checked;
    document_.updateNode(edited);
  });
}

void KeepLocalBox::showNode(const canvas::Node& node) {
  id_ = node.id;
  setChecked(node.keep_local);
}

}  // namespace pika::ui
