// The app's widgets and controllers under QtTest, on the offscreen platform: canvas edits
// with undo, SQL edits flowing into the preview and downstream, plots, renames.
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QGraphicsSceneMouseEvent>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QProcess>
#include <QPushButton>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>
#include <set>
#include <thread>

#include "storage/database.h"
#include "support/engine.h"
#include "support/temp_dir.h"
#include "ui/canvas_scene.h"
#include "ui/canvas_view.h"
#include "ui/engine_session.h"
#include "ui/export_dialog.h"
#include "ui/graph_document.h"
#include "ui/graph_runner.h"
#include "ui/import_settings_dialog.h"
#include "ui/inspector.h"
#include "ui/job_progress.h"
#include "ui/main_window.h"
#include "ui/node_item.h"
#include "ui/node_rows_model.h"
#include "ui/plot_editor.h"
#include "ui/plot_navigator.h"
#include "ui/plot_view.h"
#include "ui/plot_window.h"
#include "ui/query_editor.h"
#include "ui/remembered_import.h"
#include "ui/rows_popup.h"
#include "ui/sql_editor.h"
#include "ui/table_editor.h"
#include "workspace/workspace_file.h"

using pika::DataWindow;
using pika::PlotScene;
using pika::canvas::Node;
using pika::canvas::NodeId;
using pika::canvas::NodeKind;
using namespace pika::ui;

namespace {

constexpr int kRunTimeoutMs = 60'000;

Node MakeNode(NodeKind kind, std::string name, std::string setting = {}) {
  Node node;
  node.kind = kind;
  node.name = std::move(name);
  if (kind == NodeKind::kTable) node.source_path = std::move(setting);
  if (kind == NodeKind::kQuery) node.sql = std::move(setting);
  return node;
}

}  // namespace

class AppTest : public QObject {
  Q_OBJECT

 private:
  std::unique_ptr<MainWindow> window_;
  QTemporaryDir dir_;
  QString csv_;

  GraphDocument& document() { return window_->document(); }
  GraphRunner& runner() { return window_->runner(); }
  // Waits, processing events, until no node waits or runs.
  bool WaitIdle() {
    QDeadlineTimer deadline(kRunTimeoutMs);
    while (runner().busy() && !deadline.hasExpired()) QTest::qWait(20);
    return !runner().busy();
  }

  // A Table of the test CSV ("points") feeding a new Plot node; empty when refused.
  NodeId AddPlotOfPoints(const std::string& name, pika::canvas::PlotNodeSpec spec) {
    const NodeId t = document().addNode(MakeNode(NodeKind::kTable, "points", csv_.toStdString()));
    Node plot = MakeNode(NodeKind::kPlot, name);
    plot.plot = std::move(spec);
    const NodeId p = document().addNode(plot);
    return document().connectNodes(t, p).isEmpty() ? p : pika::canvas::kNoNode;
  }
  // Shows a plot window at a fixed size and waits for its first scene.
  // A Parquet file of `rows` points (x cycles through 1,000 values, y grows); empty on failure.
  QString WritePoints(const QString& name, uint64_t rows) {
    const QString parquet = dir_.filePath(name);
    auto database = pika::Database::Open({});
    if (!database.ok()) return {};
    auto connection = database->Connect();
    if (!connection.ok()) return {};
    const pika::Status written = connection->Execute(
        "COPY (SELECT (i % 1000)::DOUBLE AS x, sqrt(i::DOUBLE) AS y FROM range(" +
        std::to_string(rows) + ") t(i)) TO '" + parquet.toStdString() + "' (FORMAT parquet)");
    return written.ok() ? parquet : QString();
  }

  static bool ShowAndWait(PlotWindow& window) {
    window.resize(700, 450);
    window.show();
    QDeadlineTimer deadline(kRunTimeoutMs);
    while (window.navigator().scene() == nullptr && !deadline.hasExpired()) QTest::qWait(20);
    return window.navigator().scene() != nullptr;
  }

