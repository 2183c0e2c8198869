#include "ui/main_window.h"

#include <unistd.h>

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFrame>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>
#include <QUndoStack>
#include <QUuid>
#include <QVBoxLayout>
#include <filesystem>

#include "canvas/auto_layout.h"
#include "canvas/node_name.h"
#include "storage/duckdb_source.h"
#include "storage/engine_usage.h"
#include "storage/file_system.h"
#include "ui/canvas_scene.h"
#include "ui/canvas_view.h"
#include "ui/engine_session.h"
#include "ui/export_dialog.h"
#include "ui/graph_document.h"
#include "ui/graph_runner.h"
#include "ui/import_settings_dialog.h"
#include "ui/inspector.h"
#include "ui/job_progress.h"
#include "ui/node_item.h"
#include "ui/plot_window.h"
#include "ui/remembered_import.h"
#include "ui/source_watcher.h"
#include "ui/workspace_trust.h"

namespace pika::ui {

namespace {

// Saving and opening: one at a time per window, never cancelled by node runs.
constexpr uint64_t kSaveKey = uint64_t{1} << 58;
constexpr uint64_t kAutosaveKey = (uint64_t{1} << 58) + 1;
constexpr uint64_t kMemoryKey = (uint64_t{1} << 58) + 2;

QString Megabytes(uint64_t bytes) {
  return bytes >= (uint64_t{1} << 30)
             ? QString("%1 GB").arg(static_cast<double>(bytes) / (1 << 30), 0, 'f', 1)
             : QString("%1 MB").arg(bytes >> 20);
}

}  // namespace

MainWindow::MainWindow(std::unique_ptr<EngineSession> engine, QWidget* parent)
    : QMainWindow(parent),
      engine_(std::move(engine)),
      document_(new GraphDocument(this)),
      runner_(new GraphRunner(*document_, *engine_, this)),
      scene_(new CanvasScene(*document_, *runner_, this)),
      view_(new CanvasView(scene_, this)),
      inspector_(new Inspector(*document_, *runner_, *engine_, this)),
      jobs_(new QLabel(this)),
      memory_(new QLabel(this)),
      sources_(new SourceWatcher(*document_, this)),
      reload_bar_(new QFrame(this)),
      reload_text_(new QLabel(reload_bar_)) {
  buildReloadBar();
  auto* central = new QWidget(this);
  auto* column = new QVBoxLayout(central);
  column->setContentsMargins(0, 0, 0, 0);
  column->setSpacing(0);
  column->addWidget(reload_bar_);
  column->addWidget(view_, 1);
  setCentralWidget(central);
  connect(sources_, &SourceWatcher::sourceChanged, this, &MainWindow::onSourceChanged);
  auto* dock = new QDockWidget("Inspector", this);
  dock->setObjectName("inspector");
  dock->setWidget(inspector_);
  dock->setMinimumWidth(380);
  addDockWidget(Qt::RightDockWidgetArea, dock);
  statusBar()->addPermanentWidget(jobs_);
  statusBar()->addPermanentWidget(memory_);
  if (engine_->restricted()) buildRestrictedBadge();
  buildActions();
  connect(scene_, &QGraphicsScene::selectionChanged, this, [this] {
    const auto selected = scene_->selectedNodes();
    if (selected.size() == 1) inspector_->showNode(selected.front());
  });
  connect(scene_, &CanvasScene::message, this,
          [this](const QString& text) { statusBar()->showMessage(text, 6000); });
  connect(scene_, &CanvasScene::nodeActivated, this, &MainWindow::onActivated);
  connect(scene_, &CanvasScene::contextMenuRequested, this,
          [this](canvas::NodeId node, canvas::NodeId from, canvas::NodeId to, QPointF at,
                 QPoint screen) {
            QMenu* menu = contextMenu(node, from, to, at);
            menu->setAttribute(Qt::WA_DeleteOnClose);
            menu->popup(screen);
          });
  connect(view_, &CanvasView::filesDropped, this, &MainWindow::importFiles);
  connect(view_, &CanvasView::deletePressed, scene_, &CanvasScene::deleteSelection);
  connect(runner_, &GraphRunner::runChanged, this, &MainWindow::updateStatus);
  connect(runner_, &GraphRunner::runChanged, this, &MainWindow::reviewIfUnsure);
  connect(&status_timer_, &QTimer::timeout, this, &MainWindow::updateStatus);
  status_timer_.start(500);
  updateStatus();
  connect(document_->undoStack(), &QUndoStack::cleanChanged, this, &MainWindow::updateTitle);
  updateTitle();
  session_ = QUuid::createUuid().toString(QUuid::WithoutBraces);
  autosave_.setSingleShot(true);
  autosave_.setInterval(1000);
  autosave_limit_.setSingleShot(true);
  autosave_limit_.setInterval(30'000);
  connect(&autosave_, &QTimer::timeout, this, [this] { autosaveNow(); });
  connect(&autosave_limit_, &QTimer::timeout, this, [this] { autosaveNow(); });
  connect(document_->undoStack(), &QUndoStack::indexChanged, this, &MainWindow::scheduleAutosave);
  connect(runner_, &GraphRunner::runChanged, this, [this](canvas::NodeId id) {
    const canvas::Node* node = document_->graph().Find(id);
    if (node != nullptr && node->kind == canvas::NodeKind::kTable &&
        runner_->run(id).state == RunState::kReady)
      scheduleAutosave();  // new data: into the recovery folder with the graph
  });
  resize(1400, 860);
  const QSettings settings;
  restoreGeometry(settings.value("window/geometry").toByteArray());
  restoreState(settings.value("window/state").toByteArray());
  setDarkTheme(settings.value("view/dark", false).toBool());
}

QString MainWindow::RecoveryRoot() {
  if (qEnvironmentVariableIsSet("PIKA_RECOVERY_DIR"))
    return qEnvironmentVariable("PIKA_RECOVERY_DIR");
  return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + "/recovery";
}

void MainWindow::scheduleAutosave() {
  autosave_.start();
  if (!autosave_limit_.isActive()) autosave_limit_.start();
}

void MainWindow::autosaveNow(std::function<void(Status)> done) {
  autosave_.stop();
  autosave_limit_.stop();
  // Held while the window lives: no other instance offers or restores this folder meanwhile.
  if (!recovery_lock_) {
    auto lock =
        RecoveryStore(RealFileSystem(), RecoveryRoot().toStdString()).Claim(session_.toStdString());
    if (lock.ok() && *lock) recovery_lock_ = std::move(**lock);
  }
  engine_->run<bool>(
      this, kAutosaveKey,
      [root = RecoveryRoot().toStdString(), session = session_.toStdString(),
       graph = document_->graph(), viewport = view_->viewportState(),
       tables = runner_->tableDataVersions(), path = path_.toStdString(),
       id = engine_->workspaceId()](Connection& connection, const CancelToken& cancel,
                                    const ProgressFn&) -> Result<bool> {
        if (cancel.cancelled()) return Cancelled();  // the window closed
        RecoveryStore store(RealFileSystem(), root);
        PIKA_TRY(store.Write(session, connection, graph, viewport, tables, path, ::getpid(), id));
        return true;
      },
      [this, done = std::move(done)](Result<bool> written) {
        // A failed autosave must not interrupt the user; the status bar says so.
        if (!written.ok() && written.error().kind != ErrorKind::kCancelled)
          statusBar()->showMessage(
              QString("autosave failed: %1").arg(QString::fromStdString(written.error().message)));
        if (done) done(written.ok() ? Status() : Status(written.error()));
      });
}

void MainWindow::offerRecovery() {
  std::vector<std::string> broken;
  const RecoveryStore store(RealFileSystem(), RecoveryRoot().toStdString());
  const std::vector<RecoveryEntry> entries = store.List(&broken);
  for (const std::string& aside : broken) {
    statusBar()->showMessage(
        QString("a damaged recovery folder was set aside: %1").arg(QString::fromStdString(aside)));
  }
  for (const RecoveryEntry& entry : entries) {
    const QString when = QDateTime::fromSecsSinceEpoch(entry.saved_at_unix).toString(Qt::TextDate);
    const QString what = entry.original_path.empty()
                             ? QString("an unsaved workspace")
                             : QFileInfo(QString::fromStdString(entry.original_path)).fileName();
    auto* box = new QMessageBox(
        QMessageBox::Question, "Restore unsaved work?",
        QString("Pika-Plot closed without saving %1 (%2 nodes, last autosaved %3). Restore it?")
            .arg(what)
            .arg(entry.nodes)
            .arg(when),
        QMessageBox::NoButton, this);
    QPushButton* restore = box->addButton("Restore", QMessageBox::AcceptRole);
    QPushButton* discard = box->addButton("Discard", QMessageBox::DestructiveRole);
    box->addButton("Later", QMessageBox::RejectRole);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(
        box, &QMessageBox::buttonClicked, this,
        [this, entry, restore, discard](QAbstractButton* button) {
          if (button == restore) restoreRecovery(entry, this);
          if (button == discard)
            RecoveryStore(RealFileSystem(), RecoveryRoot().toStdString()).Discard(entry.directory);
        });
    box->open();
  }
}

void MainWindow::restoreRecovery(const RecoveryEntry& entry, QWidget* parent,
                                 std::function<void(Result<MainWindow*>)> done) {
  const RecoveryStore store(RealFileSystem(), RecoveryRoot().toStdString());
  const std::string session = std::filesystem::path(entry.directory).filename().string();
  auto claimed = store.Claim(session);
  if (!claimed.ok() || !*claimed) {
    if (done)
      done(claimed.ok() ? NotAllowed("this work is being restored in another window")
                        : claimed.error());
    return;
  }
  // The claim goes to the new window; a restore that fails sets the folder aside instead of
  // offering it on every start.
  auto lock = std::make_shared<std::optional<FolderLock>>(std::move(*claimed));
  done = [done = std::move(done), directory = entry.directory](Result<MainWindow*> window) {
    if (!window.ok() && window.error().kind != ErrorKind::kCancelled)
      RecoveryStore(RealFileSystem(), RecoveryRoot().toStdString()).SetAside(directory);
    if (done) done(std::move(window));
  };
  OpenInNewWindow(
      {}, EngineSession::Access::kTrusted,  // the user's own work
      [entry, store](Connection& connection, const std::string& tables_dir,
                     const CancelToken& cancel, const ProgressFn& progress) {
        return store.Restore(connection, entry, tables_dir, cancel, progress);
      },
      "Not restored", QString::fromStdString(entry.original_path), parent,
      [entry, session, lock](MainWindow& window) {
        window.recovery_lock_ = std::move(*lock);
        // Restored work is not saved anywhere yet: the window says so until it is.
        window.document_->undoStack()->resetClean();
        window.updateTitle();
        // The new window autosaves into the same folder, which keeps the restored tables'
        // data until the window has its own: a crash now loses nothing.
        window.session_ = QString::fromStdString(session);
        window.autosaveNow();
      },
      std::move(done));
}

void MainWindow::OpenInNewWindow(const std::string& workspace_id, EngineSession::Access access,
                                 LoadFn load, const QString& failure_title, const QString& path,
                                 QWidget* parent, std::function<void(MainWindow&)> opened,
                                 std::function<void(Result<MainWindow*>)> done) {
  // A new engine for the new window: if loading fails, the open window is untouched.
  auto engine = EngineSession::Open(workspace_id, access);
  if (!engine.ok()) {
    if (done) done(engine.error());
    return;
  }
  EngineSession* session = engine->release();
  // A big workspace's tables take a while to extract the first time.
  QPointer<JobProgress> progress = new JobProgress(
      *session, kSaveKey, QString("Opening %1…").arg(QFileInfo(path).fileName()), parent);
  session->run<WorkspaceContent>(
      session, kSaveKey,
      [load = std::move(load), tables_dir = session->dataFolder().TablesDir()](
          Connection& connection, const CancelToken& cancel, const ProgressFn& report) {
        return load(connection, tables_dir, cancel, report);
      },
      [session, failure_title, path, parent = QPointer<QWidget>(parent), opened = std::move(opened),
       done = std::move(done), progress](Result<WorkspaceContent> content) {
        delete progress.data();
        if (!content.ok() && content.error().kind == ErrorKind::kCancelled) {
          session->deleteLater();
          if (done) done(content.error());
          return;
        }
        if (!content.ok()) {
          session->deleteLater();
          auto* box = new QMessageBox(
              QMessageBox::Warning, failure_title,
              QString("%1\n\n%2").arg(path, QString::fromStdString(content.error().message)),
              QMessageBox::Ok, parent.data());
          box->setAttribute(Qt::WA_DeleteOnClose);
          box->open();
          if (done) done(content.error());
          return;
        }
        auto* window = new MainWindow(std::unique_ptr<EngineSession>(session));
        window->setAttribute(Qt::WA_DeleteOnClose);
        window->adoptWorkspace(std::move(*content), path);
        window->show();
        if (opened) opened(*window);
        if (done) done(window);
      });
}

// Says why the nodes that reach further fail, and offers the way out.
void MainWindow::buildRestrictedBadge() {
  auto* badge = new QPushButton("Restricted: reads only its own data · Trust…", this);
  badge->setObjectName("restricted");
  badge->setFlat(true);
  badge->setStyleSheet("color: #b35900");
  badge->setToolTip(
      "This workspace was not saved on this computer: it reads no other file and connects to "
      "no server. Trust it to open it again with your access.");
  statusBar()->addPermanentWidget(badge);
  connect(badge, &QPushButton::clicked, this, [this] { trustAndReopen(); });
}

void MainWindow::trustAndReopen() {
  auto summary = ReadWorkspaceSummary(path_.toStdString());
  if (!summary.ok()) {
    statusBar()->showMessage(QString::fromStdString(summary.error().message));
    return;
  }
  const WorkspaceReach reach = ReachOf(*summary);
  if (!reach.empty() && AskTrust(path_, reach, this) != TrustChoice::kTrust) return;
  RememberTrusted(path_, WorkspaceFingerprint(*summary));
  openWorkspace(path_, this, [self = QPointer<MainWindow>(this)](Result<MainWindow*> opened) {
    // The restricted window makes way, unless it holds edits of its own.
    if (opened.ok() && self && !self->isWindowModified()) self->close();
  });
}

void MainWindow::updateTitle() {
  const QString name = path_.isEmpty() ? QString("untitled") : QFileInfo(path_).fileName();
  setWindowTitle(QString("%1[*]%2 — Pika-Plot")
                     .arg(name, engine_->restricted() ? QString(" (restricted)") : QString()));
  setWindowModified(!document_->undoStack()->isClean());
}

void MainWindow::save() {
  if (path_.isEmpty()) return saveAs();
  saveTo(path_);
}

void MainWindow::saveAs() {
  QString path = QFileDialog::getSaveFileName(this, "Save workspace",
                                              path_.isEmpty() ? "untitled.pikaplot" : path_,
                                              "Pika-Plot workspaces (*.pikaplot)");
  if (path.isEmpty()) return;
  if (!path.endsWith(".pikaplot")) path += ".pikaplot";
  saveTo(path);
}

// Tables whose data a save copies into the file: those ready, unless told to save a path.
std::set<canvas::NodeId> MainWindow::embeddedTables() const {
  std::set<canvas::NodeId> tables = runner_->tablesWithData();
  std::erase_if(tables, [this](canvas::NodeId id) {
    const canvas::Node* node = document_->graph().Find(id);
    return node == nullptr || !node->embed_data;
  });
  return tables;
}

void MainWindow::saveTo(const QString& path, std::function<void(Status)> done) {
  statusBar()->showMessage(QString("saving %1…").arg(path));
  // The graph as it is now; edits made while saving mark the window changed again.
  const uint64_t saved_revision = document_->revision();
  QPointer<JobProgress> dialog = new JobProgress(
      *engine_, kSaveKey, QString("Saving %1…").arg(QFileInfo(path).fileName()), this);
  // Answers the saved file's fingerprint: a workspace this user saved here is trusted.
  engine_->run<QString>(
      this, kSaveKey,
      [path = path.toStdString(), graph = document_->graph(), viewport = view_->viewportState(),
       tables = embeddedTables(), scratch = engine_->dataFolder().path(),
       id = engine_->workspaceId()](Connection& connection, const CancelToken& cancel,
                                    const ProgressFn& progress) -> Result<QString> {
        PIKA_TRY(SaveWorkspace(connection, RealFileSystem(), path, graph, viewport, tables, scratch,
                               {id, cancel, progress}));
        auto summary = ReadWorkspaceSummary(path);
        if (!summary.ok()) return summary.error();
        return WorkspaceFingerprint(*summary);
      },
      [this, path, saved_revision, done = std::move(done), dialog](Result<QString> saved) {
        delete dialog.data();
        if (!saved.ok() && saved.error().kind == ErrorKind::kCancelled) {
          statusBar()->showMessage(QString::fromStdString(saved.error().message), 5000);
          if (done) done(saved.error());
          return;
        }
        if (saved.ok()) {
          // Saving what came from elsewhere, restricted, does not make it trusted.
          if (!engine_->restricted()) RememberTrusted(path, *saved);
          path_ = path;
          addRecentFile(path);
          // Only when nothing changed meanwhile: a newer edit is not in the file.
          if (document_->revision() == saved_revision) document_->undoStack()->setClean();
          statusBar()->showMessage(QString("saved %1").arg(path), 5000);
          updateTitle();
          if (done) done({});
          return;
        }
        const QString message = QString::fromStdString(saved.error().message);
        statusBar()->showMessage(message);
        auto* box =
            new QMessageBox(QMessageBox::Critical, "Not saved",
                            QString("The workspace was not saved; the file on disk is as it "
                                    "was.\n\n%1")
                                .arg(message),
                            QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        if (done) done(saved.error());
      });
}

void MainWindow::openWorkspace(const QString& path, QWidget* parent,
                               std::function<void(Result<MainWindow*>)> done,
                               std::optional<TrustChoice> choice) {
  // Read first, run nothing: a file that cannot be read fails in the open below, with why.
  auto summary = ReadWorkspaceSummary(path.toStdString());
  auto access = EngineSession::Access::kRestricted;
  if (summary.ok()) {
    const QString fingerprint = WorkspaceFingerprint(*summary);
    const WorkspaceReach reach = ReachOf(*summary);
    // Nothing outside its own data: restricted then costs nothing, so nothing is asked.
    const TrustChoice decided = IsTrusted(path, fingerprint) ? TrustChoice::kTrust
                                : choice                     ? *choice
                                : reach.empty()              ? TrustChoice::kRestricted
                                                             : AskTrust(path, reach, parent);
    if (decided == TrustChoice::kCancel) {
      if (done) done(Cancelled("not opened"));
      return;
    }
    if (decided == TrustChoice::kTrust) {
      RememberTrusted(path, fingerprint);
      access = EngineSession::Access::kTrusted;
    }
  }
  // The file's id names its data folder, where a second open finds its tables extracted.
  OpenInNewWindow(
      summary.ok() ? summary->workspace_id : std::string(), access,
      [path = path.toStdString()](Connection& connection, const std::string& tables_dir,
                                  const CancelToken& cancel, const ProgressFn& progress) {
        return LoadWorkspace(connection, RealFileSystem(), path, tables_dir, {}, cancel, progress);
      },
      "Not opened", path, parent,
      [previous = QPointer<MainWindow>(qobject_cast<MainWindow*>(parent))](MainWindow&) {
        // An empty, unchanged window made way for the workspace: it closes.
        if (previous && previous->document_->graph().nodes().empty() &&
            previous->document_->undoStack()->isClean())
          previous->close();
      },
      std::move(done));
}

void MainWindow::adoptWorkspace(WorkspaceContent content, const QString& path) {
  runner_->adoptRestored(content.restored_tables);
  document_->load(content.graph);
  view_->setViewportState(content.viewport);
  path_ = path;
  if (!path.isEmpty()) addRecentFile(path);
  updateTitle();
}

void MainWindow::closeEvent(QCloseEvent* event) {
  if (isWindowModified() && !document_->graph().nodes().empty()) {
    const auto answer = QMessageBox::question(
        this, "Unsaved changes",
        QString("Save the changes to %1 before closing?")
            .arg(path_.isEmpty() ? QString("this workspace") : QFileInfo(path_).fileName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Cancel) return event->ignore();
    if (answer == QMessageBox::Save) {
      event->ignore();  // close once the file is safely written
      if (path_.isEmpty()) return saveAs();
      return saveTo(path_, [this](const Status& saved) {
        if (saved.ok()) close();
      });
    }
  }
  // Closed on purpose, saved or not: nothing to recover. The folder goes once the engine has
  // stopped, so that no autosave still queued writes it again.
  autosave_.stop();
  autosave_limit_.stop();
  engine_->cancel(kAutosaveKey);
  discard_recovery_ = true;
  QSettings settings;
  settings.setValue("window/geometry", saveGeometry());
  settings.setValue("window/state", saveState());
  QMainWindow::closeEvent(event);
}

bool MainWindow::darkTheme() const { return dark_ != nullptr && dark_->isChecked(); }

void MainWindow::setDarkTheme(bool dark) {
  if (dark_ != nullptr && dark_->isChecked() != dark) dark_->setChecked(dark);
  QSettings().setValue("view/dark", dark);
  QApplication::setStyle("Fusion");
  QPalette palette = QApplication::style()->standardPalette();
  if (dark) {
    palette.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2e));
    palette.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    palette.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x20));
    palette.setColor(QPalette::AlternateBase, QColor(0x2b, 0x2b, 0x2e));
    palette.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    palette.setColor(QPalette::Button, QColor(0x3a, 0x3a, 0x3e));
    palette.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
    palette.setColor(QPalette::Highlight, QColor(0x1f, 0x6f, 0xeb));
    palette.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3a, 0x3e));
    palette.setColor(QPalette::ToolTipText, QColor(0xe6, 0xe6, 0xe6));
  }
  QApplication::setPalette(palette);
  view_->setDark(dark);
  runner_->setPlotTheme(dark ? ThemeKind::kDark : ThemeKind::kLight);
}

