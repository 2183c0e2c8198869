#include "ui/graph_runner.h"

#include <fmt/format.h>

#include <QPointer>

#include "compute/bring_local.h"
#include "compute/cached_query_runner.h"
#include "compute/coarse_plot.h"
#include "compute/plot_sql.h"
#include "compute/remote_table.h"
#include "compute/source/duckdb_engine.h"
#include "render/text_metrics.h"
#include "storage/sql_quote.h"
#include "ui/remote_plot_job.h"
#include "workspace/plot_node.h"
#include "workspace/table_node.h"

namespace pika::ui {

namespace {

// The rows a Remote Table node shows of its table.
constexpr uint32_t kRemotePreviewRows = 100;
// Keys of jobs that are not a node's run: they never cancel one.
constexpr uint64_t kHousekeepingKey = uint64_t{1} << 50;
// The first level of a big scatter or line plot, counted in the engine (on every core) before
// its rows are fetched (on one). None for small or computed inputs, and none when it fails:
// the exact plot reports its own errors.
std::shared_ptr<const CoarsePlot> CoarsePlotOf(Connection& connection,
                                               const PlotDataRequest& request,
                                               const PlotSpec& spec) {
  if (request.kind != "scatter" && request.kind != "line") return nullptr;
  if (request.x_log || request.y_log) return nullptr;  // its cells are linear
  auto counts = FetchCoarseCounts(connection, request, CoarseShapeFor(spec.width, spec.height));
  if (!counts.ok() || !*counts) return nullptr;
  auto scene = BuildCoarseScene(spec, **counts, TickLabelWidth());
  if (!scene.ok()) return nullptr;
  return std::make_shared<const CoarsePlot>(
      CoarsePlot{std::move(**counts), spec, std::move(*scene)});
}

QString Text(const std::string& text) { return QString::fromStdString(text); }

NodeRun Idle(QString why) {
  NodeRun run;
  run.state = RunState::kIdle;
  run.message = std::move(why);
  return run;
}

// Why a node cannot run yet whatever its inputs do, or an empty string.
QString MissingSettings(const canvas::Graph& graph, const canvas::Node& node, bool restored) {
  switch (node.kind) {
    case canvas::NodeKind::kTable:
      return node.source_path.empty() && !restored ? "choose a CSV or Parquet file to import"
                                                   : QString();
    case canvas::NodeKind::kQuery:
      return QString::fromStdString(node.sql).trimmed().isEmpty()
                 ? "write a SELECT over the nodes that feed this one"
                 : QString();
    case canvas::NodeKind::kPlot:
      if (graph.Inputs(node.id).empty())
        return "connect a Table, Remote Table or Query node to plot";
      // A box plot without x is one box of all of y.
      return node.plot.x.empty() && node.plot.kind != "box" ? "choose a column for the x axis"
                                                            : QString();
    case canvas::NodeKind::kNote: return "notes do not run";
    case canvas::NodeKind::kRemote:
      return QString::fromStdString(node.remote_url).trimmed().isEmpty()
                 ? "enter the table's clickhouse:// or postgres:// URL"
                 : QString();
  }
  return {};
}

// On a server (a URL that does not parse counts: it names one).
bool OnAServer(const Result<std::optional<RemoteOrigin>>& origin) {
  return !origin.ok() || origin->has_value();
}

// Why `node` cannot take `input`'s rows, or an empty string. A remote table's rows stay on
// its server: plots are reduced there, queries over tables of one server run there, and
// nothing reads them here yet.
QString RefusedInput(const canvas::Graph& graph, const canvas::Node& node,
                     const canvas::Node& input, const NodeRun& upstream) {
  const QString name = Text(input.name);
  if (node.kind == canvas::NodeKind::kQuery && OnAServer(RemoteOriginOf(graph, input.id)) &&
      !OnAServer(RemoteRunOf(graph, node.id)))
    return QString(
               "'%1' lives on a remote server, and this query also reads local nodes or another "
               "server: a query runs either here or on one server. Tick \"keep a local copy\" "
               "on '%1', or query the remote tables in a node of their own and keep a local copy "
               "of its result")
        .arg(name);
  if (upstream.state == RunState::kReady && !upstream.relation)
    return QString("'%1' passes no rows on").arg(name);
  return {};
}

// The run a job's answer makes: ready with the result in `field`, or the error.
template <typename T>
NodeRun Finished(Result<T> result, std::shared_ptr<const T> NodeRun::*field) {
  NodeRun done;
  if (result.ok()) {
    done.state = RunState::kReady;
    done.*field = std::make_shared<const T>(std::move(*result));
  } else {
    done.state = RunState::kError;
    done.message = Text(result.error().message);
    done.cancelled = result.error().kind == ErrorKind::kCancelled;
  }
  return done;
}

// What a Remote Table node offers the nodes it feeds: its columns, and its rows as estimated.
NodeRelation RelationOf(const RemoteTable& table) {
  NodeRelation relation;
  for (const EngineColumn& column : table.columns)
    relation.columns.push_back({column.name, column.type, column.engine_type});
  relation.rows = table.rows.rows;
  return relation;
}

// A remote node's answer: its table as the server describes it, and what the nodes it feeds
// see (its local copy, when it keeps one).
struct RemoteRun {
  RemoteTable table;
  NodeRelation relation;
};

// A Plot's answer: what it passes on, and what it draws.
struct PlotRun {
  NodeRelation output;
  std::shared_ptr<const PlotResult> plot;
};

// A plot's run as the node shows it: its drawing and what it passes on, or why it failed.
NodeRun PlotRunDone(Result<PlotRun> result) {
  if (!result.ok()) return Finished(Result<PlotResult>(result.error()), &NodeRun::plot);
  NodeRun done;
  done.state = RunState::kReady;
  done.relation = std::make_shared<const NodeRelation>(std::move(result->output));
  done.plot = std::move(result->plot);
  return done;
}

}  // namespace

GraphRunner::GraphRunner(GraphDocument& document, EngineSession& engine, QObject* parent)
    : QObject(parent), document_(document), engine_(engine) {
  debounce_.setSingleShot(true);
  debounce_.setInterval(kDebounceMs);
  connect(&debounce_, &QTimer::timeout, this, &GraphRunner::startReady);
  connect(&document, &GraphDocument::nodeAdded, this, &GraphRunner::markStale);
  connect(&document, &GraphDocument::nodeChanged, this, [this](NodeId id) {
    restored_.erase(id);  // new settings: import the source again
    markStaleKeeping(id, redrawNeedless(id));
  });
  connect(&document, &GraphDocument::edgeAdded, this, [this](NodeId, NodeId to) { markStale(to); });
  connect(&document, &GraphDocument::edgeRemoved, this, [this](NodeId, NodeId to) {
    if (document_.graph().Find(to) != nullptr) markStale(to);
  });
  connect(&document, &GraphDocument::nodeRemoved, this, &GraphRunner::onRemoved);
  connect(&document, &GraphDocument::nodeRenamed, this, &GraphRunner::onRenamed);
}

const NodeRun& GraphRunner::run(NodeId id) const {
  static const NodeRun kNone;
  const auto found = runs_.find(id);
  return found == runs_.end() ? kNone : found->second;
}

void GraphRunner::rerun(NodeId id) {
  confirmed_.insert(id);  // asked for: runs even when its estimate would hold it back
  refreshRemotes(id);
  markStale(id);
  debounce_.stop();
  startReady();
}

void GraphRunner::cancel(NodeId id) { engine_.cancel(id); }

// Run on request: the servers the node's rows come from are asked again, not answered from
// the cache.
void GraphRunner::refreshRemotes(NodeId id) {
  const canvas::Graph& graph = document_.graph();
  if (auto origin = RemoteRunOf(graph, id); origin.ok() && *origin)
    engine_.remote().Refresh((*origin)->source);
  for (NodeId input : graph.Inputs(id)) refreshRemotes(input);
}

// A plot whose brush alone changed draws the same picture: what it passes on is all that
// runs again, and its rows are not fetched twice.
std::shared_ptr<const PlotResult> GraphRunner::redrawNeedless(NodeId id) const {
  const canvas::Node* node = document_.graph().Find(id);
  const auto drawn = drawn_with_.find(id);
  const NodeRun& current = run(id);
  if (node == nullptr || node->kind != canvas::NodeKind::kPlot || drawn == drawn_with_.end() ||
      current.state != RunState::kReady || !current.plot || current.plot->data_released)
    return nullptr;
  canvas::PlotNodeSpec now = node->plot;
  now.brush = drawn->second.spec.brush;
  const bool same = now == drawn->second.spec && drawn->second.width == plot_width_ &&
                    drawn->second.height == plot_height_ && drawn->second.theme == plot_theme_;
  return same ? current.plot : nullptr;
}

void GraphRunner::setPlotSize(double width, double height) {
  plot_width_ = width;
  plot_height_ = height;
}

void GraphRunner::setPlotTheme(ThemeKind theme) {
  if (theme == plot_theme_) return;
  plot_theme_ = theme;
  for (const auto& [id, node] : document_.graph().nodes()) {
    if (node.kind == canvas::NodeKind::kPlot) markStale(id);
  }
}

std::set<NodeId> GraphRunner::tablesWithData() const {
  std::set<NodeId> tables;
  for (const auto& [id, node] : document_.graph().nodes()) {
    if (node.kind == canvas::NodeKind::kTable && run(id).state == RunState::kReady)
      tables.insert(id);
  }
  return tables;
}

std::map<NodeId, uint64_t> GraphRunner::tableDataVersions() const {
  std::map<NodeId, uint64_t> versions;
  for (NodeId id : tablesWithData()) versions[id] = run(id).generation;
  return versions;
}

uint64_t GraphRunner::releaseMemory() {
  uint64_t released = 0;
  for (auto& [id, current] : runs_) {
    // A plot reduced on a server or in DuckDB holds no rows here: nothing to give back.
    if (!current.plot || current.plot->data_released || current.plot->reduced_in_engine()) continue;
    const PlotData& data = current.plot->data;
    released += (data.x.size() + data.y.size()) * sizeof(double);
    auto light = std::make_shared<PlotResult>();
    light->request = current.plot->request;
    light->scene = current.plot->scene;
    light->data_released = true;
    current.plot = std::move(light);  // open plot windows keep their own copy
  }
  return released;
}

bool GraphRunner::busy() const {
  for (const auto& [id, run] : runs_) {
    if (run.state == RunState::kWaiting || run.state == RunState::kRunning) return true;
  }
  return false;
}

void GraphRunner::markStale(NodeId id) { markStaleKeeping(id, nullptr); }

// `drawn`: the plot `id` keeps showing and reuses (a new brush alone), or nothing.
void GraphRunner::markStaleKeeping(NodeId id, std::shared_ptr<const PlotResult> drawn) {
  std::vector<NodeId> stale{id};
  const std::vector<NodeId> downstream = document_.graph().Downstream(id);
  stale.insert(stale.end(), downstream.begin(), downstream.end());
  for (NodeId node : stale) {
    keep_drawing_.erase(node);  // its input or settings changed: drawn again
    if (run(node).state == RunState::kRunning) cancel(node);
    NodeRun waiting;
    waiting.state = RunState::kWaiting;
    waiting.generation = next_generation_++;  // answers of older runs are ignored
    if (node == id && drawn) {
      waiting.plot = drawn;  // still on show while what it passes on runs again
      keep_drawing_[id] = drawn;
    }
    setRun(node, std::move(waiting));
  }
  debounce_.start();
}

void GraphRunner::startReady() {
  const canvas::Graph& graph = document_.graph();
  bool changed = true;
  while (changed) {  // a node that fails or idles settles its waiting dependents in turn
    changed = false;
    for (auto& [id, current] : runs_) {
      if (current.state != RunState::kWaiting) continue;
      const canvas::Node* node = graph.Find(id);
      if (node == nullptr) continue;
      if (QString missing = MissingSettings(graph, *node, restored_.contains(id));
          !missing.isEmpty()) {
        setRun(id, Idle(missing));
        changed = true;
        continue;
      }
      bool inputs_ready = true;
      for (NodeId input : graph.Inputs(id)) {
        const NodeRun& upstream = run(input);
        const QString name = Text(graph.Find(input)->name);
        if (upstream.state == RunState::kError || upstream.state == RunState::kIdle) {
          NodeRun blocked = upstream.state == RunState::kError
                                ? NodeRun{RunState::kError, QString("input '%1' failed").arg(name)}
                                : Idle(QString("input '%1' has no data yet").arg(name));
          setRun(id, std::move(blocked));
          changed = true;
          inputs_ready = false;
          break;
        }
        if (QString refused = RefusedInput(graph, *node, *graph.Find(input), upstream);
            !refused.isEmpty()) {
          setRun(id, NodeRun{RunState::kError, refused});
          changed = true;
          inputs_ready = false;
          break;
        }
        inputs_ready = inputs_ready && upstream.state == RunState::kReady;
      }
      if (inputs_ready && runs_[id].state == RunState::kWaiting) {
        start(id);
        changed = true;
      }
    }
  }
  if (!busy()) Q_EMIT idle();
}

void GraphRunner::start(NodeId id) {
  const canvas::Node& node = *document_.graph().Find(id);
  NodeRun running;
  running.state = RunState::kRunning;
  running.generation = runs_[id].generation;
  if (const auto kept = keep_drawing_.find(id); kept != keep_drawing_.end())
    running.plot = kept->second;  // a new brush alone: the drawing stays on show
  setRun(id, running);
  started_[id].start();
  switch (node.kind) {
    case canvas::NodeKind::kTable: return startTable(node, running.generation);
    case canvas::NodeKind::kQuery: return startQuery(node, running.generation);
    case canvas::NodeKind::kPlot: return startPlot(node, running.generation);
    case canvas::NodeKind::kNote: return;
    case canvas::NodeKind::kRemote:
      return startRemote(node, RemoteRunOf(document_.graph(), id), running.generation);
  }
}

void GraphRunner::startTable(const canvas::Node& node, uint64_t generation) {
  const NodeId id = node.id;
  engine_.run<NodeRelation>(
      this, id,
      [node, restored = restored_.contains(id), &versions = engine_.versions()](
          Connection& connection, const CancelToken& cancel, const ProgressFn& progress) {
        auto relation = RunTableNode(connection, node, restored, cancel, progress);
        versions.Bump(node.name);  // cached answers over the old rows no longer match
        return relation;
      },
      [this, id, generation](Result<NodeRelation> result) {
        finish(id, generation, Finished(std::move(result), &NodeRun::relation));
      });
}

void GraphRunner::startQuery(const canvas::Node& node, uint64_t generation) {
  const NodeId id = node.id;
  auto origin = RemoteRunOf(document_.graph(), id);
  if (!origin.ok() || *origin) return startRemote(node, std::move(origin), generation);
  const bool check_cost = confirmed_.erase(id) == 0;
  engine_.run<NodeRelation>(
      this, id,
      [name = node.name, sql = node.sql, check_cost, &engine = engine_](
          Connection& connection, const CancelToken& cancel, const ProgressFn&) {
        CachedQueryRunner cached(connection, engine.cache(), engine.versions());
        return RunQueryNode(connection, name, sql, cancel, &cached, check_cost);
      },
      [this, id, generation, sql = node.sql](Result<NodeRelation> result) {
        if (!result.ok() && result.error().kind == ErrorKind::kHeldBack) {
          NodeRun held = Idle(Text(result.error().message));
          held.held_back = true;
          return finish(id, generation, std::move(held));
        }
        NodeRun done = Finished(std::move(result), &NodeRun::relation);
        if (done.state == RunState::kError)
          done.error_position = FindSqlErrorPosition(done.message.toStdString(), sql);
        finish(id, generation, std::move(done));
      });
}

// A Remote Table, or a Query that runs on its inputs' server: described from there, and its
// rows brought into the local engine when the node keeps a local copy.
void GraphRunner::startRemote(const canvas::Node& node, Result<std::optional<RemoteOrigin>> origin,
                              uint64_t generation) {
  const NodeId id = node.id;
  engine_.run<RemoteRun>(
      this, id,
      [origin = std::move(origin), id, name = node.name, keep_local = node.keep_local,
       local_rows = node.local_rows,
       &engine = engine_](Connection& connection, const CancelToken& cancel,
                          const ProgressFn& progress) -> Result<RemoteRun> {
        if (!origin.ok()) return origin.error();
        const RemoteSource& source = (*origin)->source;
        auto client = engine.remote().Open(source, (*origin)->max_age_s);
        client->SetProgress(progress);
        auto table = DescribeRemoteTable(*client, kRemotePreviewRows, cancel);
        if (!table.ok()) return table.error();
        if (!keep_local) {
          NodeRelation relation = RelationOf(*table);
          return RemoteRun{std::move(*table), std::move(relation)};
        }
        auto fresh = engine.remote().Connect(source);
        if (!fresh.ok()) return fresh.error();
        auto local = BringRemoteNode(**fresh, connection, id, name, local_rows, cancel);
        engine.versions().Bump(name);  // cached answers over the old copy no longer match
        if (!local.ok()) return local.error();
        return RemoteRun{std::move(*table), std::move(*local)};
      },
      [this, id, generation](Result<RemoteRun> result) {
        NodeRun done;
        if (result.ok()) {
          done.state = RunState::kReady;
          done.remote = std::make_shared<const RemoteTable>(std::move(result->table));
          done.relation = std::make_shared<const NodeRelation>(std::move(result->relation));
        } else {
          done = Finished(Result<RemoteTable>(result.error()), &NodeRun::remote);
        }
        finish(id, generation, std::move(done));
      });
}

PlotSpec GraphRunner::plotSpecFor(const canvas::Node& node, const PlotDataRequest& request) const {
  PlotSpec spec = PlotSpecOf(node, request);
  spec.width = plot_width_;
  spec.height = plot_height_;
  spec.theme = plot_theme_;
  return spec;
}

// The plot of a remote table: reduced on its server. The rows it passes on (those inside its
// brush) stay there too: what it feeds reads them on the server (RemoteOriginOf), and its run
// says their columns and, when brushed, their count.
void GraphRunner::startRemotePlot(const canvas::Node& node, const canvas::Node& input,
                                  RemoteOrigin origin, uint64_t generation) {
  const NodeId id = node.id;
  const PlotDataRequest request = PlotRequestOf(node, input);
  const PlotSpec spec = plotSpecFor(node, request);
  drawn_with_[id] = {node.plot, spec.width, spec.height, spec.theme};
  keep_drawing_.erase(id);
  NodeRelation passed;
  if (const auto& columns = runs_[input.id].relation) passed = *columns;
  std::optional<RemoteOrigin> output;
  if (!node.plot.brush.empty()) {
    if (auto brushed = RemoteOriginOf(document_.graph(), id); brushed.ok()) output = *brushed;
  }
  engine_.run<PlotRun>(
      this, id,
      [origin = std::move(origin), request, spec, passed = std::move(passed),
       output = std::move(output), &remote = engine_.remote()](
          Connection&, const CancelToken& cancel, const ProgressFn& progress) -> Result<PlotRun> {
        auto plot = RunRemotePlot(remote, origin, request, spec, cancel, progress);
        if (!plot.ok()) return plot.error();
        PlotRun run{passed, std::make_shared<const PlotResult>(std::move(*plot))};
        if (output) {
          auto counted = CountRemoteRows(remote, *output, cancel);
          if (!counted.ok())
            return Error{counted.error().kind,
                         "the brush is not a valid condition: " + counted.error().message};
          run.output.rows = *counted;
        }
        return run;
      },
      [this, id, generation](Result<PlotRun> result) {
        finish(id, generation, PlotRunDone(std::move(result)));
      });
}

void GraphRunner::startPlot(const canvas::Node& node, uint64_t generation) {
  const NodeId id = node.id;
  const canvas::Node& input = *document_.graph().Find(document_.graph().Inputs(id).front());
  if (auto origin = RemoteOriginOf(document_.graph(), input.id); !origin.ok()) {
    return finish(id, generation, NodeRun{RunState::kError, Text(origin.error().message)});
  } else if (*origin) {
    return startRemotePlot(node, input, std::move(**origin), generation);
  }
  const PlotDataRequest request = PlotRequestOf(node, input);
  const PlotSpec spec = plotSpecFor(node, request);
  // Posted to the engine session, like the job's answer and before it: both arrive in order.
  auto show_coarse = [guard = QPointer<GraphRunner>(this), &engine = engine_, id,
                      generation](std::shared_ptr<const CoarsePlot> coarse) {
    QMetaObject::invokeMethod(
        &engine,
        [guard, id, generation, coarse] {
          if (guard) guard->showCoarse(id, generation, coarse);
        },
        Qt::QueuedConnection);
  };
  drawn_with_[id] = {node.plot, spec.width, spec.height, spec.theme};
  std::shared_ptr<const PlotResult> kept;
  if (auto found = keep_drawing_.extract(id)) kept = std::move(found.mapped());
  // The plot passes its input's rows inside the brush on, under its own name.
  const std::string output = PlotOutputSql(request.relation, node.plot.brush);
  engine_.run<PlotRun>(
      this, id,
      [request, spec, output, name = node.name, brushed = !node.plot.brush.empty(), show_coarse,
       kept, &engine = engine_](Connection& connection, const CancelToken& cancel,
                                const ProgressFn&) -> Result<PlotRun> {
        CachedQueryRunner cached(connection, engine.cache(), engine.versions());
        auto passed = RunQueryNode(connection, name, output, cancel, &cached);
        if (!passed.ok() && brushed && passed.error().kind != ErrorKind::kCancelled) {
          return Error{passed.error().kind,
                       "the brush is not a valid condition: " + passed.error().message};
        }
        if (!passed.ok()) return passed.error();
        if (kept) return PlotRun{std::move(*passed), kept};
        if (auto coarse = CoarsePlotOf(connection, request, spec)) show_coarse(std::move(coarse));
        if (cancel.cancelled()) return Cancelled();
        DuckDbEngine rows(connection, request.relation, name);
        auto drawn = RunPlot(rows, request, spec, PlotUse::kInteractive, TickLabelWidth(), cancel);
        if (!drawn.ok()) return drawn.error();
        return PlotRun{std::move(*passed), std::make_shared<const PlotResult>(
                                               PlotResultOf(request, std::move(*drawn)))};
      },
      [this, id, generation](Result<PlotRun> result) {
        finish(id, generation, PlotRunDone(std::move(result)));
      });
}

void GraphRunner::showCoarse(NodeId id, uint64_t generation,
                             std::shared_ptr<const CoarsePlot> coarse) {
  const auto found = runs_.find(id);
  if (found == runs_.end() || found->second.generation != generation ||
      found->second.state != RunState::kRunning)
    return;
  found->second.coarse = std::move(coarse);
  Q_EMIT runChanged(id);
}

void GraphRunner::finish(NodeId id, uint64_t generation, NodeRun run) {
  const auto found = runs_.find(id);
  if (found == runs_.end() || found->second.generation != generation) return;  // superseded
  run.generation = generation;
  run.seconds = static_cast<double>(started_[id].elapsed()) / 1000.0;
  if (run.state == RunState::kError && run.cancelled) {
    run = Idle("cancelled: run it again with Ctrl+Enter");
    run.generation = generation;
  }
  setRun(id, std::move(run));
  startReady();
}

void GraphRunner::setRun(NodeId id, NodeRun run) {
  runs_[id] = std::move(run);
  Q_EMIT runChanged(id);
}

void GraphRunner::onRemoved(NodeId id, const QString& name) {
  cancel(id);
  runs_.erase(id);
  drawn_with_.erase(id);
  keep_drawing_.erase(id);
  if (name.isEmpty()) return;
  // On the node's key: an undo that brings the node back cancels the drop.
  engine_.run<bool>(
      this, id,
      [name = name.toStdString(), &versions = engine_.versions()](
          Connection& connection, const CancelToken& cancel, const ProgressFn&) -> Result<bool> {
        if (cancel.cancelled()) return Cancelled();
        versions.Bump(name);
        PIKA_TRY(DropNodeRelation(connection, name));
        return true;
      },
      [](Result<bool>) {});
}

void GraphRunner::onRenamed(NodeId id, const QString& from, const QString& to) {
  const canvas::Node* node = document_.graph().Find(id);
  if (node == nullptr) return;
  // A ready result keeps its rows under the new name; a re-import would cost seconds.
  if (run(id).state != RunState::kReady || node->kind == canvas::NodeKind::kPlot ||
      node->kind == canvas::NodeKind::kRemote) {
    engine_.run<bool>(
        this, kHousekeepingKey | id,
        [from = from.toStdString(), &versions = engine_.versions()](
            Connection& connection, const CancelToken&, const ProgressFn&) -> Result<bool> {
          versions.Bump(from);
          PIKA_TRY(DropNodeRelation(connection, from));
          return true;
        },
        [](Result<bool>) {});
    return markStale(id);
  }
  NodeRun renaming = run(id);
  renaming.state = RunState::kRunning;
  renaming.generation = next_generation_++;
  const uint64_t generation = renaming.generation;
  setRun(id, std::move(renaming));
  engine_.run<bool>(
      this, id,
      [from = from.toStdString(), to = to.toStdString(), &versions = engine_.versions()](
          Connection& connection, const CancelToken&, const ProgressFn&) -> Result<bool> {
        versions.Bump(from);
        versions.Bump(to);
        PIKA_TRY(RenameNodeRelation(connection, from, to));
        return true;
      },
      [this, id, generation](Result<bool> renamed) {
        if (run(id).generation != generation) return;  // edited again meanwhile
        if (!renamed.ok()) return markStale(id);
        NodeRun ready = run(id);
        ready.state = RunState::kReady;
        setRun(id, std::move(ready));
        for (NodeId output : document_.graph().Outputs(id)) markStale(output);
      });
}

}  // namespace pika::ui
