// pika-app: the Pika-Plot desktop app.
//   pika-app [FILE...]            opens the canvas with a Table node per file, and
//                                 .pikaplot workspaces in windows of their own
//   pika-app --sample DIR         opens the sample workspace built from vega-datasets in DIR
//   --screenshot PNG              once every node has run, saves the window and quits
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QScreen>
#include <QSettings>
#include <QTimer>
#include <cstdio>

#include "storage/data_folder.h"
#include "ui/canvas_view.h"
#include "ui/engine_session.h"
#include "ui/graph_runner.h"
#include "ui/main_window.h"
#include "ui/sample_workspace.h"

namespace {

// Qt would abort with a cryptic plugin message; say what to do instead.
bool HasDisplay() {
  return !qEnvironmentVariableIsEmpty("DISPLAY") ||
         !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") ||
         !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
}

// Tables extracted from workspaces stay in the data folder so that opening again is instant;
// folders of workspaces not opened for a while go once all of them pass the setting's size.
void SweepOldDataFolders() {
  const uint64_t max_bytes =
      QSettings()
          .value(pika::ui::kDataFoldersMaxKey, pika::ui::kDataFoldersMaxDefault)
          .toULongLong();
  for (const std::string& removed : pika::SweepDataFolders(pika::DataRoot(), max_bytes))
    std::fprintf(stderr, "pika-app: removed the unused data folder %s\n", removed.c_str());
}

// Once every node of `window` has run (and painted), saves it to `path` and quits.
void GrabWhenIdle(pika::ui::MainWindow& window, const QString& path) {
  QObject::connect(&window.runner(), &pika::ui::GraphRunner::idle, &window, [&window, path] {
    QTimer::singleShot(300, &window, [&window, path] {
      window.view().fitAll();
      const bool saved = window.grab().save(path);
      std::fprintf(stderr, "pika-app: %s %s\n", saved ? "saved" : "could not save",
                   path.toLocal8Bit().constData());
      QApplication::exit(saved ? 0 : 1);
    });
  });
}

}  // namespace

int main(int argc, char** argv) {
  if (!HasDisplay()) {
    std::fprintf(stderr,
                 "pika-app: no display found (DISPLAY and WAYLAND_DISPLAY are unset).\n"
                 "Run it on a desktop session, over ssh -X, or in a virtual display:\n"
                 "  xvfb-run -a pika-app --sample .deps/vega-datasets/data --screenshot out.png\n"
                 "The headless CLI works anywhere: pika plot FILE --x COL --y COL -o plot.png\n");
    return 2;
  }
  QApplication app(argc, argv);
  QApplication::setApplicationName("Pika-Plot");
  QApplication::setOrganizationName("Pika-Plot");
  QCommandLineParser parser;
  parser.setApplicationDescription("Explore CSV and Parquet data on a canvas");
  parser.addHelpOption();
  QCommandLineOption sample("sample", "Open the sample workspace from vega-datasets in DIR", "DIR");
  QCommandLineOption screenshot("screenshot",
                                "Save the window to PNG once all nodes ran, then quit", "PNG");
  parser.addOption(sample);
  parser.addOption(screenshot);
  parser.addPositionalArgument("files", "CSV or Parquet files to import", "[FILE...]");
  parser.process(app);
  SweepOldDataFolders();

  auto engine = pika::ui::EngineSession::Open();
  if (!engine.ok()) {
    std::fprintf(stderr, "pika-app: cannot start the engine: %s\n", engine.error().message.c_str());
    return 1;
  }
  pika::ui::MainWindow window(std::move(*engine));
  if (parser.isSet(sample)) pika::ui::BuildSampleWorkspace(window.document(), parser.value(sample));
  QStringList files;
  bool workspace = false;
  for (const QString& file : parser.positionalArguments()) {
    if (file.endsWith(".pikaplot")) {
      workspace = true;
      // --screenshot shows the workspace's window (the empty first one makes way for it).
      pika::ui::MainWindow::openWorkspace(
          QDir().absoluteFilePath(file), &window,
          [shot = parser.value(screenshot)](pika::Result<pika::ui::MainWindow*> opened) {
            if (shot.isEmpty()) return;
            if (!opened.ok()) return QApplication::exit(1);
            GrabWhenIdle(**opened, shot);
          });
    } else {
      files << QDir().absoluteFilePath(file);
    }
  }
  window.importFiles(files, QPointF(0, 0));
  window.show();
  if (!parser.isSet(screenshot)) window.offerRecovery();
  QTimer::singleShot(0, &window, [&window] { window.view().fitAll(); });
  if (parser.isSet(screenshot) && !workspace) GrabWhenIdle(window, parser.value(screenshot));
  return QApplication::exec();
}