void MainWindow::addRecentFile(const QString& path) {
  QSettings settings;
  QStringList recent = settings.value("recentFiles").toStringList();
  recent.removeAll(path);
  recent.prepend(path);
  while (recent.size() > 10) recent.removeLast();
  settings.setValue("recentFiles", recent);
  fillRecentMenu();
}

void MainWindow::fillRecentMenu() {
  recent_->clear();
  const QStringList recent = QSettings().value("recentFiles").toStringList();
  // Workspaces open; data files are imported onto the canvas again.
  for (const QString& path : recent) {
    recent_->addAction(path, this, [this, path] {
      importFiles({path}, view_->mapToScene(view_->viewport()->rect().center()));
    });
  }
  recent_->setEnabled(!recent.isEmpty());
}

ExportScopes MainWindow::exportScopes() const {
  ExportScopes scopes;
  const QRectF visible = view_->mapToScene(view_->viewport()->rect()).boundingRect();
  const std::vector<canvas::NodeId> selected = scene_->selectedNodes();
  for (const auto& [id, node] : document_->graph().nodes()) {
    if (node.kind != canvas::NodeKind::kPlot) continue;
    scopes.all.push_back(id);
    if (std::find(selected.begin(), selected.end(), id) != selected.end())
      scopes.selected.push_back(id);
    const NodeItem* item = scene_->item(id);
    if (item != nullptr && item->sceneBoundingRect().intersects(visible))
      scopes.visible.push_back(id);
  }
  return scopes;
}

