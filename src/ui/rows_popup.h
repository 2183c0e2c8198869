// RowsPopup: the rows behind a mark, shown in a small table: the first of them, how many
// there are in all, and the condition that picked them (selectable, to reuse as SQL).
#pragma once

#include <QDialog>

#include "compute/rows_behind.h"

namespace pika::ui {

class RowsPopup : public QDialog {
  Q_OBJECT

 public:
  RowsPopup(const RowsBehind& rows, const QString& predicate, QWidget* parent = nullptr);
  int shownRows() const { return shown_; }
  uint64_t totalRows() const { return total_; }

 private:
  int shown_ = 0;
  uint64_t total_ = 0;
};

}  // namespace pika::ui
