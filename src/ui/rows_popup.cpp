#include "ui/rows_popup.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

namespace pika::ui {

RowsPopup::RowsPopup(const RowsBehind& rows, const QString& predicate, QWidget* parent)
    : QDialog(parent), shown_(static_cast<int>(rows.first.row_count)), total_(rows.total) {
  setWindowTitle("Rows behind this mark");
  const QLocale locale;
  auto* summary = new QLabel(
      rows.total == rows.first.row_count
          ? QString("%1 rows where %2").arg(locale.toString(qulonglong(rows.total)), predicate)
          : QString("The first %1 of %2 rows where %3")
                .arg(locale.toString(shown_), locale.toString(qulonglong(rows.total)), predicate),
      this);
  summary->setWordWrap(true);
  summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
  const auto& columns = rows.first.columns;
  auto* table = new QTableWidget(shown_, static_cast<int>(columns.size()), this);
  QStringList headers;
  for (const Column& column : columns) headers << QString::fromStdString(column.name);
  table->setHorizontalHeaderLabels(headers);
  for (int row = 0; row < shown_; ++row) {
    for (int column = 0; column < static_cast<int>(columns.size()); ++column) {
      table->setItem(row, column,
                     new QTableWidgetItem(QString::fromStdString(FormatValue(
                         columns[static_cast<size_t>(column)], static_cast<size_t>(row)))));
    }
  }
  table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(summary);
  layout->addWidget(table, 1);
  resize(640, 420);
}

}  // namespace pika::ui