ExportDialog* MainWindow::exportPlots() {
  const QString name = path_.isEmpty() ? QString("Untitled") : QFileInfo(path_).completeBaseName();
  auto* dialog = new ExportDialog(*document_, *runner_, *engine_, exportScopes(), name, this);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  dialog->show();
  return dialog;
}

QMenu* MainWindow::contextMenu(canvas::NodeId node, canvas::NodeId from, canvas::NodeId to,
                               QPointF at) {
  auto* menu = new QMenu(this);
  if (const canvas::Node* target = document_->graph().Find(node)) {
    const canvas::NodeKind kind = target->kind;
    if (kind != canvas::NodeKind::kNote) {
      menu->addAction("Run", this, [this, node] { runner_->rerun(node); });
      menu->addAction("Cancel", this, [this, node] { runner_->cancel(node); });
    }
    if (kind == canvas::NodeKind::kPlot)
      menu->addAction("Open plot", this, [this, node] { openPlot(node); });
    if (kind == canvas::NodeKind::kTable) {
      menu->addAction("Column types…", this, [this, node] {
        const auto& relation = runner_->run(node).relation;
        OpenImportSettings(this, *document_, *engine_, node,
                           relation ? relation->column_reports : std::vector<ColumnReport>{});
      });
    }
    if (canvas::HasOutput(kind)) {
      menu->addSeparator();
      menu->addAction("Add Query from here", this, [this] { addNode(canvas::NodeKind::kQuery); });
      menu->addAction("Add Plot from here", this, [this] { addNode(canvas::NodeKind::kPlot); });
    }
    menu->addSeparator();
    menu->addAction("Delete", scene_, &CanvasScene::deleteSelection);
  } else if (from != canvas::kNoNode) {
    menu->addAction("Disconnect", this, [this, from, to] { document_->disconnectNodes(from, to); });
  } else {
    for (auto kind : {canvas::NodeKind::kTable, canvas::NodeKind::kRemote, canvas::NodeKind::kQuery,
                      canvas::NodeKind::kPlot, canvas::NodeKind::kNote}) {
      menu->addAction(
          QString("Add %1 here").arg(QString::fromStdString(std::string(ToString(kind)))), this,
          [this, kind, at] {
            scene_->clearSelection();
            addNode(kind, at);
          });
    }
    menu->addSeparator();
    menu->addAction("Fit to view", this, [this] { view_->fitAll(); });
  }
  return menu;
}

