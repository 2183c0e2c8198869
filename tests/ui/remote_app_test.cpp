// The app's Remote Table node against the servers scripts/remote_servers.sh starts (ctest
// does, with the remote_servers fixture): a table described from the server, plots reduced
// there and again on every pan, errors on the node with a one-click retry, answers reused
// within the freshness the user chose, and passwords that never reach the workspace file.
#include <fmt/format.h>

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>
#include <map>
#include <set>
#include <tuple>

#include "remote/remote_client.h"
#include "support/remote_servers.h"
#include "ui/canvas_scene.h"
#include "ui/canvas_view.h"
#include "ui/engine_session.h"
#include "ui/graph_document.h"
#include "ui/graph_runner.h"
#include "ui/inspector.h"
#include "ui/keep_local_box.h"
#include "ui/main_window.h"
#include "ui/node_item.h"
#include "ui/node_rows_model.h"
#include "ui/plot_navigator.h"
#include "ui/plot_window.h"
#include "ui/query_editor.h"
#include "ui/remote_editor.h"

using pika::DataWindow;
using pika::canvas::Node;
using pika::canvas::NodeId;
using pika::canvas::NodeKind;
using namespace pika::ui;

namespace {

constexpr int kRunTimeoutMs = 60'000;

}  // namespace

class RemoteAppTest : public QObject {
  Q_OBJECT

 private:
  std::unique_ptr<MainWindow> window_;
  std::map<std::string, std::string> servers_;
  int remote_engine_index_ = 0;  // names the screenshots of the query test
  QTemporaryDir dir_;

  GraphDocument& document() { return window_->document(); }
  GraphRunner& runner() { return window_->runner(); }
  bool WaitIdle() {
    QDeadlineTimer deadline(kRunTimeoutMs);
    while (runner().busy() && !deadline.hasExpired()) QTest::qWait(20);
    return !runner().busy();
  }
  std::string ClickHouseUrl(const std::string& table = "points") const {
    return "clickhouse://pika@127.0.0.1:" + servers_.at("PIKA_CLICKHOUSE_SHARD1_PORT") +
           "/default/" + table;
  }
  std::string PostgresUrl() const {
    return "postgres://pika@127.0.0.1:" + servers_.at("PIKA_POSTGRES_PORT") + "/postgres/points";
  }
  NodeId AddRemote(const std::string& url, int max_age_s = pika::canvas::kDefaultRemoteMaxAgeS) {
    Node node;
    node.kind = NodeKind::kRemote;
    node.name = "points";
    node.remote_url = url;
    node.remote_max_age_s = max_age_s;
    node.position = {-300, 0};
    return document().addNode(node);
  }
  // A Query node reading `inputs`; kNoNode when a wire is refused.
  NodeId AddQuery(const std::string& name, const std::string& sql,
                  const std::vector<NodeId>& inputs) {
    Node query;
    query.kind = NodeKind::kQuery;
    query.name = name;
    query.sql = sql;
    const NodeId id = document().addNode(query);
    for (NodeId input : inputs)
      if (!document().connectNodes(input, id).isEmpty()) return pika::canvas::kNoNode;
    return id;
  }
  NodeId AddScatterOf(NodeId remote, const std::string& name = "scatter") {
    Node plot;
    plot.kind = NodeKind::kPlot;
    plot.name = name;
    plot.plot.kind = "scatter";
    plot.plot.x = "x";
    plot.plot.y = "y";
    const NodeId id = document().addNode(plot);
    return document().connectNodes(remote, id).isEmpty() ? id : pika::canvas::kNoNode;
  }
  uint64_t CacheHits() { return window_->engine().cache().Stats().hits; }
  // Makes plot `id` draw `kind` of x (and y).
  void Replot(NodeId id, const std::string& kind, const std::string& x, const std::string& y) {
    Node changed = *document().graph().Find(id);
    changed.plot.kind = kind;
    changed.plot.x = x;
    changed.plot.y = y;
    document().updateNode(changed);
  }
  // The rows of the servers' `points` where `predicate` holds, counted there.
  uint64_t CountWhere(pika::RemoteEngine engine, const std::string& predicate) {
    const bool clickhouse = engine == pika::RemoteEngine::kClickHouse;
    auto client = pika::ConnectRemote(
        {engine, "127.0.0.1",
         static_cast<uint16_t>(std::stoi(
             servers_.at(clickhouse ? "PIKA_CLICKHOUSE_SHARD1_PORT" : "PIKA_POSTGRES_PORT"))),
         "pika", clickhouse ? "default" : "postgres", "points"},
        servers_.at("PIKA_REMOTE_PASSWORD"));
    if (!client.ok()) return 0;
    auto counted =
        (*client)->Query("SELECT count(*) FROM points WHERE " + predicate, pika::CancelToken());
    return counted.ok() ? static_cast<uint64_t>(counted->columns[0].IntAt(0)) : 0;
  }

