// GraphRunner: keeps every node's result current. An edit marks the node and everything
// downstream stale, cancels their running jobs, and after a short pause runs them, each once
// its inputs are ready, on the engine's threads.
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <map>
#include <set>

#include "ui/engine_session.h"
#include "ui/graph_document.h"
#include "ui/node_run.h"

namespace pika::ui {

class GraphRunner : public QObject {
  Q_OBJECT

 public:
  GraphRunner(GraphDocument& document, EngineSession& engine, QObject* parent = nullptr);

  const NodeRun& run(NodeId id) const;
  // Runs a node again now (Ctrl+Enter), with everything downstream.
  void rerun(NodeId id);
  void cancel(NodeId id);
  // The size (logical pixels) Plot nodes lay their scenes out at.
  void setPlotSize(double width, double height);
  // Light or dark plots; plots are drawn again in it.
  void setPlotTheme(ThemeKind theme);
  ThemeKind plotTheme() const { return plot_theme_; }
  // Progress in [0, 1] of a running node, or -1 when unknown.
  double progress(NodeId id) const { return engine_.progress(id); }
  bool busy() const;
  // Table nodes whose data is already in their tables (restored from a workspace file): they
  // are named, not imported again, until their settings change.
  void adoptRestored(const std::set<NodeId>& tables) { restored_ = tables; }
  // Imports a Table node's file again (it changed on disk), and runs what it feeds.
  void reload(NodeId id) {
    restored_.erase(id);
    rerun(id);
  }
  // Table nodes whose imported data is current: what a save writes into the file.
  std::set<NodeId> tablesWithData() const;
  // The same, each with a number that changes whenever its data is imported again.
  std::map<NodeId, uint64_t> tableDataVersions() const;
  // Memory ran short: drops what can be fetched again (plot nodes' data; their thumbnails
  // stay). Returns the bytes given back.
  uint64_t releaseMemory();
  // How long edits wait before running, so typing does not start a job per key.
  static constexpr int kDebounceMs = 250;

 Q_SIGNALS:
  void runChanged(pika::ui::NodeId id);
  void idle();  // nothing waiting or running

 private:
  void markStale(NodeId id);
  void markStaleKeeping(NodeId id, std::shared_ptr<const PlotResult> drawn);
  void startReady();
  void start(NodeId id);
  void startTable(const canvas::Node& node, uint64_t generation);
  void startQuery(const canvas::Node& node, uint64_t generation);
  void startPlot(const canvas::Node& node, uint64_t generation);
  void startRemote(const canvas::Node& node, Result<std::optional<RemoteOrigin>> origin,
                   uint64_t generation);
  void startRemotePlot(const canvas::Node& node, const canvas::Node& input, RemoteOrigin origin,
                       uint64_t generation);
  PlotSpec plotSpecFor(const canvas::Node& node, const PlotDataRequest& request) const;
  void refreshRemotes(NodeId id);
  void showCoarse(NodeId id, uint64_t generation, std::shared_ptr<const CoarsePlot> coarse);
  std::shared_ptr<const PlotResult> redrawNeedless(NodeId id) const;
  void finish(NodeId id, uint64_t generation, NodeRun run);
  void setRun(NodeId id, NodeRun run);
  void onRemoved(NodeId id, const QString& name);
  void onRenamed(NodeId id, const QString& from, const QString& to);

  GraphDocument& document_;
  EngineSession& engine_;
  std::map<NodeId, NodeRun> runs_;
  std::map<NodeId, QElapsedTimer> started_;
  std::set<NodeId> restored_;
  std::set<NodeId> confirmed_;  // run on request: no pre-flight hold-back for their next run
  // What each plot was last drawn with, and the drawings its next run reuses (its brush alone
  // changed since).
  struct DrawnWith {
    canvas::PlotNodeSpec spec;
    double width = 0, height = 0;
    ThemeKind theme = ThemeKind::kLight;
  };
  std::map<NodeId, DrawnWith> drawn_with_;
  std::map<NodeId, std::shared_ptr<const PlotResult>> keep_drawing_;
  QTimer debounce_;
  uint64_t next_generation_ = 1;
  double plot_width_ = 480, plot_height_ = 300;
  ThemeKind plot_theme_ = ThemeKind::kLight;
};

}  // namespace pika::ui