// Widgets that post work go first; then the engine stops its workers.
MainWindow::~MainWindow() {
  // Nothing may reach this window's slots while its parts go (a selection change as the
  // scene deletes its items would reach the deleted inspector).
  scene_->disconnect(this);
  runner_->disconnect(this);
  document_->disconnect(this);
  delete inspector_;
  delete view_;
  delete scene_;
  delete runner_;
  // While this is still a MainWindow: the document's signals (cleanChanged as its undo stack
  // goes) must not reach slots of a half-destroyed window.
  delete document_;
  engine_.reset();
  if (discard_recovery_) {
    const RecoveryStore store(RealFileSystem(), RecoveryRoot().toStdString());
    store.Discard(store.SessionDirectory(session_.toStdString()));
  }
}

void MainWindow::buildActions() {
  QToolBar* tools = addToolBar("Canvas");
  tools->setObjectName("canvas tools");
  QMenu* file = menuBar()->addMenu("&File");
  QMenu* edit = menuBar()->addMenu("&Edit");
  QMenu* add = menuBar()->addMenu("&Add");
  QMenu* view = menuBar()->addMenu("&View");

  QAction* open = file->addAction("&Open…", this, [this] {
    const QString path = QFileDialog::getOpenFileName(
        this, "Open a workspace or a DuckDB database", {},
        "Workspaces and databases (*.pikaplot *.duckdb *.db);;Pika-Plot workspaces "
        "(*.pikaplot);;DuckDB databases (*.duckdb *.db);;All files (*)");
    // A workspace opens in a window; a database's tables join this canvas.
    if (!path.isEmpty()) importFiles({path}, view_->mapToScene(view_->viewport()->rect().center()));
  });
  open->setShortcut(QKeySequence::Open);
  QAction* save = file->addAction("&Save", this, &MainWindow::save);
  save->setShortcut(QKeySequence::Save);
  QAction* save_as = file->addAction("Save &as…", this, &MainWindow::saveAs);
  save_as->setShortcut(QKeySequence::SaveAs);
  file->addSeparator();
  QAction* import = file->addAction("&Import file…", this, [this] {
    const QStringList paths = QFileDialog::getOpenFileNames(
        this, "Import files", {},
        "Data files (*.csv *.tsv *.txt *.csv.gz *.csv.zst *.parquet *.duckdb);;All files (*)");
    importFiles(paths, view_->mapToScene(view_->viewport()->rect().center()));
  });
  import->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
  recent_ = file->addMenu("Open &recent");
  fillRecentMenu();
  file->addSeparator();
  QAction* export_plots = file->addAction("&Export plots…", this, &MainWindow::exportPlots);
  export_plots->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
  file->addSeparator();
  file->addAction("&Quit", QKeySequence::Quit, this, &QWidget::close);

  QAction* undo = document_->undoStack()->createUndoAction(this, "&Undo");
  undo->setShortcut(QKeySequence::Undo);
  QAction* redo = document_->undoStack()->createRedoAction(this, "&Redo");
  redo->setShortcuts({QKeySequence::Redo, QKeySequence(Qt::CTRL | Qt::Key_Y)});
  edit->addAction(undo);
  edit->addAction(redo);
  QAction* remove = edit->addAction("&Delete", scene_, &CanvasScene::deleteSelection);
  remove->setShortcut(QKeySequence::Delete);
  remove->setShortcutContext(Qt::WidgetShortcut);  // the canvas handles Del itself
  QAction* run = edit->addAction("&Run selected", this, [this] {
    for (canvas::NodeId id : scene_->selectedNodes()) runner_->rerun(id);
  });
  run->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));

  tools->addAction(open);
  tools->addAction(save);
  tools->addAction(import);
  tools->addSeparator();
  for (auto kind : {canvas::NodeKind::kTable, canvas::NodeKind::kRemote, canvas::NodeKind::kQuery,
                    canvas::NodeKind::kPlot, canvas::NodeKind::kNote}) {
    const QString name = QString::fromStdString(std::string(ToString(kind)));
    QAction* action = add->addAction(name, this, [this, kind] { addNode(kind); });
    action->setToolTip(QString("Add a %1 node").arg(name));
    tools->addAction(action);
  }
  tools->addSeparator();
  tools->addAction(undo);
  tools->addAction(redo);
  QAction* fit = view->addAction("&Fit to view", this, [this] { view_->fitAll(); });
  fit->setToolTip("Fit every node in view (F)");
  tools->addAction(fit);
  QAction* tidy = view->addAction("&Tidy layout", this, &MainWindow::tidyLayout);
  tidy->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
  tidy->setToolTip("Lay out every node in columns from the files to the plots (undoable)");
  dark_ = view->addAction("&Dark theme");
  dark_->setCheckable(true);
  connect(dark_, &QAction::toggled, this, &MainWindow::setDarkTheme);
  view->addAction("&Memory limit…", this, &MainWindow::askMemoryLimit);
  auto_reload_ = view->addAction("&Reload changed files automatically");
  auto_reload_->setCheckable(true);
  auto_reload_->setChecked(QSettings().value("sources/autoReload", false).toBool());
  connect(auto_reload_, &QAction::toggled, this, [this](bool on) {
    QSettings().setValue("sources/autoReload", on);
    if (on) reloadChangedSources();
  });
}