 private Q_SLOTS:
  void initTestCase() {
    QCoreApplication::setOrganizationName("PikaPlotTests");
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir_.path());
    qputenv("PIKA_RECOVERY_DIR", dir_.filePath("recovery").toUtf8());
    servers_ = pika::test::RemoteServerSettings();
    QVERIFY2(!servers_.empty(),
             "no servers: run scripts/remote_servers.sh start DIR and set PIKA_REMOTE_ENV to "
             "DIR/servers.env (ctest does both)");
  }

  void init() {
    // Each test sets the password it means to use: none in the environment by default.
    qunsetenv("PIKA_REMOTE_PASSWORD");
    auto engine = EngineSession::Open();
    QVERIFY(engine.ok());
    window_ = std::make_unique<MainWindow>(std::move(*engine));
    window_->show();
  }

  void cleanup() { window_.reset(); }

  void remoteTableShowsItsColumnsRowCountAndFirstRowsFromTheServer() {
    qputenv("PIKA_REMOTE_PASSWORD", servers_.at("PIKA_REMOTE_PASSWORD").c_str());
    const NodeId id = AddRemote(ClickHouseUrl());
    QVERIFY(WaitIdle());
    const NodeRun& run = runner().run(id);
    QCOMPARE(run.state, RunState::kReady);
    QVERIFY(run.remote);
    QCOMPARE(run.remote->rows.rows, std::stoull(servers_.at("PIKA_REMOTE_ROWS")));
    QVERIFY(run.remote->rows.exact);
    QCOMPARE(run.relation->columns.size(), size_t{6});
    window_->inspector().showNode(id);
    RemoteEditor& editor = *window_->inspector().remoteEditor();
    QCOMPARE(editor.preview()->rowCount(), 100);
    QCOMPARE(editor.preview()->columnCount(), 6);
    QCOMPARE(editor.preview()->index(0, 0).data().toString(), QString("0"));
    QVERIFY2(editor.summary()->text().contains("counted"), qPrintable(editor.summary()->text()));
    QVERIFY(editor.summary()->text().contains("x Nullable(Float64)"));
    const QString status = window_->scene().item(id)->statusText();
    QVERIFY2(status.contains("× 6 columns · ClickHouse"), qPrintable(status));
    QCOMPARE(editor.freshness()->currentData().toInt(), pika::canvas::kDefaultRemoteMaxAgeS);
    Node odd = *document().graph().Find(id);
    odd.remote_max_age_s = 120;  // as a hand-edited workspace file may say
    document().updateNode(odd);
    QCOMPARE(editor.freshness()->currentText(), QString("reuse answers for 120 s"));
  }

  void plotOfRemoteTableIsReducedOnTheServerAndEveryPanAsksItAgain() {
    qputenv("PIKA_REMOTE_PASSWORD", servers_.at("PIKA_REMOTE_PASSWORD").c_str());
    const NodeId remote = AddRemote(ClickHouseUrl(), pika::canvas::kAskEveryTime);
    const NodeId plot = AddScatterOf(remote);
    QVERIFY(plot != pika::canvas::kNoNode);
    QVERIFY(WaitIdle());
    const NodeRun& run = runner().run(plot);
    QVERIFY2(run.state == RunState::kReady, qPrintable(run.message));
    QVERIFY(run.plot->remote);
    QVERIFY(run.plot->data.x.empty());  // nothing kept here: the server draws every view
    // Fewer rows than the raw cap: the points themselves, drawn exactly.
    QVERIFY2(QString::fromStdString(run.plot->scene.badge).contains("from ClickHouse"),
             run.plot->scene.badge.c_str());
    QVERIFY(!run.plot->remote_queries.empty());

    PlotWindow window(document(), runner(), window_->engine(), plot);
    window.resize(700, 450);
    window.show();
    QSignalSpy laid_out(&window.navigator(), &PlotNavigator::relaidOut);
    QVERIFY(laid_out.wait(kRunTimeoutMs));
    // The rows behind a mark: counted on the server, the first of them sent.
    const pika::PlotScene& full = *window.navigator().scene();
    const QPoint middle(static_cast<int>((full.area_left + full.area_right) / 2),
                        static_cast<int>((full.area_top + full.area_bottom) / 2));
    const std::optional<DataWindow> region = window.navigator().remoteDrillRegionAt(middle);
    QVERIFY(region.has_value());
    QTest::mouseClick(window.view(), Qt::RightButton, {}, middle);
    QTRY_VERIFY_WITH_TIMEOUT(window.rowsPopup() != nullptr, kRunTimeoutMs);
    const uint64_t behind =
        CountWhere(pika::RemoteEngine::kClickHouse,
                   fmt::format("x >= {:.17g} AND x < {:.17g} AND y >= {:.17g} AND y < {:.17g}",
                               region->x_min, region->x_max, region->y_min, region->y_max));
    QVERIFY(behind > 0);
    QCOMPARE(window.rowsPopup()->totalRows(), behind);
    QCOMPARE(window.rowsPopup()->shownRows(), static_cast<int>(std::min<uint64_t>(behind, 200)));

    const DataWindow zoomed{100, 200, 500, 900};
    window.navigator().showWindow(zoomed);
    QVERIFY(laid_out.wait(kRunTimeoutMs));
    const pika::PlotScene& scene = *window.navigator().scene();
    QCOMPARE(scene.x_min, zoomed.x_min);
    QCOMPARE(scene.x_max, zoomed.x_max);
    QVERIFY2(QString::fromStdString(scene.badge).contains("ClickHouse"), scene.badge.c_str());
    QVERIFY2(window.statusText().contains("ClickHouse"), qPrintable(window.statusText()));
    // A brush is SQL the server runs: the node keeps it (aBrushOnARemotePlot... follows it).
    window.navigator().brushBetween(QPointF(200, 100), QPointF(400, 300));
    QVERIFY(document().graph().Find(plot)->plot.brush.starts_with("\"x\" BETWEEN"));
    QVERIFY(WaitIdle());
    QVERIFY2(runner().run(plot).state == RunState::kReady, qPrintable(runner().run(plot).message));

    // To look at: PIKA_REMOTE_SHOT=dir saves the canvas with the inspector, and the window.
    if (const QByteArray shots = qgetenv("PIKA_REMOTE_SHOT"); !shots.isEmpty()) {
      window_->inspector().showNode(remote);
      window_->resize(1400, 800);
      window_->view().fitAll();
      QTest::qWait(300);
      QVERIFY(window_->grab().save(QString(shots) + "/remote_canvas.png"));
      QVERIFY(window.grab().save(QString(shots) + "/remote_plot_window.png"));
      if (window.rowsPopup() != nullptr)
        QVERIFY(window.rowsPopup()->grab().save(QString(shots) + "/remote_rows_popup.png"));
    }
  }

  void aRemoteScatterOnLogAxesPansInDecadesOnTheServer() {
    qputenv("PIKA_REMOTE_PASSWORD", servers_.at("PIKA_REMOTE_PASSWORD").c_str());
    const NodeId remote = AddRemote(PostgresUrl(), pika::canvas::kAskEveryTime);
    const NodeId plot = AddScatterOf(remote);
    QVERIFY(plot != pika::canvas::kNoNode);
    Node logs = *document().graph().Find(plot);
    logs.plot.x_log = logs.plot.y_log = true;
    document().updateNode(logs);
    QVERIFY(WaitIdle());
    const NodeRun& run = runner().run(plot);
    QVERIFY2(run.state == RunState::kReady, qPrintable(run.message));
    QVERIFY2(QString::fromStdString(run.plot->scene.badge).contains("left off the log axis"),
             run.plot->scene.badge.c_str());

    PlotWindow window(document(), runner(), window_->engine(), plot);
    window.resize(700, 450);
    window.show();
    QSignalSpy laid_out(&window.navigator(), &PlotNavigator::relaidOut);
    QVERIFY(laid_out.wait(kRunTimeoutMs));
    // The window is in decades; the server counts the rows in it over the logs first.
    const DataWindow decades{1.0, 3.0, 1.0, 3.0};  // values 10 to 1000 on both axes
    window.navigator().showWindow(decades);
    QVERIFY(laid_out.wait(kRunTimeoutMs));
    const pika::PlotScene& scene = *window.navigator().scene();
    QCOMPARE(scene.x_min, decades.x_min);
    QCOMPARE(scene.y_max, decades.y_max);
    QVERIFY2(QString::fromStdString(scene.badge).contains("PostgreSQL"), scene.badge.c_str());
    if (const QByteArray shots = qgetenv("PIKA_REMOTE_SHOT"); !shots.isEmpty())
      QVERIFY(window.grab().save(QString(shots) + "/remote_log_plot_window.png"));
  }

  void aRemoteScatterColouredByACategoryKeepsItsLegendWhilePanning() {
    qputenv("PIKA_REMOTE_PASSWORD", servers_.at("PIKA_REMOTE_PASSWORD").c_str());
    const NodeId remote = AddRemote(ClickHouseUrl(), pika::canvas::kAskEveryTime);
    const NodeId plot = AddScatterOf(remote);
    QVERIFY(plot != pika::canvas::kNoNode);
    Node colored = *document().graph().Find(plot);
    colored.plot.color = "c";
    document().updateNode(colored);
    QVERIFY(WaitIdle());
    const NodeRun& run = runner().run(plot);
    QVERIFY2(run.state == RunState::kReady, qPrintable(run.message));
    const auto legend = [](const pika::PlotScene& scene) {
      std::vector<std::string> names;
      for (const pika::Mark& mark : scene.scene.marks) {
        const auto* text = std::get_if<pika::TextMark>(&mark);
        if (text != nullptr && text->text.size() == 2 && text->text[0] == 'c')
          names.push_back(text->text);
      }
      return names;
    };
    const std::vector<std::string> seven{"c0", "c1", "c2", "c3", "c4", "c5", "c6"};
    QVERIFY(legend(run.plot->scene) == seven);

    PlotWindow window(document(), runner(), window_->engine(), plot);
    window.resize(700, 450);
    window.show();
    QSignalSpy laid_out(&window.navigator(), &PlotNavigator::relaidOut);
    QVERIFY(laid_out.wait(kRunTimeoutMs));
    window.navigator().showWindow(DataWindow{100, 200, 500, 900});
    QVERIFY(laid_out.wait(kRunTimeoutMs));
    const pika::PlotScene& zoomed = *window.navigator().scene();
    QCOMPARE(zoomed.x_min, 100.0);
    QVERIFY(legend(zoomed) == seven);
    // The points in the window, each in its category's colour: several colours drawn.
    std::set<std::tuple<uint8_t, uint8_t, uint8_t>> colors;
    for (const pika::Mark& mark : zoomed.scene.marks) {
      if (const auto* points = std::get_if<pika::PointsMark>(&mark))
        for (const pika::Rgba& color : points->colors) colors.insert({color.r, color.g, color.b});
    }
    QCOMPARE(colors.size(), seven.size());
    // The rows in view, exported: counted and brought from the server, written here.
    const QString path = dir_.filePath("remote_view.csv");
    window.exportDataTo(path);
    QTRY_VERIFY_WITH_TIMEOUT(window.statusText().startsWith("saved the data in view"),
                             kRunTimeoutMs);
    QFile written(path);
    QVERIFY(written.open(QIODevice::ReadOnly));
    const qsizetype lines = written.readAll().count('\n');
    uint64_t points_drawn = 0;
    for (const pika::Mark& mark : zoomed.scene.marks) {
      if (const auto* points = std::get_if<pika::PointsMark>(&mark))
        points_drawn += points->centers.size();
    }
    QCOMPARE(static_cast<uint64_t>(lines - 1), points_drawn);  // a header, then a row per point
    if (const QByteArray shots = qgetenv("PIKA_REMOTE_SHOT"); !shots.isEmpty())
      QVERIFY(window.grab().save(QString(shots) + "/remote_colored_plot_window.png"));
  }

  void aRemoteBoxPlotIsSummarisedOnTheServer() {
    qputenv("PIKA_REMOTE_PASSWORD", servers_.at("PIKA_REMOTE_PASSWORD").c_str());
    const NodeId remote = AddRemote(PostgresUrl());
    const NodeId plot = AddScatterOf(remote, "boxes");
    QVERIFY(plot != pika::canvas::kNoNode);
    Replot(plot, "box", "c", "y");
    QVERIFY(WaitIdle());
    const NodeRun& run = runner().run(plot);
    QVERIFY2(run.state == RunState::kReady, qPrintable(run.message));
    const QString badge = QString::fromStdString(run.plot->scene.badge);
    QVERIFY2(badge.startsWith("y by c: ") && badge.contains("rows in 7 groups") &&
                 badge.contains("reduced on PostgreSQL"),
             qPrintable(badge));
    if (const QByteArray shots = qgetenv("PIKA_REMOTE_SHOT"); !shots.isEmpty())
      QVERIFY(window_->grab().save(QString(shots) + "/remote_box_canvas.png"));
  }

  void theRowsBehindARemoteBarAreItsGroupsCountedOnTheServer() {
    qputenv("PIKA_REMOTE_PASSWORD", servers_.at("PIKA_REMOTE_PASSWORD").c_str());
    const NodeId remote = AddRemote(PostgresUrl(), pika::canvas::kAskEveryTime);
    const NodeId plot = AddScatterOf(remote, "bars");
    QVERIFY(plot != pika::canvas::kNoNode);
    Replot(plot, "bar", "c", "");
    QVERIFY(WaitIdle());
    QVERIFY2(runner().run(plot).state == RunState::kReady, qPrintable(runner().run(plot).message));

    PlotWindow window(document(), runner(), window_->engine(), plot);
    window.resize(700, 450);
    window.show();
    QSignalSpy laid_out(&window.navigator(), &PlotNavigator::relaidOut);
    QVERIFY(laid_out.wait(kRunTimeoutMs));
    const pika::PlotScene& scene = *window.navigator().scene();
    // The middle of the third of seven bars, near its foot.
    const QPoint third(
        static_cast<int>(scene.area_left + 2.5 / 7 * (scene.area_right - scene.area_left)),
        static_cast<int>(scene.area_bottom - 5));
    const std::optional<std::string> group = window.navigator().remoteDrillGroupAt(third);
    QVERIFY(group.has_value());
    QTest::mouseClick(window.view(), Qt::RightButton, {}, third);
    QTRY_VERIFY_WITH_TIMEOUT(window.rowsPopup() != nullptr, kRunTimeoutMs);
    const uint64_t in_group =
        CountWhere(pika::RemoteEngine::kPostgres, fmt::format("c = '{}'", *group));
    QVERIFY(in_group > 0);
    QCOMPARE(window.rowsPopup()->totalRows(), in_group);
  }

  void aBrushOnARemotePlotPassesItsRowsOnOnTheServer() {
    qputenv("PIKA_REMOTE_PASSWORD", servers_.at("PIKA_REMOTE_PASSWORD").c_str());
    const NodeId remote = AddRemote(ClickHouseUrl(), pika::canvas::kAskEveryTime);
    const NodeId plot = AddScatterOf(remote);
    QVERIFY(plot != pika::canvas::kNoNode);
    const NodeId counted = AddQuery("counted", "SELECT count(*) AS n FROM scatter", {plot});
    QVERIFY(counted != pika::canvas::kNoNode);
    QVERIFY(WaitIdle());
    QVERIFY2(runner().run(counted).state == RunState::kReady,
             qPrintable(runner().run(counted).message));

    PlotWindow window(document(), runner(), window_->engine(), plot);
    window.resize(700, 450);
    window.show();
    QSignalSpy laid_out(&window.navigator(), &PlotNavigator::relaidOut);
    QVERIFY(laid_out.wait(kRunTimeoutMs));
    const pika::PlotScene& scene = *window.navigator().scene();
    // A box over the middle of the plot.
    const auto at = [&](double fx, double fy) {
      return QPoint(static_cast<int>(scene.area_left + fx * (scene.area_right - scene.area_left)),
                    static_cast<int>(scene.area_top + fy * (scene.area_bottom - scene.area_top)));
    };
    QTest::mousePress(window.view(), Qt::LeftButton, Qt::ShiftModifier, at(0.3, 0.3));
    QTest::mouseRelease(window.view(), Qt::LeftButton, Qt::ShiftModifier, at(0.6, 0.7));
    const std::string brush = document().graph().Find(plot)->plot.brush;
    QVERIFY2(
        brush.starts_with("\"x\" BETWEEN ") && brush.find("\"y\" BETWEEN") != std::string::npos,
        brush.c_str());
    QVERIFY(WaitIdle());
    // The query over the brushed plot ran on ClickHouse, over the rows inside the brush.
    const NodeRun& query = runner().run(counted);
    QVERIFY2(query.state == RunState::kReady, qPrintable(query.message));
    QVERIFY(query.remote);
    const uint64_t rows = CountWhere(pika::RemoteEngine::kClickHouse, brush);
    QVERIFY(rows > 0);
    QCOMPARE(query.remote->preview.columns[0].IntAt(0), static_cast<int64_t>(rows));
    // The plot node says how many rows it passes on.
    QCOMPARE(runner().run(plot).relation->rows, rows);
  }

  void pickedBarsOfARemotePlotPassTheirRowsOnOnTheServer() {
    qputenv("PIKA_REMOTE_PASSWORD", servers_.at("PIKA_REMOTE_PASSWORD").c_str());
    const NodeId remote = AddRemote(PostgresUrl(), pika::canvas::kAskEveryTime);
    const NodeId plot = AddScatterOf(remote, "bars");
    QVERIFY(plot != pika::canvas::kNoNode);
    Replot(plot, "bar", "c", "");
    QVERIFY(WaitIdle());
    PlotWindow window(document(), runner(), window_->engine(), plot);
    window.resize(700, 450);
    window.show();
    QSignalSpy laid_out(&window.navigator(), &PlotNavigator::relaidOut);
    QVERIFY(laid_out.wait(kRunTimeoutMs));
    const pika::PlotScene& scene = *window.navigator().scene();
    const QPoint second(
        static_cast<int>(scene.area_left + 1.5 / 7 * (scene.area_right - scene.area_left)),
        static_cast<int>(scene.area_bottom - 5));
    const std::optional<std::string> group = window.navigator().remoteDrillGroupAt(second);
    QVERIFY(group.has_value());
    QTest::mouseClick(window.view(), Qt::LeftButton, {}, second);
    QCOMPARE(QString::fromStdString(document().graph().Find(plot)->plot.brush),
             QString("CAST(\"c\" AS VARCHAR) = '%1'").arg(QString::fromStdString(*group)));
    QVERIFY(WaitIdle());
    QVERIFY2(runner().run(plot).state == RunState::kReady, qPrintable(runner().run(plot).message));
    const uint64_t total = std::stoull(servers_.at("PIKA_REMOTE_ROWS"));
    const uint64_t passed = runner().run(plot).relation->rows;
    QVERIFY2(passed > total / 8 && passed < total / 6, qPrintable(QString::number(passed)));
  }

  void theRowsBehindARemoteHistogramsBarAreItsWholeBin() {
    qputenv("PIKA_REMOTE_PASSWORD", servers_.at("PIKA_REMOTE_PASSWORD").c_str());
    const NodeId remote = AddRemote(ClickHouseUrl(), pika::canvas::kAskEveryTime);
    const NodeId plot = AddScatterOf(remote, "counts");
    QVERIFY(plot != pika::canvas::kNoNode);
    Node histogram = *document().graph().Find(plot);
    histogram.plot.kind = "histogram";
    histogram.plot.x = "t";  // 0, 1, 2 ...: every round bin holds as many rows as it is wide
    histogram.plot.y.clear();
    document().updateNode(histogram);
    QVERIFY(WaitIdle());
    QVERIFY2(runner().run(plot).state == RunState::kReady, qPrintable(runner().run(plot).message));
    const pika::HistogramBins& bins = runner().run(plot).plot->data.bins;
    QVERIFY(bins.counts.size() > 10);

    PlotWindow window(document(), runner(), window_->engine(), plot);
    window.resize(700, 450);
    window.show();
    QSignalSpy laid_out(&window.navigator(), &PlotNavigator::relaidOut);
    QVERIFY(laid_out.wait(kRunTimeoutMs));
    const pika::PlotScene& scene = *window.navigator().scene();
    // The middle of a bar, near its foot: the whole bar's rows, not the pixel's.
    const size_t bar = bins.counts.size() / 2;
    const double middle = (bins.start(bar) + bins.end(bar)) / 2;
    const QPoint inside(
        static_cast<int>(scene.area_left + (middle - scene.x_min) / (scene.x_max - scene.x_min) *
                                               (scene.area_right - scene.area_left)),
        static_cast<int>(scene.area_bottom - 5));
    QTest::mouseClick(window.view(), Qt::RightButton, {}, inside);
    QTRY_VERIFY_WITH_TIMEOUT(window.rowsPopup() != nullptr, kRunTimeoutMs);
    QCOMPARE(window.rowsPopup()->totalRows(), static_cast<uint64_t>(bins.width));
  }

  void answersAreReusedWithinTheChosenFreshnessAndAskedAgainOtherwise() {
    qputenv("PIKA_REMOTE_PASSWORD", servers_.at("PIKA_REMOTE_PASSWORD").c_str());
    const NodeId reused = AddRemote(ClickHouseUrl(), 3600);
    AddScatterOf(reused, "first");
    QVERIFY(WaitIdle());
    const uint64_t before = CacheHits();
    const NodeId second = AddScatterOf(reused, "second");
    QVERIFY(WaitIdle());
    QCOMPARE(runner().run(second).state, RunState::kReady);
    QVERIFY2(CacheHits() > before, "a second identical plot within the hour asks the server");

    Node fresh = *document().graph().Find(reused);
    fresh.remote_max_age_s = pika::canvas::kAskEveryTime;
    document().updateNode(fresh);
    QVERIFY(WaitIdle());
    const uint64_t asked = CacheHits();
    runner().rerun(second);
    QVERIFY(WaitIdle());
    QCOMPARE(runner().run(second).state, RunState::kReady);
    QCOMPARE(CacheHits(), asked);
  }

  void wrongPasswordShowsOnTheNodeAndThePasswordTypedInTheInspectorRetries() {
    qputenv("PIKA_REMOTE_PASSWORD", "not-the-password");
    const NodeId id = AddRemote(PostgresUrl());
    QVERIFY(WaitIdle());
    QCOMPARE(runner().run(id).state, RunState::kError);
    QVERIFY2(runner().run(id).message.contains("password"), qPrintable(runner().run(id).message));

    window_->inspector().showNode(id);
    RemoteEditor& editor = *window_->inspector().remoteEditor();
    QVERIFY(editor.summary()->text().contains("password"));
    editor.password()->setText(QString::fromStdString(servers_.at("PIKA_REMOTE_PASSWORD")));
    editor.refresh()->click();
    QVERIFY(WaitIdle());
    QVERIFY2(runner().run(id).state == RunState::kReady, qPrintable(runner().run(id).message));
    QVERIFY(editor.password()->text().isEmpty());  // not left in the widget either

    // Saved: the URL is in the file, the password nowhere.
    const QString path = dir_.filePath("remote.pikaplot");
    bool saved = false;
    window_->saveTo(path, [&saved](pika::Status status) { saved = status.ok(); });
    QTRY_VERIFY_WITH_TIMEOUT(saved, kRunTimeoutMs);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(!bytes.contains(servers_.at("PIKA_REMOTE_PASSWORD").c_str()));
    QVERIFY(!bytes.contains("not-the-password"));
  }

  void unreachableServerAndMissingTableAreClearOnTheNode() {
    const NodeId down = AddRemote("clickhouse://pika@127.0.0.1:1/default/points");
    QVERIFY(WaitIdle());
    QCOMPARE(runner().run(down).state, RunState::kError);
    QVERIFY2(runner().run(down).message.contains("cannot reach ClickHouse at 127.0.0.1:1"),
             qPrintable(runner().run(down).message));

    qputenv("PIKA_REMOTE_PASSWORD", servers_.at("PIKA_REMOTE_PASSWORD").c_str());
    Node missing = *document().graph().Find(down);
    missing.remote_url = ClickHouseUrl("no_such_table");
    document().updateNode(missing);
    QVERIFY(WaitIdle());
    QCOMPARE(runner().run(down).state, RunState::kError);
    QVERIFY2(runner().run(down).message.contains("no_such_table"),
             qPrintable(runner().run(down).message));
  }

  void queryOverRemoteTablesRunsOnTheirServerAndItsPlotIsReducedThere() {
    qputenv("PIKA_REMOTE_PASSWORD", servers_.at("PIKA_REMOTE_PASSWORD").c_str());
    for (const std::string& url : {ClickHouseUrl(), PostgresUrl()}) {
      std::vector<NodeId> all;
      for (const auto& [id, node] : document().graph().nodes()) all.push_back(id);
      document().removeNodes(all);
      const NodeId remote = AddRemote(url);
      const NodeId q = AddQuery(
          "groups", "SELECT p.c, count(*) AS n FROM points AS p WHERE p.x > 100 GROUP BY p.c",
          {remote});
      QVERIFY(q != pika::canvas::kNoNode);
      Node bars;
      bars.kind = NodeKind::kPlot;
      bars.name = "bars";
      bars.plot.kind = "bar";
      bars.plot.x = "c";
      bars.plot.y = "n";
      bars.plot.agg = "sum";
      const NodeId plot = document().addNode(bars);
      QVERIFY(document().connectNodes(q, plot).isEmpty());
      QVERIFY(WaitIdle());
      const NodeRun& ran = runner().run(q);
      QVERIFY2(ran.state == RunState::kReady, qPrintable(ran.message));
      QVERIFY(ran.remote);
      QCOMPARE(ran.remote->rows.rows, uint64_t{7});  // c0 … c6
      QVERIFY(ran.remote->rows.exact);
      QCOMPARE(ran.relation->columns.size(), size_t{2});
      window_->inspector().showNode(q);
      QCOMPARE(window_->inspector().queryEditor()->preview()->rowCount(), 7);

      const NodeRun& drawn = runner().run(plot);
      QVERIFY2(drawn.state == RunState::kReady, qPrintable(drawn.message));
      QVERIFY(drawn.plot->remote);
      QVERIFY(!drawn.plot->remote->source.query.empty());
      QVERIFY2(QString::fromStdString(drawn.plot->scene.badge).contains("7"),
               drawn.plot->scene.badge.c_str());
      if (const QByteArray shots = qgetenv("PIKA_REMOTE_SHOT"); !shots.isEmpty()) {
        Node placed = *document().graph().Find(plot);
        document().moveNodes({{plot, placed.position}}, {{plot, {300, 0}}});
        window_->resize(1400, 800);
        window_->view().fitAll();
        QTest::qWait(300);
        QVERIFY(window_->grab().save(QString(shots) + "/remote_query_" +
                                     QString::number(remote_engine_index_++) + ".png"));
      }
    }
  }

  void queryMixingRemoteAndLocalInputsSaysWhyItCannotRun() {
    qputenv("PIKA_REMOTE_PASSWORD", servers_.at("PIKA_REMOTE_PASSWORD").c_str());
    const NodeId remote = AddRemote(ClickHouseUrl());
    const NodeId l = AddQuery("local", "SELECT 1 AS n", {});
    const NodeId q = AddQuery("q", "SELECT * FROM points, local", {remote, l});
    QVERIFY(q != pika::canvas::kNoNode);
    QVERIFY(WaitIdle());
    QCOMPARE(runner().run(q).state, RunState::kError);
    QVERIFY2(runner().run(q).message.contains("'points' lives on a remote server"),
             qPrintable(runner().run(q).message));
    QCOMPARE(runner().run(remote).state, RunState::kReady);  // nothing else broke
  }

  void localCopyOfRemoteTableFeedsLocalQueriesAndLocalPlots() {
    qputenv("PIKA_REMOTE_PASSWORD", servers_.at("PIKA_REMOTE_PASSWORD").c_str());
    const NodeId remote = AddRemote(PostgresUrl());
    const NodeId l = AddQuery("wanted", "SELECT 'c3' AS c", {});
    const NodeId q =
        AddQuery("joined", "SELECT count(*) AS n FROM points JOIN wanted USING (c)", {remote, l});
    QVERIFY(q != pika::canvas::kNoNode);
    QVERIFY(WaitIdle());
    QCOMPARE(runner().run(q).state, RunState::kError);  // mixes a server and a local node

    window_->inspector().showNode(remote);
    RemoteEditor& editor = *window_->inspector().remoteEditor();
    editor.keepLocal()->box()->click();  // as the user ticks it
    QVERIFY(document().graph().Find(remote)->keep_local);
    QVERIFY(WaitIdle());
    const uint64_t rows = std::stoull(servers_.at("PIKA_REMOTE_ROWS"));
    QVERIFY2(runner().run(remote).state == RunState::kReady,
             qPrintable(runner().run(remote).message));
    QCOMPARE(runner().run(remote).relation->rows, rows);  // every row, here
    QVERIFY(window_->scene().item(remote)->statusText().contains("copied here"));
    const NodeRun& joined = runner().run(q);
    QVERIFY2(joined.state == RunState::kReady, qPrintable(joined.message));
    QVERIFY(!joined.remote);  // ran here, on the copy
    QCOMPARE(joined.relation->rows, uint64_t{1});

    const NodeId plot = AddScatterOf(remote);
    QVERIFY(WaitIdle());
    const NodeRun& drawn = runner().run(plot);
    QVERIFY2(drawn.state == RunState::kReady, qPrintable(drawn.message));
    QVERIFY(!drawn.plot->remote);  // a local plot: brushing and drill-down work
    QCOMPARE(drawn.plot->data.x.size(), static_cast<size_t>(rows));

    // A limit below the table's rows: refused with the count before anything is fetched.
    window_->inspector().showNode(remote);
    QVERIFY(editor.keepLocal()->rows()->isEnabled());
    editor.keepLocal()->rows()->setValue(1000);
    QCOMPARE(document().graph().Find(remote)->local_rows, uint64_t{1000});
    QVERIFY(WaitIdle());
    QCOMPARE(runner().run(remote).state, RunState::kError);
    QVERIFY2(runner().run(remote).message.contains(
                 QString("gives %1 rows, more than the 1000 to bring local").arg(rows)),
             qPrintable(runner().run(remote).message));
    document().undoStack()->undo();  // the limit was one step
    QCOMPARE(document().graph().Find(remote)->local_rows, pika::kBringLocalRows);
    QVERIFY(WaitIdle());
    QCOMPARE(runner().run(remote).state, RunState::kReady);
    QCOMPARE(runner().run(remote).relation->rows, rows);
  }
};

QTEST_MAIN(RemoteAppTest)
#include "remote_app_test.moc"
