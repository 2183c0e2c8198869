// MainWindow: the canvas in the middle, the inspector beside it, actions in a toolbar and
// menus, running jobs and memory in the status bar.
#pragma once

#include <QElapsedTimer>
#include <QMainWindow>
#include <QTimer>
#include <functional>
#include <memory>
#include <optional>
#include <set>

#include "canvas/node.h"
#include "compute/memory_budget.h"
#include "ui/engine_session.h"
#include "ui/export_dialog.h"
#include "ui/workspace_trust.h"
#include "workspace/recovery_store.h"
#include "workspace/workspace_file.h"

class QFrame;
class QLabel;
class QMenu;

namespace pika::ui {

class CanvasScene;
class CanvasView;
class EngineSession;
class GraphDocument;
class GraphRunner;
class Inspector;
class SourceWatcher;

class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  explicit MainWindow(std::unique_ptr<EngineSession> engine, QWidget* parent = nullptr);
  ~MainWindow() override;

  GraphDocument& document() { return *document_; }
  GraphRunner& runner() { return *runner_; }
  CanvasScene& scene() { return *scene_; }
  CanvasView& view() { return *view_; }
  Inspector& inspector() { return *inspector_; }
  EngineSession& engine() { return *engine_; }

  // Adds a node of `kind` near the middle of the view; a Query or Plot added while a Table or
  // Query is selected is wired to it.
  canvas::NodeId addNode(canvas::NodeKind kind, std::optional<QPointF> at = std::nullopt);
  // One Table node per data file (per table of a DuckDB database), placed from `where` down;
  // a workspace among them opens in its own window.
  void importFiles(const QStringList& files, QPointF where);
  // Lays out the whole graph (canvas::TidyLayout) as one undo step, and fits it in view.
  void tidyLayout();
  void openPlot(canvas::NodeId id);
  // Opens the export dialog (not modal) on the selected, visible and all plots.
  ExportDialog* exportPlots();
  ExportScopes exportScopes() const;
  // Table nodes whose file changed on disk and wait for the user to reload them.
  const std::set<canvas::NodeId>& pendingReloads() const { return pending_reloads_; }
  void reloadChangedSources();
  void setAutoReload(bool on);
  // The menu a right-click opens (on a node, a wire, or the canvas): the caller shows it.
  QMenu* contextMenu(canvas::NodeId node, canvas::NodeId from, canvas::NodeId to, QPointF at);
  void setDarkTheme(bool dark);
  bool darkTheme() const;

  // Workspace files. Saving runs on the engine's threads; `done` (optional) hears the result.
  void saveTo(const QString& path, std::function<void(Status)> done = {});
  // Opens `path` in a new window (the current one closes if it is empty and unchanged);
  // `done` hears the new window, or the error with nothing changed.
  // A file not trusted here asks first, when it reaches outside its own data (`choice`, in
  // tests, answers instead), and opens restricted unless trusted (see workspace_trust.h).
  static void openWorkspace(const QString& path, QWidget* parent,
                            std::function<void(Result<MainWindow*>)> done = {},
                            std::optional<TrustChoice> choice = {});
  void adoptWorkspace(WorkspaceContent content, const QString& path);

  // Autosave: about a second after the last edit, and at least every 30 s while editing, the
  // work goes to this session's recovery folder (never over the user's file).
  static QString RecoveryRoot();  // PIKA_RECOVERY_DIR, or the app's data folder
  void autosaveNow(std::function<void(Status)> done = {});
  // Offers work that crashed sessions left behind (a dialog per session, newest first).
  void offerRecovery();
  // What the status bar shows about memory, and what happens at 80% and 95% of the budget.
  void onMemory(const MemoryReading& reading);
  // View ▸ Memory limit…: the engine's limit in the settings (DuckDB's syntax; empty: 80%
  // of memory), for the windows opened next. A wrong value is refused with why.
  Status setMemoryLimitSetting(const QString& text);
  // Opens a crashed session's work in a new window, unsaved; `done` hears the window.
  static void restoreRecovery(const RecoveryEntry& entry, QWidget* parent,
                              std::function<void(Result<MainWindow*>)> done = {});
  const QString& workspacePath() const { return path_; }

 protected:
  void closeEvent(QCloseEvent* event) override;

 private:
  // A Table node for `path`, named after the file, placed at `where`.
  static canvas::Node TableNodeFor(const QString& path, QPointF where);
  void buildActions();
  // Loads a workspace into a new engine (trusted or restricted) off the UI thread, then shows
  // it in a new window (`opened` finishes it); a failure is shown under `failure_title` and
  // changes nothing. `load` restores into the new engine, its tables going to tables_dir.
  using LoadFn = std::function<Result<WorkspaceContent>(Connection&, const std::string& tables_dir,
                                                        const CancelToken&, const ProgressFn&)>;
  static void OpenInNewWindow(const std::string& workspace_id, EngineSession::Access access,
                              LoadFn load, const QString& failure_title, const QString& path,
                              QWidget* parent, std::function<void(MainWindow&)> opened,
                              std::function<void(Result<MainWindow*>)> done);
  void save();
  void saveAs();
  void buildRestrictedBadge();
  std::set<canvas::NodeId> embeddedTables() const;
  void askMemoryLimit();
  void trustAndReopen();
  void updateTitle();
  void scheduleAutosave();
  void addRecentFile(const QString& path);
  void fillRecentMenu();
  void updateStatus();
  void onActivated(canvas::NodeId id);
  void reviewIfUnsure(canvas::NodeId id);

  std::unique_ptr<EngineSession> engine_;
  GraphDocument* document_;
  GraphRunner* runner_;
  CanvasScene* scene_;
  CanvasView* view_;
  Inspector* inspector_;
  QLabel* jobs_;
  QLabel* memory_;
  QTimer status_timer_;
  QString path_;  // the workspace file, once saved or opened
  SourceWatcher* sources_;
  QFrame* reload_bar_;
  QLabel* reload_text_;
  std::set<canvas::NodeId> pending_reloads_;
  void onSourceChanged(canvas::NodeId id);
  void buildReloadBar();
  QString session_;        // names this window's recovery folder
  QTimer autosave_;        // restarts on every edit
  QTimer autosave_limit_;  // runs from the first unsaved edit: at most 30 s between autosaves
  bool discard_recovery_ = false;
  std::optional<FolderLock>
      recovery_lock_;  // this window's recovery folder, once it has one  // closed on purpose:
                       // remove the folder once the engine stops
  QMenu* recent_ = nullptr;
  QAction* dark_ = nullptr;
  QAction* auto_reload_ = nullptr;
  MemoryPressure pressure_ = MemoryPressure::kNormal;
  uint64_t engine_bytes_ = 0;
  uint64_t spill_bytes_ = 0;
  QElapsedTimer engine_poll_;                // DuckDB's memory is asked for every two seconds
  std::set<canvas::NodeId> review_pending_;  // imported by the user: check types once ready
};

}  // namespace pika::ui
