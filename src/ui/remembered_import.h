// Import settings a user asked to remember for a file, kept in the app's settings (QSettings)
// by the file's absolute path, and applied when the file is imported again.
#pragma once

#include <QString>
#include <optional>

#include "canvas/node.h"

namespace pika::ui {

std::optional<canvas::ImportSettings> RememberedImport(const QString& path);
void RememberImport(const QString& path, const canvas::ImportSettings& settings);

}  // namespace pika::ui
