// ExportDialog: exports plots in one go — the selected ones, those visible on the canvas, or
// all — as PNG, SVG, one PDF, or their data as CSV or Parquet, into a folder with a
// summary.md. Runs off the UI thread with progress and cancel; settings are remembered.
#pragma once

#include <QDialog>
#include <vector>

#include "canvas/node.h"
#include "ui/workspace_export.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTimer;

namespace pika::ui {

class EngineSession;
class GraphDocument;
class GraphRunner;

struct ExportScopes {
  std::vector<canvas::NodeId> selected, visible, all;  // plots
};

class ExportDialog : public QDialog {
  Q_OBJECT

 public:
  ExportDialog(GraphDocument& document, GraphRunner& runner, EngineSession& engine,
               ExportScopes scopes, QString workspace, QWidget* parent = nullptr);
  ~ExportDialog() override;

  // For tests and callers that choose without the form.
  void setFolder(const QString& folder);
  void setFormat(ExportFormat format);
  // 0: selected, 1: visible, 2: all — where offered.
  bool setScope(int scope);
  void start();
  bool running() const { return running_; }
  QString resultText() const;

 private:
  ExportJob makeJob() const;
  ExportSettings settings() const;
  std::vector<canvas::NodeId> scopePlots() const;
  void updateEnabled();
  void finished(Result<ExportReport> report);
  void remember() const;

  GraphDocument& document_;
  GraphRunner& runner_;
  EngineSession& engine_;
  ExportScopes scopes_;
  QString workspace_;
  QComboBox* scope_;
  QComboBox* format_;
  QSpinBox* width_;
  QSpinBox* height_;
  QSpinBox* dpi_;
  QCheckBox* transparent_;
  QCheckBox* title_;
  QCheckBox* notes_;
  QCheckBox* timestamp_;
  QLineEdit* folder_;
  QProgressBar* progress_;
  QLabel* result_;
  QPushButton* export_;
  QTimer* poll_;
  bool running_ = false;
};

}  // namespace pika::ui