 private Q_SLOTS:
  void initTestCase() {
    // Settings written by the tests stay out of the user's own.
    QCoreApplication::setOrganizationName("PikaPlotTests");
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir_.path());
    qputenv("PIKA_RECOVERY_DIR", dir_.filePath("recovery").toUtf8());
    csv_ = dir_.filePath("points.csv");
    QFile file(csv_);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("x,y,kind\n");
    for (int i = 0; i < 1000; ++i)
      file.write(QString("%1,%2,%3\n").arg(i).arg(i * 2).arg(i % 2 ? "odd" : "even").toUtf8());
  }

  void importingAnUnsureFileOpensTheTypeDialogAndItsChoiceIsApplied() {
    const QString path = QString(PIKA_FIXTURE_DIR) + "/csv/month_first_ambiguous.csv";
    window_->importFiles({path}, QPointF(0, 0));
    const NodeId table = document().graph().nodes().begin()->first;
    QVERIFY(WaitIdle());
    ImportSettingsDialog* dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = window_->findChild<ImportSettingsDialog*>()) != nullptr,
                             kRunTimeoutMs);
    // The preview may have arrived while the dialog was being looked for: wait for what it
    // shows, not for its signal.
    QTableWidget* columns = dialog->columnsTable();
    QTRY_COMPARE_WITH_TIMEOUT(columns->rowCount(), 2, kRunTimeoutMs);
    QCOMPARE(columns->item(1, 0)->text(), QString("day"));
    QVERIFY(columns->item(1, 2)->text().contains("⚠"));
    // Read the dates as text instead, and treat "-" as missing.
    qobject_cast<QComboBox*>(columns->cellWidget(1, 4))->setCurrentText("VARCHAR");
    dialog->findChild<QLineEdit*>()->setText("-, n/a");
    if (qEnvironmentVariableIsSet("PIKA_UI_SHOTS"))
      dialog->grab().save(qEnvironmentVariable("PIKA_UI_SHOTS") + "/type_dialog.png");
    dialog->accept();
    const pika::canvas::Node& node = *document().graph().Find(table);
    QCOMPARE(node.import.column_types.at("day"), pika::ColumnType::kVarchar);
    QCOMPARE(node.import.null_strings, (std::vector<std::string>{"-", "n/a"}));
    QVERIFY(WaitIdle());
    const NodeRun& run = runner().run(table);
    QCOMPARE(int(run.state), int(RunState::kReady));
    QCOMPARE(int(run.relation->columns[1].type), int(pika::ColumnType::kVarchar));
    document().undoStack()->undo();  // the choice is one undo step
    QVERIFY(document().graph().Find(table)->import.column_types.empty());
  }

  void clickingARejectedRowShowsItAsItIsInTheFile() {
    QString text = "id,name\n";
    for (int i = 0; i < 20; ++i) text += QString("%1,n%1\n").arg(i);
    text += "20,broken,extra,fields\n";
    for (int i = 21; i < 30; ++i) text += QString("%1,n%1\n").arg(i);
    const QString path = dir_.filePath("bad_row.csv");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text.toUtf8());
    file.close();
    const NodeId t = document().addNode(MakeNode(NodeKind::kTable, "bad", path.toStdString()));
    QVERIFY(WaitIdle());
    QCOMPARE(runner().run(t).relation->rejected, uint64_t{1});
    window_->inspector().showNode(t);
    auto* editor = window_->inspector().findChild<TableEditor*>();
    QVERIFY(editor != nullptr);
    QCOMPARE(editor->rejects()->count(), 1);
    QVERIFY(editor->rejects()->item(0)->text().startsWith("line 22"));
    editor->rejects()->setCurrentRow(0);
    QCOMPARE(editor->rejectText()->text(), QString("line 22 as read: 20,broken,extra,fields"));
    const QString summary = editor->summary()->text();
    // Where every line of the file went, under the rows it reports.
    QVERIFY2(summary.contains("lines of the file: 31 = 1 header + 29 rows + 1 rejected"),
             qPrintable(summary));
    if (qEnvironmentVariableIsSet("PIKA_UI_SHOTS")) {
      QCoreApplication::processEvents();  // the layout settles on the new text
      window_->inspector().grab().save(qEnvironmentVariable("PIKA_UI_SHOTS") + "/table_lines.png");
    }
  }

  void rememberedImportSettingsComeBackForTheSameFile() {
    const QString path = dir_.filePath("remember.csv");
    QVERIFY(!RememberedImport(path).has_value());
    pika::canvas::ImportSettings settings;
    settings.column_types["when"] = pika::ColumnType::kDate;
    settings.null_strings = {"NA"};
    RememberImport(path, settings);
    QCOMPARE(RememberedImport(path).value(), settings);
  }

  void init() {
    auto engine = EngineSession::Open();
    QVERIFY(engine.ok());
    window_ = std::make_unique<MainWindow>(std::move(*engine));
    window_->show();
  }

  void cleanup() { window_.reset(); }

  void connectingRefusesACycleAndSaysWhy() {
    const NodeId a = document().addNode(MakeNode(NodeKind::kQuery, "a", "SELECT 1 AS v"));
    const NodeId b = document().addNode(MakeNode(NodeKind::kQuery, "b", "SELECT * FROM a"));
    const NodeId c = document().addNode(MakeNode(NodeKind::kQuery, "c", "SELECT * FROM b"));
    QVERIFY(document().connectNodes(a, b).isEmpty());
    QVERIFY(document().connectNodes(b, c).isEmpty());
    QSignalSpy messages(&window_->scene(), &CanvasScene::message);
    const QString refused = window_->scene().connectByDrag(c, a, QPointF(0, 0));
    QCOMPARE(refused, QString("connecting 'c' to 'a' would make a cycle: a → b → c → a"));
    QCOMPARE(messages.count(), 1);
    QCOMPARE(document().graph().edges().size(), size_t{2});
  }

  void draggingFromAnOutputPortToAnInputPortConnects() {
    const NodeId table =
        document().addNode(MakeNode(NodeKind::kTable, "points", csv_.toStdString()));
    const NodeId query =
        document().addNode(MakeNode(NodeKind::kQuery, "q", "SELECT * FROM points"));
    NodeItem* from = window_->scene().item(table);
    NodeItem* to = window_->scene().item(query);
    from->setPos(0, 0);
    to->setPos(400, 0);
    CanvasView& view = window_->view();
    view.centerOn(300, 50);
    const QPoint start = view.mapFromScene(from->outputPort());
    const QPoint end = view.mapFromScene(to->inputPort());
    QTest::mousePress(view.viewport(), Qt::LeftButton, {}, start);
    QMouseEvent move(QEvent::MouseMove, end, view.viewport()->mapToGlobal(end), Qt::NoButton,
                     Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(view.viewport(), &move);
    QTest::mouseRelease(view.viewport(), Qt::LeftButton, {}, end);
    QCOMPARE(document().graph().Inputs(query), std::vector<NodeId>{table});
  }

  void deletingANodeTakesItsWiresAndUndoBringsAllBack() {
    const NodeId t = document().addNode(MakeNode(NodeKind::kTable, "points", csv_.toStdString()));
    const NodeId q = document().addNode(MakeNode(NodeKind::kQuery, "q", "SELECT * FROM points"));
    Node plot = MakeNode(NodeKind::kPlot, "p");
    const NodeId p = document().addNode(plot);
    QVERIFY(document().connectNodes(t, q).isEmpty());
    QVERIFY(document().connectNodes(q, p).isEmpty());
    window_->scene().item(q)->setSelected(true);
    QTest::keyClick(&window_->view(), Qt::Key_Delete);
    QVERIFY(document().graph().Find(q) == nullptr);
    QVERIFY(window_->scene().item(q) == nullptr);
    QVERIFY(document().graph().edges().empty());
    document().undoStack()->undo();
    QVERIFY(document().graph().Find(q) != nullptr);
    QVERIFY(window_->scene().item(q) != nullptr);
    QCOMPARE(document().graph().edges().size(), size_t{2});
    document().undoStack()->redo();
    QVERIFY(document().graph().Find(q) == nullptr);
    QVERIFY(document().graph().edges().empty());
  }

  void movesAreUndoable() {
    const NodeId t = document().addNode(MakeNode(NodeKind::kNote, ""));
    document().moveNodes({{t, {0, 0}}}, {{t, {120, 40}}});
    QCOMPARE(window_->scene().item(t)->pos(), QPointF(120, 40));
    document().undoStack()->undo();
    QCOMPARE(window_->scene().item(t)->pos(), QPointF(0, 0));
  }

  void newNodesAreLaidOutBesideTheirInputAndTidyIsOneUndoStep() {
    const NodeId t = document().addNode(MakeNode(NodeKind::kTable, "points", csv_.toStdString()));
    window_->scene().item(t)->setSelected(true);
    const NodeId q = window_->addNode(NodeKind::kQuery);
    window_->scene().clearSelection();
    window_->scene().item(t)->setSelected(true);
    const NodeId p = window_->addNode(NodeKind::kPlot);
    const pika::canvas::Node& table = *document().graph().Find(t);
    const pika::canvas::Node& query = *document().graph().Find(q);
    const pika::canvas::Node& plot = *document().graph().Find(p);
    // Both right of the table, wired to it, the second clear below the first.
    QVERIFY(query.position.x > table.position.x + pika::canvas::NodeSize(NodeKind::kTable).width);
    QCOMPARE(plot.position.x, query.position.x);
    QVERIFY(plot.position.y >= query.position.y + pika::canvas::NodeSize(NodeKind::kQuery).height);
    QVERIFY(!query.user_placed && !plot.user_placed);
    QCOMPARE(document().graph().Inputs(p), std::vector<NodeId>{t});
    // Tidy moves the plot and query into one column and back with one undo.
    document().moveNodes({{q, query.position}}, {{q, {-800, 900}}});
    const pika::canvas::Point moved = document().graph().Find(q)->position;
    window_->tidyLayout();
    QCOMPARE(document().undoStack()->undoText(), QString("tidy layout"));
    const auto& nodes = document().graph().nodes();
    QCOMPARE(nodes.at(q).position.x, nodes.at(p).position.x);
    QVERIFY(nodes.at(q).position.x > nodes.at(t).position.x);
    QCOMPARE(window_->scene().item(q)->pos(),
             QPointF(nodes.at(q).position.x, nodes.at(q).position.y));
    document().undoStack()->undo();
    QCOMPARE(document().graph().Find(q)->position, moved);
  }

  void typingSqlRunsItAndFillsThePreviewLazily() {
    const NodeId t = document().addNode(MakeNode(NodeKind::kTable, "points", csv_.toStdString()));
    const NodeId q = window_->addNode(NodeKind::kQuery);  // wired to nothing: nothing selected
    QVERIFY(document().connectNodes(t, q).isEmpty());
    window_->inspector().showNode(q);
    SqlEditor* editor = window_->inspector().queryEditor()->sqlEditor();
    editor->clear();
    editor->setFocus();
    QTest::keyClicks(editor, "SELECT x, y FROM points WHERE x >= 500 ORDER BY x");
    QVERIFY(WaitIdle());
    const NodeRun& run = runner().run(q);
    QCOMPARE(int(run.state), int(RunState::kReady));
    QCOMPARE(run.relation->rows, uint64_t{500});
    NodeRowsModel* preview = window_->inspector().queryEditor()->preview();
    QCOMPARE(preview->rowCount(), 500);
    preview->data(preview->index(0, 0), Qt::DisplayRole);  // asks for the first page
    QTRY_VERIFY_WITH_TIMEOUT(preview->pagesFetched() > 0, kRunTimeoutMs);
    QCOMPARE(preview->data(preview->index(0, 0), Qt::DisplayRole).toString(), QString("500"));
    QCOMPARE(preview->data(preview->index(499, 1), Qt::DisplayRole).toString(), QString("…"));
    // One undo step takes back the whole edit.
    document().undoStack()->undo();
    QCOMPARE(QString::fromStdString(document().graph().Find(q)->sql), QString(""));
  }

  void askingAQueryAgainIsAnsweredFromTheCacheAndSaysSo() {
    const NodeId t = document().addNode(MakeNode(NodeKind::kTable, "points", csv_.toStdString()));
    const NodeId q =
        document().addNode(MakeNode(NodeKind::kQuery, "q", "SELECT * FROM points WHERE x > 10"));
    QVERIFY(document().connectNodes(t, q).isEmpty());
    QVERIFY(WaitIdle());
    QCOMPARE(runner().run(q).relation->rows, uint64_t{989});
    QVERIFY(runner().run(q).relation->cache_note.empty());  // computed
    Node edited = *document().graph().Find(q);
    edited.sql = "SELECT * FROM points WHERE x > 500";
    document().updateNode(edited);
    QVERIFY(WaitIdle());
    QCOMPARE(runner().run(q).relation->rows, uint64_t{499});
    document().undoStack()->undo();  // the first question again
    QVERIFY(WaitIdle());
    QCOMPARE(runner().run(q).relation->rows, uint64_t{989});
    QVERIFY2(runner().run(q).relation->cache_note.find("from the cache") != std::string::npos,
             runner().run(q).relation->cache_note.c_str());
    // New data in the table: the cached count must not be reused.
    QFile file(csv_);
    const QByteArray original = [&] {
      QFile in(csv_);
      in.open(QIODevice::ReadOnly);
      return in.readAll();
    }();
    QVERIFY(file.open(QIODevice::Append));
    file.write("2000,1,odd\n");
    file.close();
    runner().rerun(t);
    QVERIFY(WaitIdle());
    QCOMPARE(runner().run(q).relation->rows, uint64_t{990});
    QVERIFY(runner().run(q).relation->cache_note.empty());
    QFile restore(csv_);
    QVERIFY(restore.open(QIODevice::WriteOnly));
    restore.write(original);
  }

  void completionAsksTheEngineForWhatFitsTheCursor() {
    const NodeId q = document().addNode(MakeNode(NodeKind::kQuery, "q", ""));
    window_->inspector().showNode(q);
    SqlEditor* editor = window_->inspector().queryEditor()->sqlEditor();
    editor->setFocus();
    QTest::keyClicks(editor, "SELECT stddev_");
    // DuckDB knows its functions; the local list (keywords, node names) does not.
    QTRY_VERIFY_WITH_TIMEOUT(editor->completions().contains("stddev_pop"), kRunTimeoutMs);
  }

  void aBrokenQueryShowsWhereAndStopsWhatDependsOnIt() {
    const NodeId t = document().addNode(MakeNode(NodeKind::kTable, "points", csv_.toStdString()));
    const NodeId q = document().addNode(MakeNode(NodeKind::kQuery, "q", "SELECT x FROM points"));
    Node plot = MakeNode(NodeKind::kPlot, "p");
    plot.plot = {"histogram", "x", "", "", ""};
    const NodeId p = document().addNode(plot);
    QVERIFY(document().connectNodes(t, q).isEmpty());
    QVERIFY(document().connectNodes(q, p).isEmpty());
    QVERIFY(WaitIdle());
    QCOMPARE(int(runner().run(p).state), int(RunState::kReady));
    Node broken = *document().graph().Find(q);
    broken.sql = "SELECT x\nFROM points\nWHERE nope > 1";
    document().updateNode(broken);
    QVERIFY(WaitIdle());
    const NodeRun& failed = runner().run(q);
    QCOMPARE(int(failed.state), int(RunState::kError));
    QVERIFY2(failed.message.contains("nope"), qPrintable(failed.message));
    QVERIFY(failed.error_position.has_value());
    QCOMPARE(failed.error_position->line, 3);
    QCOMPARE(int(runner().run(p).state), int(RunState::kError));
    QCOMPARE(runner().run(p).message, QString("input 'q' failed"));
  }

  void aPlotNodeDrawsItsInputAndOpensInAWindow() {
    const NodeId t = document().addNode(MakeNode(NodeKind::kTable, "points", csv_.toStdString()));
    Node plot = MakeNode(NodeKind::kPlot, "p");
    plot.plot = {"scatter", "x", "y", "", "points"};
    const NodeId p = document().addNode(plot);
    QVERIFY(document().connectNodes(t, p).isEmpty());
    QVERIFY(WaitIdle());
    const NodeRun& run = runner().run(p);
    QCOMPARE(int(run.state), int(RunState::kReady));
    QCOMPARE(run.plot->data.x.size(), size_t{1000});
    QVERIFY(QString::fromStdString(run.plot->scene.badge).contains("1,000"));
    PlotWindow window(document(), runner(), window_->engine(), p);
    window.resize(700, 450);
    window.show();
    QTRY_VERIFY_WITH_TIMEOUT(window.navigator().scene() != nullptr, kRunTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(window.navigator().scene()->scene.width,
                              double(window.view()->width()), kRunTimeoutMs);

    // Zooming re-reduces for the part in view, and the axes show exactly that part.
    PlotNavigator* view = &window.navigator();
    const PlotScene all = *view->scene();
    const QPointF middle((all.area_left + all.area_right) / 2,
                         (all.area_top + all.area_bottom) / 2);
    view->zoomAt(middle, 4.0);
    QVERIFY(view->window().has_value());
    const DataWindow zoomed = *view->window();
    QVERIFY(std::abs((zoomed.x_max - zoomed.x_min) - (all.x_max - all.x_min) / 4) < 1e-6);
    QTRY_VERIFY_WITH_TIMEOUT(view->scene()->x_min == zoomed.x_min, kRunTimeoutMs);
    QCOMPARE(view->scene()->x_max, zoomed.x_max);
    if (qEnvironmentVariableIsSet("PIKA_UI_SHOTS"))
      window.view()->grab().save(qEnvironmentVariable("PIKA_UI_SHOTS") + "/zoomed_scatter.png");
    const uint64_t in_view = view->scene()->reduction.rows_in_view;
    QVERIFY2(in_view > 0 && in_view < 1000, qPrintable(QString::number(in_view)));
    // Hovering a drawn point names its values.
    const pika::PointsMark* points = nullptr;
    for (const pika::Mark& mark : view->scene()->scene.marks) {
      if (const auto* found = std::get_if<pika::PointsMark>(&mark)) points = found;
    }
    QVERIFY(points != nullptr && !points->centers.empty());
    const pika::ScenePoint center = points->centers.front();
    QVERIFY2(view->hoverText(QPointF(center.x + 1, center.y)).startsWith("point: x "),
             qPrintable(view->hoverText(QPointF(center.x + 1, center.y))));
    // Dragging right by the width of the plot area moves the window one span to the left.
    view->panBy(QPointF(all.area_right - all.area_left, 0));
    QTRY_VERIFY_WITH_TIMEOUT(view->scene()->x_max < zoomed.x_min + 1e-6, kRunTimeoutMs);
    view->showAll();
    QVERIFY(!view->window().has_value());
    QTRY_COMPARE_WITH_TIMEOUT(view->scene()->reduction.rows_in_view, uint64_t{1000}, kRunTimeoutMs);
  }

  void aPlotOfManyRowsShowsACoarseLevelFirstThenTheExactOne() {
    const QString parquet = WritePoints("many.parquet", 4'000'000);
    QVERIFY(!parquet.isEmpty());
    const NodeId q = document().addNode(MakeNode(NodeKind::kTable, "many", parquet.toStdString()));
    QVERIFY(WaitIdle());
    Node plot = MakeNode(NodeKind::kPlot, "p");
    plot.plot = {"scatter", "x", "y", "", "many rows"};
    const NodeId p = document().addNode(plot);
    PlotWindow window(document(), runner(), window_->engine(), p);
    window.resize(700, 450);
    window.show();
    bool coarse_shown = false;
    QString coarse_status;
    connect(&runner(), &GraphRunner::runChanged, &window, [&](NodeId changed) {
      const NodeRun& run = runner().run(changed);
      if (changed != p || !run.coarse || run.state != RunState::kRunning) return;
      coarse_shown = window.navigator().scene() != nullptr && window.navigator().scene()->coarse;
      coarse_status = window.statusText();
      if (qEnvironmentVariableIsSet("PIKA_UI_SHOTS"))
        window.grab().save(qEnvironmentVariable("PIKA_UI_SHOTS") + "/coarse_level.png");
    });
    QVERIFY(document().connectNodes(q, p).isEmpty());
    QVERIFY(WaitIdle());
    QVERIFY(coarse_shown);
    QVERIFY2(coarse_status.startsWith("coarse: ~") && coarse_status.contains("% sample"),
             qPrintable(coarse_status));
    const NodeRun& run = runner().run(p);
    QCOMPARE(int(run.state), int(RunState::kReady));
    QVERIFY(!run.coarse);
    QTRY_VERIFY_WITH_TIMEOUT(!window.navigator().scene()->coarse, kRunTimeoutMs);
    QVERIFY2(window.statusText().startsWith("density of 4,000,000 rows"),
             qPrintable(window.statusText()));
    if (qEnvironmentVariableIsSet("PIKA_UI_SHOTS"))
      window.grab().save(qEnvironmentVariable("PIKA_UI_SHOTS") + "/exact_level.png");
  }

  void aPlotPastTheMemoryBudgetIsReducedInDuckDbAndZoomsThere() {
    const QString parquet = WritePoints("past_budget.parquet", 400'000);
    QVERIFY(!parquet.isEmpty());
    const NodeId t = document().addNode(MakeNode(NodeKind::kTable, "big", parquet.toStdString()));
    QVERIFY(WaitIdle());
    // A quarter of 20MB holds 312,500 rows of x and y: these 400,000 are past it.
    const QByteArray limit = qgetenv("PIKA_MEMORY_LIMIT");
    qputenv("PIKA_MEMORY_LIMIT", "20MB");
    const auto restore = qScopeGuard([limit] {
      if (limit.isNull())
        qunsetenv("PIKA_MEMORY_LIMIT");
      else
        qputenv("PIKA_MEMORY_LIMIT", limit);
    });
    Node plot = MakeNode(NodeKind::kPlot, "p");
    plot.plot = {"scatter", "x", "y", "", "past the budget"};
    const NodeId p = document().addNode(plot);
    QVERIFY(document().connectNodes(t, p).isEmpty());
    QVERIFY(WaitIdle());
    const NodeRun& run = runner().run(p);
    QCOMPARE(int(run.state), int(RunState::kReady));
    QVERIFY2(run.plot->reduced_in_duckdb, run.plot->scene.badge.c_str());
    QVERIFY(run.plot->data.x.empty());  // no rows came into memory
    QVERIFY2(QString::fromStdString(run.plot->scene.badge).contains("reduced in DuckDB"),
             run.plot->scene.badge.c_str());
    QCOMPARE(run.plot->scene.reduction.rows_represented, uint64_t{400000});
    PlotWindow window(document(), runner(), window_->engine(), p);
    QVERIFY(ShowAndWait(window));
    // A zoom is reduced in DuckDB again, for the window only, and says so while it runs.
    PlotNavigator* view = &window.navigator();
    QStringList notices;
    connect(view, &PlotNavigator::notice, &window,
            [&notices](const QString& text, bool) { notices << text; });
    const PlotScene all = *view->scene();
    view->zoomAt(
        QPointF((all.area_left + all.area_right) / 2, (all.area_top + all.area_bottom) / 2), 4.0);
    const DataWindow zoomed = *view->window();
    QTRY_VERIFY_WITH_TIMEOUT(view->scene()->x_min == zoomed.x_min, kRunTimeoutMs);
    const uint64_t in_view = view->scene()->reduction.rows_in_view;
    QVERIFY2(in_view > 0 && in_view < 400000, qPrintable(QString::number(in_view)));
    QVERIFY2(window.statusText().contains("DuckDB"), qPrintable(window.statusText()));
    QVERIFY2(!notices.isEmpty() && notices.front().startsWith("reducing in DuckDB"),
             qPrintable(notices.join(" | ")));
    if (qEnvironmentVariableIsSet("PIKA_UI_SHOTS"))
      window.grab().save(qEnvironmentVariable("PIKA_UI_SHOTS") + "/past_budget_zoomed.png");
  }

  void logAxesAndSizesComeFromTheInspectorAndBrushesAreWrittenInValues() {
    const NodeId p = AddPlotOfPoints("p", {"scatter", "x", "y", "", ""});
    QVERIFY(p != pika::canvas::kNoNode);
    QVERIFY(WaitIdle());
    window_->inspector().showNode(p);
    PlotEditor* editor = window_->inspector().plotEditor();
    editor->logX()->setChecked(true);
    editor->logY()->setChecked(true);
    QVERIFY(document().graph().Find(p)->plot.y_log);
    QVERIFY(WaitIdle());
    const NodeRun& run = runner().run(p);
    QCOMPARE(int(run.state), int(RunState::kReady));
    // x from 1 to 999 (the row at 0 is left off): the axis spans decades.
    QVERIFY(run.plot->scene.x_min <= 0.0 && run.plot->scene.x_max >= std::log10(999.0));
    QVERIFY2(
        QString::fromStdString(run.plot->scene.badge).endsWith("1 row <= 0 left off the log axis"),
        run.plot->scene.badge.c_str());
    PlotWindow window(document(), runner(), window_->engine(), p);
    QVERIFY(ShowAndWait(window));
    const pika::PlotScene& scene = *window.navigator().scene();
    // Brush the right half across its whole height and past it: a range of x in values.
    const double middle = (scene.area_left + scene.area_right) / 2;
    QTest::mousePress(window.view(), Qt::LeftButton, Qt::ShiftModifier,
                      QPoint(int(middle), int(scene.area_top) - 5));
    QTest::mouseRelease(window.view(), Qt::LeftButton, Qt::ShiftModifier,
                        QPoint(int(scene.area_right) - 1, int(scene.area_bottom) + 5));
    const std::string brush = document().graph().Find(p)->plot.brush;
    QVERIFY2(brush.rfind("\"x\" BETWEEN ", 0) == 0, brush.c_str());
    const double low = std::stod(brush.substr(std::string("\"x\" BETWEEN ").size()));
    const double expected = std::pow(10.0, (scene.x_min + scene.x_max) / 2);
    QVERIFY2(low > expected * 0.9 && low < expected * 1.1, brush.c_str());
    // Sized by a column: the points come in more than one size.
    editor->sizePicker()->setCurrentText("x");
    QCOMPARE(QString::fromStdString(document().graph().Find(p)->plot.size), QString("x"));
    QVERIFY(WaitIdle());
    std::set<double> radii;
    for (const pika::Mark& mark : runner().run(p).plot->scene.scene.marks)
      if (const auto* points = std::get_if<pika::PointsMark>(&mark)) radii.insert(points->radius);
    QVERIFY(radii.size() > 3);
    // The kind without log axes or sizes turns them off, in the same step.
    editor->kindPicker()->setCurrentText("histogram");
    QVERIFY(document().graph().Find(p)->plot.size.empty());
    QVERIFY(!document().graph().Find(p)->plot.x_log);
    QVERIFY(!editor->logX()->isEnabled());
  }

  void pickingAColourColumnColoursThePlotAndAKindWithoutColourClearsIt() {
    const NodeId p = AddPlotOfPoints("p", {"scatter", "x", "y", "", ""});
    QVERIFY(p != pika::canvas::kNoNode);
    QVERIFY(WaitIdle());
    window_->inspector().showNode(p);
    PlotEditor* editor = window_->inspector().plotEditor();
    QVERIFY(editor->colorPicker()->isEnabled());
    QVERIFY(editor->colorPicker()->findText("kind") >= 0);  // the input's columns are offered
    editor->colorPicker()->setCurrentText("kind");
    QCOMPARE(QString::fromStdString(document().graph().Find(p)->plot.color), QString("kind"));
    QVERIFY(WaitIdle());
    const NodeRun& run = runner().run(p);
    QCOMPARE(int(run.state), int(RunState::kReady));
    QCOMPARE(run.plot->data.color.names, (std::vector<std::string>{"even", "odd"}));
    bool legend = false;
    for (const pika::Mark& mark : run.plot->scene.scene.marks) {
      if (const auto* text = std::get_if<pika::TextMark>(&mark)) legend |= text->text == "odd";
    }
    QVERIFY(legend);
    // A histogram is drawn in one colour: choosing it clears the colour, in one undo step.
    editor->kindPicker()->setCurrentText("histogram");
    QCOMPARE(QString::fromStdString(document().graph().Find(p)->plot.color), QString());
    QVERIFY(!editor->colorPicker()->isEnabled());
    QVERIFY(WaitIdle());
    QCOMPARE(int(runner().run(p).state), int(RunState::kReady));
    document().undoStack()->undo();
    QCOMPARE(QString::fromStdString(document().graph().Find(p)->plot.color), QString("kind"));
    QCOMPARE(QString::fromStdString(document().graph().Find(p)->plot.kind), QString("scatter"));
  }

  void aPlotWindowCopiesItsSqlAndExportsTheRowsInView() {
    const NodeId p = AddPlotOfPoints("p", {"scatter", "x", "y", "", ""});
    QVERIFY(p != pika::canvas::kNoNode);
    QVERIFY(WaitIdle());
    PlotWindow window(document(), runner(), window_->engine(), p);
    QVERIFY(ShowAndWait(window));
    QPushButton* copy = nullptr;
    for (QPushButton* button : window.findChildren<QPushButton*>())
      if (button->text() == "Copy SQL") copy = button;
    QVERIFY(copy != nullptr);
    copy->click();
    const QString sql = QGuiApplication::clipboard()->text();
    QVERIFY2(sql.contains(csv_) && sql.contains("SELECT \"x\", \"y\""), qPrintable(sql));
    // Zoomed to x in [250, 500] and all of y: those rows, with every column.
    PlotNavigator& view = window.navigator();
    view.showWindow(pika::DataWindow{250, 500, -100, 3000});
    const QString path = dir_.filePath("in_view.csv");
    window.exportDataTo(path);
    QTRY_VERIFY_WITH_TIMEOUT(window.statusText().startsWith("saved the data in view"),
                             kRunTimeoutMs);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
    QCOMPARE(lines.first(), QByteArray("x,y,kind"));
    QCOMPARE(lines.size(), 1 + 251);
    QCOMPARE(lines[1], QByteArray("250,500,even"));
  }

  void theExportDialogWritesEveryPlotAndASummaryAndSaysWhatFailed() {
    const NodeId t = document().addNode(MakeNode(NodeKind::kTable, "points", csv_.toStdString()));
    Node scatter = MakeNode(NodeKind::kPlot, "scatter_plot");
    scatter.plot = {"scatter", "x", "y", "", "Points", "kind"};
    Node bars = MakeNode(NodeKind::kPlot, "kinds");
    bars.plot = {"bar", "kind", "", "count", "", ""};
    Node broken = MakeNode(NodeKind::kPlot, "broken");
    broken.plot = {"scatter", "x", "no_such_column", "", "", ""};
    Node note = MakeNode(NodeKind::kNote, "");
    note.text = "Exported by the test.";
    document().addNode(note);
    for (const Node& plot : {scatter, bars, broken}) {
      const NodeId p = document().addNode(plot);
      QVERIFY(document().connectNodes(t, p).isEmpty());
    }
    QVERIFY(WaitIdle());
    ExportDialog* dialog = window_->exportPlots();
    QVERIFY(dialog->setScope(2));  // the whole workspace
    const QString folder = dir_.filePath("exports");
    dialog->setFolder(folder);
    dialog->setFormat(ExportFormat::kPng);
    dialog->start();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->running(), kRunTimeoutMs);
    QVERIFY2(dialog->resultText().contains("Wrote 3 files"), qPrintable(dialog->resultText()));
    QVERIFY2(dialog->resultText().contains("broken: "), qPrintable(dialog->resultText()));
    if (qEnvironmentVariableIsSet("PIKA_UI_SHOTS")) {
      dialog->grab().save(qEnvironmentVariable("PIKA_UI_SHOTS") + "/export_dialog.png");
      QFile::copy(folder + "/scatter_plot.png",
                  qEnvironmentVariable("PIKA_UI_SHOTS") + "/exported_scatter.png");
    }
    QVERIFY(!QImage(folder + "/scatter_plot.png").isNull());
    QCOMPARE(QImage(folder + "/kinds.png").width(), 2 * 1200);  // 192 DPI by default
    QFile summary(folder + "/summary.md");
    QVERIFY(summary.open(QIODevice::ReadOnly));
    const QString md = QString::fromUtf8(summary.readAll());
    QVERIFY2(md.contains("![scatter_plot](<scatter_plot.png>)"), qPrintable(md));
    QVERIFY2(md.contains("> Exported by the test."), qPrintable(md));
    QVERIFY2(md.contains("```sql\n-- The data behind plot 'scatter_plot'"), qPrintable(md));
    QVERIFY2(md.contains("## broken\n\nNot exported: "), qPrintable(md));
    // The data behind each plot, as CSV: the bar plot's file holds its two bars.
    dialog->setFormat(ExportFormat::kCsv);
    dialog->start();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->running(), kRunTimeoutMs);
    QFile kinds(folder + "/kinds.csv");
    QVERIFY(kinds.open(QIODevice::ReadOnly));
    QCOMPARE(kinds.readAll().trimmed().split('\n').size(), 3);
    // One PDF, a page per plot that could be drawn.
    dialog->setFormat(ExportFormat::kPdf);
    dialog->start();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->running(), kRunTimeoutMs);
    QFile pdf(folder + "/plots.pdf");
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    QCOMPARE(pdf.readAll().count("/Type /Page\n"), 2);
    dialog->close();
  }

  void brushingAPlotFiltersWhatItFeedsUndoesAndBecomesAFilterNode() {
    const NodeId t = document().addNode(MakeNode(NodeKind::kTable, "points", csv_.toStdString()));
    Node scatter = MakeNode(NodeKind::kPlot, "scatter_plot");
    scatter.plot = {"scatter", "x", "y", "", "", ""};
    Node histogram = MakeNode(NodeKind::kPlot, "hist");
    histogram.plot = {"histogram", "x", "", "", "", ""};
    const NodeId a = document().addNode(scatter);
    const NodeId b = document().addNode(histogram);
    QVERIFY(document().connectNodes(t, a).isEmpty());
    QVERIFY(document().connectNodes(a, b).isEmpty());  // a plot passes its rows on
    QVERIFY(WaitIdle());
    QCOMPARE(runner().run(b).plot->data.binned_rows, uint64_t{1000});

    // Shift+drag over the left half of the scatter plot's area, all the way up and down.
    PlotWindow window(document(), runner(), window_->engine(), a);
    QVERIFY(ShowAndWait(window));
    const pika::PlotScene all = *window.navigator().scene();
    const double middle = (all.area_left + all.area_right) / 2;
    QWidget* view = window.view();
    QTest::mousePress(view, Qt::LeftButton, Qt::ShiftModifier,
                      QPoint(int(all.area_left) - 5, int(all.area_top) - 5));
    QTest::mouseMove(view, QPoint(int(middle), int(all.area_bottom) + 5));
    if (qEnvironmentVariableIsSet("PIKA_UI_SHOTS"))
      window.grab().save(qEnvironmentVariable("PIKA_UI_SHOTS") + "/brushing.png");
    const auto drawn = runner().run(a).plot;
    // While what the plot passes on runs again, the drawing never leaves the canvas.
    bool drawing_kept = true;
    const auto watch = connect(&runner(), &GraphRunner::runChanged, this, [&](NodeId changed) {
      if (changed == a) drawing_kept = drawing_kept && runner().run(a).plot == drawn;
    });
    QTest::mouseRelease(view, Qt::LeftButton, Qt::ShiftModifier,
                        QPoint(int(middle), int(all.area_bottom) + 5));
    // Past the top and bottom of the plot: a range of x alone.
    const std::string brush = document().graph().Find(a)->plot.brush;
    QVERIFY2(brush.starts_with("\"x\" BETWEEN ") && brush.find("\"y\"") == std::string::npos,
             brush.c_str());
    QVERIFY(WaitIdle());
    // The brushed plot keeps its drawing (its rows are not fetched again), and the region
    // stays marked after the drag: tinted blue left of the middle, not right of it.
    QCOMPARE(runner().run(a).plot, drawn);
    disconnect(watch);
    QVERIFY(drawing_kept);
    const QImage after = view->grab().toImage();
    const pika::PlotScene& now = *window.navigator().scene();
    const auto tint = [&](double share) {
      const QColor pixel = after.pixelColor(
          int(now.area_left + share * (now.area_right - now.area_left)), int(now.area_top) + 3);
      return pixel.blue() - pixel.red();
    };
    QVERIFY2(tint(0.2) > 20, qPrintable(QString::number(tint(0.2))));
    QCOMPARE(tint(0.63), 0);
    // The histogram counts exactly the rows DuckDB finds with the same predicate.
    pika::test::Engine check = pika::test::OpenEngine();
    const std::string expected =
        pika::test::QueryValue(check.connection, "SELECT count(*) FROM read_csv('" +
                                                     csv_.toStdString() + "') WHERE " + brush);
    QCOMPARE(QString::number(runner().run(b).plot->data.binned_rows),
             QString::fromStdString(expected));
    QVERIFY(runner().run(b).plot->data.binned_rows < 1000);
    QVERIFY(window.statusText().contains("brushed: "));

    // Undo clears the brush, and the histogram counts every row again.
    document().undoStack()->undo();
    QVERIFY(document().graph().Find(a)->plot.brush.empty());
    QVERIFY(WaitIdle());
    QCOMPARE(runner().run(b).plot->data.binned_rows, uint64_t{1000});
    document().undoStack()->redo();
    QVERIFY(WaitIdle());

    // The brush becomes a Query node that feeds the histogram instead.
    const NodeId filter = document().brushToFilter(a);
    QVERIFY(filter != pika::canvas::kNoNode);
    QVERIFY(document().graph().Find(a)->plot.brush.empty());
    QCOMPARE(document().graph().Inputs(b), std::vector<NodeId>{filter});
    QVERIFY(WaitIdle());
    QCOMPARE(QString::number(runner().run(b).plot->data.binned_rows),
             QString::fromStdString(expected));
    document().undoStack()->undo();  // one step takes it all back
    QVERIFY(document().graph().Find(filter) == nullptr);
    QCOMPARE(document().graph().Inputs(b), std::vector<NodeId>{a});
    QCOMPARE(document().graph().Find(a)->plot.brush, brush);

    // A brush typed wrong says so on the plot, and what it feeds waits for a valid one.
    Node typo = *document().graph().Find(a);
    typo.plot.brush = "no_such_column > 1";
    document().updateNode(typo);
    QVERIFY(WaitIdle());
    QCOMPARE(int(runner().run(a).state), int(RunState::kError));
    QVERIFY2(runner().run(a).message.startsWith("the brush is not a valid condition"),
             qPrintable(runner().run(a).message));
    QCOMPARE(int(runner().run(b).state), int(RunState::kError));
  }

  void rightClickingABarShowsTheRowsBehindItAndClickingPicksIt() {
    const NodeId p = AddPlotOfPoints("kinds", {"bar", "kind", "", "count", "", "", ""});
    QVERIFY(p != pika::canvas::kNoNode);
    QVERIFY(WaitIdle());
    PlotWindow window(document(), runner(), window_->engine(), p);
    QVERIFY(ShowAndWait(window));
    const pika::PlotScene& scene = *window.navigator().scene();
    // The first of the two bars, a quarter of the way across the plot area.
    const QPoint on_bar(int(scene.area_left + (scene.area_right - scene.area_left) / 4),
                        int(scene.area_bottom) - 10);
    QTest::mouseClick(window.view(), Qt::RightButton, {}, on_bar);
    QTRY_VERIFY_WITH_TIMEOUT(window.rowsPopup() != nullptr, kRunTimeoutMs);
    QCOMPARE(window.rowsPopup()->totalRows(), uint64_t{500});
    QCOMPARE(window.rowsPopup()->shownRows(), 200);  // bounded: the first rows only
    if (qEnvironmentVariableIsSet("PIKA_UI_SHOTS"))
      window.rowsPopup()->grab().save(qEnvironmentVariable("PIKA_UI_SHOTS") + "/rows_popup.png");
    QVERIFY(document().graph().Find(p)->plot.brush.empty());  // looking is not brushing
    // A left click picks the bar: the plot passes on its rows.
    QTest::mouseClick(window.view(), Qt::LeftButton, {}, on_bar);
    QCOMPARE(QString::fromStdString(document().graph().Find(p)->plot.brush),
             QString("CAST(\"kind\" AS VARCHAR) = 'even'"));
    QVERIFY(WaitIdle());
    QCOMPARE(runner().run(p).relation->rows, uint64_t{500});
  }

  void aBoxPlotPicksAGroupByClickAndIgnoresRangeBrushes() {
    const NodeId p = AddPlotOfPoints("boxes", {"box", "kind", "y", "", "", "", ""});
    QVERIFY(p != pika::canvas::kNoNode);
    QVERIFY(WaitIdle());
    QCOMPARE(int(runner().run(p).state), int(RunState::kReady));
    QCOMPARE(runner().run(p).plot->data.box.boxes.size(), size_t{2});
    PlotWindow window(document(), runner(), window_->engine(), p);
    QVERIFY(ShowAndWait(window));
    const pika::PlotScene& scene = *window.navigator().scene();
    const QPoint on_box(int(scene.area_left + (scene.area_right - scene.area_left) / 4),
                        int((scene.area_top + scene.area_bottom) / 2));
    // A shift-drag across a box plot is no range of anything: nothing is brushed.
    QTest::mousePress(window.view(), Qt::LeftButton, Qt::ShiftModifier, on_box);
    QTest::mouseRelease(window.view(), Qt::LeftButton, Qt::ShiftModifier, on_box + QPoint(80, 40));
    QVERIFY(document().graph().Find(p)->plot.brush.empty());
    QTest::mouseClick(window.view(), Qt::LeftButton, {}, on_box);
    QCOMPARE(QString::fromStdString(document().graph().Find(p)->plot.brush),
             QString("CAST(\"kind\" AS VARCHAR) = 'even'"));
    QVERIFY(WaitIdle());
    QCOMPARE(runner().run(p).relation->rows, uint64_t{500});
  }

  void aHeatmapNodeCountsItsCellsAndTakesNoRangeBrush() {
    const NodeId p = AddPlotOfPoints("heat", {"heatmap", "kind", "y", "", "", "", ""});
    QVERIFY(p != pika::canvas::kNoNode);
    QVERIFY(WaitIdle());
    QCOMPARE(int(runner().run(p).state), int(RunState::kReady));
    const pika::Heatmap& heatmap = runner().run(p).plot->data.heatmap;
    QCOMPARE(heatmap.cells.x.names, (std::vector<std::string>{"even", "odd"}));
    QCOMPARE(heatmap.rows, uint64_t{1000});
    PlotWindow window(document(), runner(), window_->engine(), p);
    QVERIFY(ShowAndWait(window));
    const pika::PlotScene& scene = *window.navigator().scene();
    const QPoint inside(int(scene.area_left + 20), int(scene.area_top + 20));
    // Hovering names the cell: its bands and its rows.
    const QString hover = window.navigator().hoverText(inside);
    QVERIFY2(hover.startsWith("kind even, y ") && hover.contains(" rows"), qPrintable(hover));
    QTest::mousePress(window.view(), Qt::LeftButton, Qt::ShiftModifier, inside);
    QTest::mouseRelease(window.view(), Qt::LeftButton, Qt::ShiftModifier, inside + QPoint(80, 40));
    QVERIFY(document().graph().Find(p)->plot.brush.empty());
  }

  void aChangedSourceFileIsOfferedForReloadOrReloadedAutomatically() {
    const QString source = dir_.filePath("changing.csv");
    QFile::remove(source);
    QVERIFY(QFile::copy(csv_, source));
    QFile::setPermissions(source, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const NodeId t = document().addNode(MakeNode(NodeKind::kTable, "points", source.toStdString()));
    const NodeId q =
        document().addNode(MakeNode(NodeKind::kQuery, "q", "SELECT * FROM points WHERE x >= 0"));
    QVERIFY(document().connectNodes(t, q).isEmpty());
    QVERIFY(WaitIdle());
    QCOMPARE(runner().run(t).relation->rows, uint64_t{1000});
    auto append = [&](int rows) {
      QFile file(source);
      QVERIFY(file.open(QIODevice::Append));
      for (int i = 0; i < rows; ++i) file.write("5,5,even\n");
    };
    append(10);
    QTRY_VERIFY_WITH_TIMEOUT(window_->pendingReloads().contains(t), 10'000);
    QCOMPARE(runner().run(t).relation->rows, uint64_t{1000});  // nothing changes unasked
    if (qEnvironmentVariableIsSet("PIKA_UI_SHOTS"))
      window_->grab().save(qEnvironmentVariable("PIKA_UI_SHOTS") + "/reload_bar.png");
    window_->reloadChangedSources();
    QVERIFY(WaitIdle());
    QCOMPARE(runner().run(t).relation->rows, uint64_t{1010});
    // The query ran again over the new rows: the cache's answer over the old ones is stale.
    QCOMPARE(runner().run(q).relation->rows, uint64_t{1010});
    window_->setAutoReload(true);
    append(5);
    QTRY_VERIFY_WITH_TIMEOUT(runner().run(t).relation && runner().run(t).relation->rows == 1015,
                             10'000);
    QVERIFY(window_->pendingReloads().empty());
    window_->setAutoReload(false);
  }

  void aQueryExpectedToBeHugeWaitsForTheGoAhead() {
    const NodeId t = document().addNode(MakeNode(NodeKind::kTable, "points", csv_.toStdString()));
    const NodeId q = document().addNode(
        MakeNode(NodeKind::kQuery, "q", "SELECT * FROM points a, points b, points c, points d"));
    QVERIFY(document().connectNodes(t, q).isEmpty());
    QVERIFY(WaitIdle());
    const NodeRun& held = runner().run(q);
    QCOMPARE(int(held.state), int(RunState::kIdle));
    QVERIFY2(held.message.contains("1,000,000,000,000 rows") && held.message.contains("Ctrl+Enter"),
             qPrintable(held.message));
    // The inspector offers the first rows, as one undo step, and running it anyway.
    window_->inspector().showNode(q);
    QueryEditor* editor = window_->inspector().queryEditor();
    QVERIFY(editor->limitButton()->isVisibleTo(editor));
    QVERIFY(editor->runAnywayButton()->isVisibleTo(editor));
    QTest::mouseClick(editor->limitButton(), Qt::LeftButton);
    QVERIFY(WaitIdle());
    QCOMPARE(int(runner().run(q).state), int(RunState::kReady));
    QCOMPARE(runner().run(q).relation->rows, uint64_t{10'000});
    QVERIFY(!editor->limitButton()->isVisibleTo(editor));
    document().undoStack()->undo();
    QVERIFY(WaitIdle());
    QVERIFY(runner().run(q).held_back);
    QTest::mouseClick(editor->runAnywayButton(), Qt::LeftButton);  // as Ctrl+Enter does
    QTRY_COMPARE_WITH_TIMEOUT(int(runner().run(q).state), int(RunState::kRunning), kRunTimeoutMs);
    runner().cancel(q);
    QVERIFY(WaitIdle());
  }

  void renamingATableKeepsItsRowsUnderTheNewName() {
    const NodeId t = document().addNode(MakeNode(NodeKind::kTable, "points", csv_.toStdString()));
    const NodeId q =
        document().addNode(MakeNode(NodeKind::kQuery, "q", "SELECT count(*) AS n FROM renamed"));
    QVERIFY(document().connectNodes(t, q).isEmpty());
    QVERIFY(WaitIdle());
    QCOMPARE(int(runner().run(q).state), int(RunState::kError));
    QVERIFY(document().renameNode(t, "renamed").isEmpty());
    QVERIFY(WaitIdle());
    QCOMPARE(int(runner().run(q).state), int(RunState::kReady));
    QCOMPARE(runner().run(q).relation->rows, uint64_t{1});
    QVERIFY(document().renameNode(t, "select").contains("keyword"));
  }

  void rightClickMenusAddWhereClickedAndDisconnectWires() {
    auto trigger = [](QMenu* menu, const QString& text) {
      for (QAction* action : menu->actions()) {
        if (action->text() == text) {
          action->trigger();
          delete menu;
          return true;
        }
      }
      delete menu;
      return false;
    };
    QVERIFY(trigger(window_->contextMenu(0, 0, 0, QPointF(100, 200)), "Add Table here"));
    const NodeId table = document().graph().nodes().rbegin()->first;
    QCOMPARE(document().graph().Find(table)->position, (pika::canvas::Point{100, 200}));
    const NodeId query = document().addNode(MakeNode(NodeKind::kQuery, "q", "SELECT 1"));
    QVERIFY(document().connectNodes(table, query).isEmpty());
    QVERIFY(trigger(window_->contextMenu(0, table, query, QPointF()), "Disconnect"));
    QVERIFY(document().graph().edges().empty());
    window_->scene().item(query)->setSelected(true);
    QVERIFY(trigger(window_->contextMenu(query, 0, 0, QPointF()), "Delete"));
    QVERIFY(document().graph().Find(query) == nullptr);
  }

  void theDarkThemeDrawsPlotsDarkAndIsRemembered() {
    const NodeId t = document().addNode(MakeNode(NodeKind::kTable, "points", csv_.toStdString()));
    Node plot = MakeNode(NodeKind::kPlot, "p");
    plot.plot = {"scatter", "x", "y", "", ""};
    const NodeId p = document().addNode(plot);
    QVERIFY(document().connectNodes(t, p).isEmpty());
    QVERIFY(WaitIdle());
    const pika::Rgba light = runner().run(p).plot->scene.scene.background;
    window_->setDarkTheme(true);
    QVERIFY(WaitIdle());
    const pika::Rgba dark = runner().run(p).plot->scene.scene.background;
    QVERIFY(dark.r + dark.g + dark.b < light.r + light.g + light.b);
    QVERIFY(QSettings().value("view/dark").toBool());
    window_->setDarkTheme(false);
    QVERIFY(!QSettings().value("view/dark").toBool());
  }

  void importedFilesAreOfferedAgainAsRecent() {
    window_->importFiles({csv_}, QPointF(0, 0));
    QCOMPARE(QSettings().value("recentFiles").toStringList().value(0), csv_);
  }

  void aSavedWorkspaceOpensWithItsDataEvenWithoutTheSourceFile() {
    const QString source = dir_.filePath("moving.csv");
    QFile::remove(source);
    QVERIFY(QFile::copy(csv_, source));
    const NodeId t = document().addNode(MakeNode(NodeKind::kTable, "points", source.toStdString()));
    const NodeId q =
        document().addNode(MakeNode(NodeKind::kQuery, "q", "SELECT count(*) AS n FROM points"));
    QVERIFY(document().connectNodes(t, q).isEmpty());
    QVERIFY(WaitIdle());
    QVERIFY(window_->isWindowModified());
    const QString path = dir_.filePath("session.pikaplot");
    std::optional<pika::Status> saved;
    window_->saveTo(path, [&](pika::Status status) { saved = status; });
    QTRY_VERIFY_WITH_TIMEOUT(saved.has_value(), kRunTimeoutMs);
    QVERIFY2(saved->ok(), saved->ok() ? "" : saved->error().message.c_str());
    QVERIFY(!window_->isWindowModified());
    QVERIFY(window_->windowTitle().startsWith("session.pikaplot"));
    QCOMPARE(QSettings().value("recentFiles").toStringList().value(0), path);  // Open recent
    QVERIFY(QFile::remove(source));  // the data must come from the workspace file

    std::optional<pika::Result<MainWindow*>> opened;
    MainWindow::openWorkspace(path, window_.get(),
                              [&](pika::Result<MainWindow*> window) { opened = window; });
    QTRY_VERIFY_WITH_TIMEOUT(opened.has_value(), kRunTimeoutMs);
    QVERIFY2(opened->ok(), opened->ok() ? "" : opened->error().message.c_str());
    MainWindow* reopened = **opened;
    QCOMPARE(reopened->document().graph().nodes(), document().graph().nodes());
    QCOMPARE(reopened->document().graph().edges(), document().graph().edges());
    QTRY_VERIFY_WITH_TIMEOUT(
        !reopened->runner().busy() && reopened->runner().run(q).state == RunState::kReady,
        kRunTimeoutMs);
    QCOMPARE(reopened->runner().run(t).relation->rows, uint64_t{1000});
    // Read in place from the workspace's own data folder, not imported into the engine.
    QCOMPARE(reopened->engine().workspaceId(), *pika::ReadWorkspaceId(path.toStdString()));
    QVERIFY(!reopened->engine().restricted());  // saved by this user here: trusted
    std::optional<pika::Result<std::string>> in_place;
    reopened->engine().run<std::string>(
        reopened, 1,
        [t](pika::Connection& connection, const pika::CancelToken&, const pika::ProgressFn&) {
          return pika::NodeDataFile(connection, t);
        },
        [&](pika::Result<std::string> file) { in_place = file; });
    QTRY_VERIFY_WITH_TIMEOUT(in_place.has_value(), kRunTimeoutMs);
    QVERIFY(in_place->ok());
    QVERIFY2(QString::fromStdString(**in_place)
                 .startsWith(QString::fromStdString(reopened->engine().dataFolder().TablesDir())),
             in_place->value().c_str());
    QVERIFY(!reopened->isWindowModified());
    QCOMPARE(reopened->workspacePath(), path);
    reopened->setAttribute(Qt::WA_DeleteOnClose, false);
    delete reopened;
  }

  void aDuckDbDatabaseGivesATableNodePerTableThatASaveCarries() {
    const QString database = dir_.filePath("shop.duckdb");
    QFile::remove(database);
    {
      auto db = pika::Database::Open({database.toStdString()});
      QVERIFY(db.ok());
      auto connection = db->Connect();
      QVERIFY(connection.ok());
      QVERIFY(connection
                  ->Execute("CREATE TABLE orders AS SELECT range AS id FROM range(1234); "
                            "CREATE SCHEMA sales; CREATE TABLE sales.items AS SELECT 1 AS n")
                  .ok());
    }
    window_->importFiles({database}, QPointF(0, 0));
    std::map<std::string, NodeId> nodes;
    for (const auto& [id, node] : document().graph().nodes())
      nodes[node.import.database_table] = id;
    QCOMPARE(nodes.size(), size_t{2});
    QVERIFY(nodes.contains("orders") && nodes.contains("sales.items"));
    QCOMPARE(document().graph().Find(nodes["orders"])->name, std::string("orders"));
    QVERIFY(WaitIdle());
    QVERIFY2(runner().run(nodes["orders"]).relation != nullptr,
             qPrintable(runner().run(nodes["orders"]).message));
    QCOMPARE(runner().run(nodes["orders"]).relation->rows, uint64_t{1234});
    QCOMPARE(runner().run(nodes["sales.items"]).relation->rows, uint64_t{1});
    if (qEnvironmentVariableIsSet("PIKA_UI_SHOTS"))
      window_->grab().save(qEnvironmentVariable("PIKA_UI_SHOTS") + "/duckdb_tables.png");

    const QString path = dir_.filePath("shop.pikaplot");
    std::optional<pika::Status> saved;
    window_->saveTo(path, [&](pika::Status status) { saved = status; });
    QTRY_VERIFY_WITH_TIMEOUT(saved.has_value(), kRunTimeoutMs);
    QVERIFY2(saved->ok(), saved->ok() ? "" : saved->error().message.c_str());
    window_.reset();                   // lets the database file go
    QVERIFY(QFile::remove(database));  // the rows must come from the workspace file
    std::optional<pika::Result<MainWindow*>> opened;
    MainWindow::openWorkspace(path, nullptr,
                              [&](pika::Result<MainWindow*> window) { opened = window; });
    QTRY_VERIFY_WITH_TIMEOUT(opened.has_value(), kRunTimeoutMs);
    QVERIFY2(opened->ok(), opened->ok() ? "" : opened->error().message.c_str());
    MainWindow* reopened = **opened;
    QTRY_VERIFY_WITH_TIMEOUT(!reopened->runner().busy() &&
                                 reopened->runner().run(nodes["orders"]).state == RunState::kReady,
                             kRunTimeoutMs);
    QCOMPARE(reopened->runner().run(nodes["orders"]).relation->rows, uint64_t{1234});
    QCOMPARE(reopened->document().graph().Find(nodes["sales.items"])->import.database_table,
             std::string("sales.items"));
    reopened->setAttribute(Qt::WA_DeleteOnClose, false);
    delete reopened;
  }

  void aWorkspaceDroppedOnTheCanvasOpensInsteadOfBecomingATable() {
    const QString path = dir_.filePath("dropped.pikaplot");
    document().addNode(MakeNode(NodeKind::kNote, "", ""));
    std::optional<pika::Status> saved;
    window_->saveTo(path, [&](pika::Status status) { saved = status; });
    QTRY_VERIFY_WITH_TIMEOUT(saved.has_value() && saved->ok(), kRunTimeoutMs);
    const size_t nodes = document().graph().nodes().size();
    const auto windows = [] {
      int count = 0;
      for (QWidget* widget : QApplication::topLevelWidgets())
        count += qobject_cast<MainWindow*>(widget) != nullptr && widget->isVisible();
      return count;
    };
    const int before = windows();
    window_->importFiles({path}, QPointF(0, 0));
    QCOMPARE(document().graph().nodes().size(), nodes);
    QTRY_COMPARE_WITH_TIMEOUT(windows(), before + 1, kRunTimeoutMs);
    MainWindow* opened = nullptr;
    for (QWidget* widget : QApplication::topLevelWidgets()) {
      auto* window = qobject_cast<MainWindow*>(widget);
      if (window != nullptr && window != window_.get() && window->isVisible()) opened = window;
    }
    QVERIFY(opened != nullptr);
    QCOMPARE(opened->workspacePath(), path);
    opened->setAttribute(Qt::WA_DeleteOnClose, false);
    delete opened;
  }

  void aLongJobShowsItsProgressAfterHalfASecondAndCancelStopsIt() {
    constexpr uint64_t kKey = 77;
    std::optional<pika::Result<bool>> finished;
    window_->engine().run<bool>(
        window_.get(), kKey,
        [](pika::Connection&, const pika::CancelToken& cancel,
           const pika::ProgressFn& progress) -> pika::Result<bool> {
          for (int step = 0; step < 600; ++step) {  // a minute at most
            if (cancel.cancelled()) return pika::Cancelled();
            progress(std::min(0.9, step / 50.0));
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
          }
          return true;
        },
        [&](pika::Result<bool> result) { finished = result; });
    JobProgress dialog(window_->engine(), kKey, "Saving big.pikaplot…", window_.get());
    QVERIFY(!dialog.isVisible());  // a quick job flashes nothing
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isVisible() && dialog.value() > 0, 5000);
    auto* cancel = dialog.findChild<QPushButton*>();
    QVERIFY(cancel != nullptr);
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(finished.has_value(), 5000);
    QVERIFY(!finished->ok());
    QCOMPARE(finished->error().kind, pika::ErrorKind::kCancelled);
  }

  // A workspace written elsewhere (here: by the library, not by this user's window).
  QString StrangersWorkspace(const std::string& query_sql, Node extra = {}) {
    pika::canvas::Graph graph;
    (void)graph.Add(MakeNode(NodeKind::kQuery, "nosy", query_sql));
    if (extra.kind != NodeKind::kNote) (void)graph.Add(extra);
    auto engine = pika::test::OpenEngine();
    const QString path = dir_.filePath("stranger.pikaplot");
    const pika::Status saved =
        pika::SaveWorkspace(engine.connection, pika::RealFileSystem(), path.toStdString(), graph,
                            {}, {}, dir_.path().toStdString());
    return saved.ok() ? path : QString();
  }

  static MainWindow* Opened(const std::optional<pika::Result<MainWindow*>>& opened) {
    return opened && opened->ok() ? **opened : nullptr;
  }

  void aWorkspaceFromElsewhereOpensRestrictedAndItsQueriesSayWhy() {
    const QString secret = dir_.filePath("secret.txt");
    QFile file(secret);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("hunter2");
    file.close();
    const QString path = StrangersWorkspace(
        QString("SELECT content FROM read_text('%1')").arg(secret).toStdString());
    QVERIFY(!path.isEmpty());
    std::optional<pika::Result<MainWindow*>> opened;
    // It asks for no file by name: it opens restricted without a question.
    MainWindow::openWorkspace(path, window_.get(),
                              [&](pika::Result<MainWindow*> window) { opened = window; });
    QTRY_VERIFY_WITH_TIMEOUT(opened.has_value(), kRunTimeoutMs);
    std::unique_ptr<MainWindow> restricted(Opened(opened));
    QVERIFY(restricted != nullptr);
    restricted->setAttribute(Qt::WA_DeleteOnClose, false);
    QVERIFY(restricted->engine().restricted());
    QVERIFY(restricted->windowTitle().contains("(restricted)"));
    const NodeId nosy = restricted->document().graph().FindByName("nosy")->id;
    QTRY_VERIFY_WITH_TIMEOUT(restricted->runner().run(nosy).state == RunState::kError,
                             kRunTimeoutMs);
    const QString message = restricted->runner().run(nosy).message;
    QVERIFY2(message.contains("reads '" + secret + "': not allowed"), qPrintable(message));

    // Trusting it opens it again, with the user's access; the restricted window makes way.
    auto* badge = restricted->findChild<QPushButton*>("restricted");
    QVERIFY(badge != nullptr);
    badge->click();
    MainWindow* trusted = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
          for (QWidget* widget : QApplication::topLevelWidgets()) {
            auto* window = qobject_cast<MainWindow*>(widget);
            if (window && window != restricted.get() && window->workspacePath() == path)
              trusted = window;
          }
          return trusted != nullptr;
        }(),
        kRunTimeoutMs);
    QVERIFY(!trusted->engine().restricted());
    QTRY_VERIFY_WITH_TIMEOUT(trusted->runner().run(nosy).state == RunState::kReady, kRunTimeoutMs);
    QVERIFY(!restricted->isVisible());
    trusted->setAttribute(Qt::WA_DeleteOnClose, false);
    delete trusted;
  }

  void aWorkspaceThatReadsFilesAsksFirstAndCancelOpensNothing() {
    Node table = MakeNode(NodeKind::kTable, "local", csv_.toStdString());
    const QString path = StrangersWorkspace("SELECT 1 AS x", table);
    const auto summary = pika::ReadWorkspaceSummary(path.toStdString());
    QVERIFY(summary.ok());
    QCOMPARE(ReachOf(*summary).files, QStringList{csv_});
    std::optional<pika::Result<MainWindow*>> opened;
    MainWindow::openWorkspace(
        path, window_.get(), [&](pika::Result<MainWindow*> window) { opened = window; },
        TrustChoice::kCancel);
    QVERIFY(opened.has_value());
    QVERIFY(!opened->ok());
    QCOMPARE(opened->error().kind, pika::ErrorKind::kCancelled);
  }

  void theMemoryLimitSettingIsCheckedAndOpensTheNextEngines() {
    const auto refused = window_->setMemoryLimitSetting("lots");
    QVERIFY(!refused.ok());
    QVERIFY2(QString::fromStdString(refused.error().message).contains("'lots' is not a size"),
             refused.error().message.c_str());
    QVERIFY(!window_->setMemoryLimitSetting("1MB").ok());
    QVERIFY(window_->setMemoryLimitSetting(" 1GB ").ok());
    auto engine = EngineSession::Open();
    QVERIFY(engine.ok());
    QCOMPARE((*engine)->memoryLimit().bytes, uint64_t{1'000'000'000});
    QCOMPARE((*engine)->memoryLimit().source, std::string("settings"));
    QVERIFY(window_->setMemoryLimitSetting("").ok());  // back to 80% of memory
    auto fallback = EngineSession::Open();
    QVERIFY(fallback.ok());
    QCOMPARE((*fallback)->memoryLimit().source, std::string("default"));
  }

  void untickingEmbedSavesOnlyThePathAndImportsNothingAgain() {
    const NodeId t = document().addNode(MakeNode(NodeKind::kTable, "points", csv_.toStdString()));
    QVERIFY(WaitIdle());
    const uint64_t generation = runner().run(t).generation;
    window_->inspector().showNode(t);
    QCheckBox* embed = nullptr;
    for (auto* box : window_->inspector().findChildren<QCheckBox*>())
      if (box->text() == "Embed data when saving") embed = box;
    QVERIFY(embed != nullptr);
    QVERIFY(embed->isChecked());
    embed->click();
    QVERIFY(!document().graph().Find(t)->embed_data);
    QVERIFY(WaitIdle());
    QCOMPARE(runner().run(t).generation, generation);  // a save setting: nothing runs again
    QCOMPARE(runner().run(t).state, RunState::kReady);
    const QString path = dir_.filePath("paths.pikaplot");
    std::optional<pika::Status> saved;
    window_->saveTo(path, [&](pika::Status status) { saved = status; });
    QTRY_VERIFY_WITH_TIMEOUT(saved.has_value(), kRunTimeoutMs);
    QVERIFY(saved->ok());
    const auto summary = pika::ReadWorkspaceSummary(path.toStdString());
    QVERIFY(summary.ok());
    QVERIFY(!summary->data_bytes.contains(t));
    QVERIFY(!summary->graph.Find(t)->embed_data);
    document().undoStack()->undo();
    QVERIFY(document().graph().Find(t)->embed_data);
    QVERIFY(embed->isChecked());
  }

  void anEditMadeWhileSavingKeepsTheWindowMarkedUnsaved() {
    const NodeId note = document().addNode(MakeNode(NodeKind::kNote, ""));
    Node typing = *document().graph().Find(note);
    typing.text = "typed before Ctrl+S";
    document().updateNode(typing);
    const int index = document().undoStack()->index();
    std::optional<pika::Status> saved;
    window_->saveTo(dir_.filePath("racing.pikaplot"), [&](pika::Status status) { saved = status; });
    // Typing merges into one undo step: the undo index does not move, the graph does.
    Node edited = *document().graph().Find(note);
    edited.text = "typed after Ctrl+S";
    document().updateNode(edited);
    QCOMPARE(document().undoStack()->index(), index);  // merged into the step before
    QTRY_VERIFY_WITH_TIMEOUT(saved.has_value(), kRunTimeoutMs);
    QVERIFY(saved->ok());
    QVERIFY(window_->isWindowModified());
  }

  void aDamagedWorkspaceIsRefusedAndTheOpenWindowStaysAsItWas() {
    const QString path = dir_.filePath("damaged.pikaplot");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("PK\x03\x04 this is not a zip");
    file.close();
    document().addNode(MakeNode(NodeKind::kNote, ""));
    std::optional<pika::Result<MainWindow*>> opened;
    MainWindow::openWorkspace(path, window_.get(),
                              [&](pika::Result<MainWindow*> window) { opened = window; });
    QTRY_VERIFY_WITH_TIMEOUT(opened.has_value(), kRunTimeoutMs);
    QVERIFY(!opened->ok());
    QVERIFY2(QString::fromStdString(opened->error().message).contains("damaged"),
             opened->error().message.c_str());
    QCOMPARE(document().graph().nodes().size(), size_t{1});
    QVERIFY(window_->isVisible());
  }

  void editsOfAKilledAppAreOfferedAndRestored() {
    const QString root = dir_.filePath("recovery-after-kill");
    QProcess app;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert("QT_QPA_PLATFORM", "offscreen");
    environment.insert("PIKA_RECOVERY_DIR", root);
    environment.insert("ASAN_OPTIONS", "detect_leaks=0");  // it is killed, not shut down
    app.setProcessEnvironment(environment);
    app.start(PIKA_APP_PATH, {csv_});
    QVERIFY(app.waitForStarted());
    // The import is an edit: within seconds the graph and the imported data are autosaved.
    auto autosaved = [&] {
      for (const QFileInfo& session : QDir(root).entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        if (QFile::exists(session.filePath() + "/recovery.json") &&
            !QDir(session.filePath() + "/data").entryList({"*.parquet"}).isEmpty())
          return true;
      }
      return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(autosaved(), kRunTimeoutMs);
    app.kill();
    QVERIFY(app.waitForFinished());
    qputenv("PIKA_RECOVERY_DIR", root.toUtf8());
    const pika::RecoveryStore store(pika::RealFileSystem(), root.toStdString());
    const auto entries = store.List();
    QCOMPARE(entries.size(), size_t{1});
    QCOMPARE(entries[0].nodes, size_t{1});
    std::optional<pika::Result<MainWindow*>> restored;
    MainWindow::restoreRecovery(entries[0], window_.get(),
                                [&](pika::Result<MainWindow*> window) { restored = window; });
    QTRY_VERIFY_WITH_TIMEOUT(restored.has_value(), kRunTimeoutMs);
    QVERIFY2(restored->ok(), restored->ok() ? "" : restored->error().message.c_str());
    MainWindow* window = **restored;
    const NodeId table = window->document().graph().nodes().begin()->first;
    QCOMPARE(QString::fromStdString(window->document().graph().Find(table)->name),
             QString("points"));
    QTRY_VERIFY_WITH_TIMEOUT(window->runner().run(table).state == RunState::kReady, kRunTimeoutMs);
    QCOMPARE(window->runner().run(table).relation->rows, uint64_t{1000});
    QVERIFY(window->isWindowModified());  // restored work is not saved anywhere yet
    window->setAttribute(Qt::WA_DeleteOnClose, false);
    delete window;
    qputenv("PIKA_RECOVERY_DIR", dir_.filePath("recovery").toUtf8());
  }

  void runningShortOfMemoryWarnsThenGivesBackPlotData() {
    const NodeId t = document().addNode(MakeNode(NodeKind::kTable, "points", csv_.toStdString()));
    Node plot = MakeNode(NodeKind::kPlot, "p");
    plot.plot = {"scatter", "x", "y", "", ""};
    const NodeId p = document().addNode(plot);
    QVERIFY(document().connectNodes(t, p).isEmpty());
    QVERIFY(WaitIdle());
    QCOMPARE(runner().run(p).plot->data.x.size(), size_t{1000});
    window_->onMemory({850, 0, 1000});
    QVERIFY(window_->statusBar()->currentMessage().contains("80%"));
    QCOMPARE(runner().run(p).plot->data.x.size(), size_t{1000});  // a warning only
    window_->onMemory({960, 0, 1000});
    QVERIFY(window_->statusBar()->currentMessage().contains("gave back"));
    QVERIFY(runner().run(p).plot->data_released);
    QVERIFY(runner().run(p).plot->data.x.empty());
    QVERIFY(!runner().run(p).plot->scene.scene.marks.empty());  // the thumbnail stays
    // Opening the plot fetches its data again.
    PlotWindow opened(document(), runner(), window_->engine(), p);
    QVERIFY(WaitIdle());
    QCOMPARE(runner().run(p).plot->data.x.size(), size_t{1000});
  }

  void zoomKeepsThePointUnderTheCursorInPlace() {
    CanvasView& view = window_->view();
    const QPoint anchor(200, 150);
    const QPointF before = view.mapToScene(anchor);
    view.zoomAt(1.6, anchor);
    QVERIFY(QLineF(view.mapToScene(anchor), before).length() < 2.0 / view.zoom());
    view.zoomAt(100, anchor);
    QCOMPARE(view.zoom(), CanvasView::kMaxZoom);
  }
};

QTEST_MAIN(AppTest)
#include "app_test.moc"