Status MainWindow::setMemoryLimitSetting(const QString& text) {
  const QString trimmed = text.trimmed();
  if (!trimmed.isEmpty()) {
    auto bytes = ParseByteSize(trimmed.toStdString());
    if (!bytes.ok()) return bytes.error();
    if (*bytes < (uint64_t{16} << 20))
      return InvalidInput(
          QString("%1 is too little: give the engine at least 16MB").arg(trimmed).toStdString());
  }
  QSettings().setValue(kMemoryLimitKey, trimmed);
  return {};
}

// The engine's limit is set when it opens: a new one applies to the windows opened next.
void MainWindow::askMemoryLimit() {
  const MemoryLimit& now = engine_->memoryLimit();
  if (now.source == "PIKA_MEMORY_LIMIT") {
    QMessageBox::information(this, "Memory limit",
                             QString("PIKA_MEMORY_LIMIT sets the limit (%1) for this run: unset "
                                     "it to choose one here.")
                                 .arg(Megabytes(now.bytes)));
    return;
  }
  bool ok = false;
  const QString text = QInputDialog::getText(
      this, "Memory limit",
      QString("How much memory the engine may use, such as 4GB or 512MiB (empty: 80% of this "
              "computer's). Bigger work spills to disk instead of failing.\n\nThis window "
              "uses %1; a new limit applies to the windows opened from now on.")
          .arg(Megabytes(now.bytes)),
      QLineEdit::Normal, QSettings().value(kMemoryLimitKey).toString(), &ok);
  if (!ok) return;
  const Status saved = setMemoryLimitSetting(text);
  if (!saved.ok())
    return (void)QMessageBox::warning(this, "Memory limit",
                                      QString::fromStdString(saved.error().message));
  statusBar()->showMessage("The memory limit applies to the windows opened from now on", 6000);
}

