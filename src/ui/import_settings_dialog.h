// ImportSettingsDialog: the column types of a Table node's file, as inferred — with how sure
// the inference is and the values that contradict it — and the user's overrides, NULL words
// and a preview of the rows read with them. Opens by itself when an import is unsure.
#pragma once

#include <QDialog>
#include <vector>

#include "canvas/node.h"
#include "storage/import_report.h"

class QCheckBox;
class QLabel;
class QLineEdit;
class QTableWidget;

namespace pika::ui {

class EngineSession;
class GraphDocument;

// Below this confidence a column's type is worth a look.
inline constexpr double kReviewConfidence = 0.95;

bool NeedsReview(const std::vector<ColumnReport>& columns);

class ImportSettingsDialog : public QDialog {
  Q_OBJECT

 public:
  ImportSettingsDialog(EngineSession& engine, const canvas::Node& node,
                       std::vector<ColumnReport> columns, QWidget* parent = nullptr);

  canvas::ImportSettings settings() const;
  bool remember() const;
  // Reads the file's sample again with the choices made so far.
  void preview();
  QTableWidget* columnsTable() const { return columns_; }
  QTableWidget* previewTable() const { return preview_; }

 Q_SIGNALS:
  void previewed(bool ok);

 private:
  void showColumns(const std::vector<ColumnReport>& columns);
  void showSample(const TableBatch& sample);

  EngineSession& engine_;
  std::string path_;
  canvas::ImportSettings initial_;
  QTableWidget* columns_;
  QLineEdit* nulls_;
  QCheckBox* remember_;
  QLabel* status_;
  QTableWidget* preview_;
  uint64_t key_;  // previews replace each other, never another dialog's
};

// Opens the dialog for a Table node; accepting it changes the node (undoably), and saves
// the settings for the file when asked to.
void OpenImportSettings(QWidget* parent, GraphDocument& document, EngineSession& engine,
                        canvas::NodeId id, std::vector<ColumnReport> columns);

}  // namespace pika::ui
