#include "render/headless_gui.h"

#include <fmt/format.h>
#include <unistd.h>

#include <QGuiApplication>
#include <filesystem>

namespace pika {

namespace {

// Qt warns on stderr when XDG_RUNTIME_DIR is unset (as in CI and cron): give it a private one.
void QuietRuntimeDirectory() {
  if (!qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) return;
  const auto folder =
      std::filesystem::temp_directory_path() / fmt::format("pika-runtime-{}", getuid());
  std::error_code error;
  std::filesystem::create_directories(folder, error);
  std::filesystem::permissions(folder, std::filesystem::perms::owner_all,
                               std::filesystem::perm_options::replace, error);
  if (!error) qputenv("XDG_RUNTIME_DIR", QByteArray::fromStdString(folder.string()));
}

void PrepareEnvironment() {
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  QuietRuntimeDirectory();
}

}  // namespace

HeadlessGui::HeadlessGui(int& argc, char** argv) {
  PrepareEnvironment();
  app_ = std::make_unique<QGuiApplication>(argc, argv);
}

HeadlessGui::HeadlessGui() : HeadlessGui(default_argc_, default_argv_) {}

HeadlessGui::~HeadlessGui() = default;

}  // namespace pika