// A bar above the canvas offers to import changed files again; it never interrupts.
void MainWindow::buildReloadBar() {
  reload_bar_->setFrameShape(QFrame::StyledPanel);
  // Its own colours, readable in either theme.
  reload_bar_->setStyleSheet("QFrame { background: #fff4d6; } QLabel { color: #3b2f00; }");
  auto* reload = new QPushButton("Reload", reload_bar_);
  auto* always = new QPushButton("Always reload", reload_bar_);
  auto* dismiss = new QPushButton("Dismiss", reload_bar_);
  always->setToolTip("Reload changed files from now on without asking (View menu)");
  auto* row = new QHBoxLayout(reload_bar_);
  row->addWidget(reload_text_, 1);
  row->addWidget(reload);
  row->addWidget(always);
  row->addWidget(dismiss);
  reload_bar_->hide();
  connect(reload, &QPushButton::clicked, this, &MainWindow::reloadChangedSources);
  connect(always, &QPushButton::clicked, this, [this] { auto_reload_->setChecked(true); });
  connect(dismiss, &QPushButton::clicked, this, [this] {
    pending_reloads_.clear();
    reload_bar_->hide();
  });
}

void MainWindow::onSourceChanged(canvas::NodeId id) {
  if (auto_reload_->isChecked()) {
    statusBar()->showMessage(
        QString("%1 changed on disk: reloading")
            .arg(QString::fromStdString(document_->graph().Find(id)->source_path)),
        5000);
    return runner_->reload(id);
  }
  pending_reloads_.insert(id);
  QStringList files;
  for (canvas::NodeId pending : pending_reloads_) {
    if (const canvas::Node* node = document_->graph().Find(pending))
      files << QFileInfo(QString::fromStdString(node->source_path)).fileName();
  }
  reload_text_->setText(QString("%1 changed on disk. Reload to import it again; what it feeds "
                                "runs again.")
                            .arg(files.join(", ")));
  reload_bar_->show();
}

void MainWindow::reloadChangedSources() {
  for (canvas::NodeId id : pending_reloads_)
    if (document_->graph().Find(id) != nullptr) runner_->reload(id);
  pending_reloads_.clear();
  reload_bar_->hide();
}

void MainWindow::setAutoReload(bool on) { auto_reload_->setChecked(on); }

canvas::NodeId MainWindow::addNode(canvas::NodeKind kind, std::optional<QPointF> where) {
  canvas::Node node;
  node.kind = kind;
  const auto selected = scene_->selectedNodes();
  const canvas::Node* source =
      selected.size() == 1 ? document_->graph().Find(selected.front()) : nullptr;
  const bool wire = source != nullptr && canvas::HasOutput(source->kind) && canvas::HasInput(kind);
  if (wire && kind == canvas::NodeKind::kQuery)
    node.sql = "SELECT *\nFROM " + source->name + "\nLIMIT 1000";
  if (where) {
    node.position = {where->x(), where->y()};  // where the user asked for it
  } else {
    // Auto-layout: beside its input, or mid-view, clear of every node.
    const canvas::Size size = canvas::NodeSize(kind);
    const QPointF center = view_->mapToScene(view_->viewport()->rect().center()) -
                           QPointF(size.width / 2, size.height / 2);
    node.position = canvas::PlaceNewNode(
        document_->graph(), kind, wire ? std::vector{source->id} : std::vector<canvas::NodeId>{},
        {center.x(), center.y()});
    node.user_placed = false;
  }
  document_->undoStack()->beginMacro(
      QString("add %1").arg(QString::fromStdString(std::string(ToString(kind)))));
  const canvas::NodeId id = document_->addNode(node);
  if (wire && id != canvas::kNoNode) document_->connectNodes(source->id, id);
  document_->undoStack()->endMacro();
  scene_->clearSelection();
  if (NodeItem* item = scene_->item(id)) item->setSelected(true);
  return id;
}

void MainWindow::tidyLayout() {
  std::map<canvas::NodeId, canvas::Point> from;
  for (const auto& [id, node] : document_->graph().nodes()) from[id] = node.position;
  document_->undoStack()->beginMacro("tidy layout");
  document_->moveNodes(from, canvas::TidyLayout(document_->graph()));
  document_->undoStack()->endMacro();
  view_->fitAll();
}

canvas::Node MainWindow::TableNodeFor(const QString& path, QPointF where) {
  canvas::Node node;
  node.kind = canvas::NodeKind::kTable;
  node.name =
      canvas::SanitizeNodeName(QFileInfo(path).completeBaseName().section('.', 0, 0).toStdString());
  node.source_path = path.toStdString();
  node.position = {where.x(), where.y()};
  return node;
}

void MainWindow::importFiles(const QStringList& files, QPointF where) {
  // A workspace among them opens, as File > Open does; the rest become Table nodes.
  QStringList paths;
  for (const QString& path : files) {
    if (path.endsWith(".pikaplot", Qt::CaseInsensitive))
      openWorkspace(path, this);
    else
      paths << path;
  }
  if (paths.isEmpty()) return;
  document_->undoStack()->beginMacro(paths.size() == 1 ? "import file" : "import files");
  for (const QString& path : paths) {
    // A DuckDB database gives a node per table; a file it cannot list gives one node, which
    // then says what is wrong.
    auto tables = ListDuckDbTables(path.toStdString());
    if (tables.ok() && !tables->empty()) {
      for (const std::string& table : *tables) {
        canvas::Node node = TableNodeFor(path, where);
        node.name = canvas::SanitizeNodeName(table);
        node.import.database_table = table;
        document_->addNode(node);
        where += QPointF(30, 130);
      }
      addRecentFile(path);
      continue;
    }
    canvas::Node node = TableNodeFor(path, where);
    if (auto remembered = RememberedImport(path)) {
      node.import = *remembered;
    }
    const canvas::NodeId id = document_->addNode(node);
    if (!RememberedImport(path)) review_pending_.insert(id);
    addRecentFile(path);
    where += QPointF(30, 130);
  }
  document_->undoStack()->endMacro();
}

// The type dialog opens by itself once, when an import the user started was unsure.
void MainWindow::reviewIfUnsure(canvas::NodeId id) {
  if (!review_pending_.contains(id)) return;
  const NodeRun& run = runner_->run(id);
  if (run.state == RunState::kWaiting || run.state == RunState::kRunning) return;
  review_pending_.erase(id);
  if (run.state == RunState::kReady && NeedsReview(run.relation->column_reports))
    OpenImportSettings(this, *document_, *engine_, id, run.relation->column_reports);
}

void MainWindow::onActivated(canvas::NodeId id) {
  const canvas::Node* node = document_->graph().Find(id);
  if (node == nullptr) return;
  if (node->kind == canvas::NodeKind::kPlot) return openPlot(id);
  inspector_->showNode(id);
  inspector_->setFocus();
}

void MainWindow::openPlot(canvas::NodeId id) {
  auto* window = new PlotWindow(*document_, *runner_, *engine_, id, this);
  window->setAttribute(Qt::WA_DeleteOnClose);
  window->show();
}

void MainWindow::onMemory(const MemoryReading& reading) {
  const MemoryPressure pressure = PressureOf(reading);
  QString text = QString("memory %1 of %2 (engine %3)")
                     .arg(Megabytes(reading.process_bytes), Megabytes(reading.budget_bytes),
                          Megabytes(reading.engine_bytes));
  // Spilled data is on disk, not in RAM: said apart so that a big sort does not look like a leak.
  if (spill_bytes_ > 0) text += QString(", %1 spilled to disk").arg(Megabytes(spill_bytes_));
  memory_->setText(text);
  memory_->setStyleSheet(pressure == MemoryPressure::kCritical  ? "color: #d62728"
                         : pressure == MemoryPressure::kWarning ? "color: #f28e2b"
                                                                : "");
  if (pressure == pressure_) return;
  pressure_ = pressure;
  if (pressure == MemoryPressure::kWarning) {
    statusBar()->showMessage(
        "Memory is running short (80% of the budget): close plots or "
        "aggregate big queries");
  } else if (pressure == MemoryPressure::kCritical) {
    uint64_t released = runner_->releaseMemory();
    const size_t cached = engine_->cache().Stats().bytes;
    engine_->cache().ShrinkTo(0);  // answers are computed again when asked
    released += cached;
    statusBar()->showMessage(QString("Memory is almost gone (95%): gave back %1 of plot data and "
                                     "cached answers (they are computed again when needed)")
                                 .arg(Megabytes(released)));
  }
}

void MainWindow::updateStatus() {
  const size_t jobs = engine_->pendingJobs();
  jobs_->setText(jobs == 0   ? QString("idle")
                 : jobs == 1 ? QString("1 job running")
                             : QString("%1 jobs running").arg(jobs));
  onMemory({ProcessResidentBytes(), engine_bytes_, engine_->memoryLimit().bytes});
  if (engine_poll_.isValid() && engine_poll_.elapsed() < 2000) return;
  engine_poll_.start();
  // DuckDB's own share, every two seconds, off the UI thread.
  engine_->run<EngineUsage>(
      this, kMemoryKey,
      [](Connection& connection, const CancelToken&, const ProgressFn&) {
        return ReadEngineUsage(connection);
      },
      [this](Result<EngineUsage> usage) {
        if (!usage.ok()) return;
        engine_bytes_ = usage->memory_bytes;
        spill_bytes_ = usage->spilled_bytes;
      });
}

}  // namespace pika::ui
