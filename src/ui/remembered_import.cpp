#include "ui/remembered_import.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QSettings>

namespace pika::ui {

namespace {

QString Key(const QString& path) {
  const QByteArray absolute = QFileInfo(path).absoluteFilePath().toUtf8();
  return "import/" + QCryptographicHash::hash(absolute, QCryptographicHash::Sha1).toHex();
}

}  // namespace

std::optional<canvas::ImportSettings> RememberedImport(const QString& path) {
  QSettings settings;
  settings.beginGroup(Key(path));
  if (!settings.contains("types")) return std::nullopt;
  canvas::ImportSettings remembered;
  for (const QString& entry : settings.value("types").toStringList()) {
    const QString column = entry.section('=', 0, -2);
    const auto type = ParseColumnType(entry.section('=', -1).toStdString());
    if (!column.isEmpty() && type) remembered.column_types[column.toStdString()] = *type;
  }
  for (const QString& word : settings.value("nulls").toStringList())
    remembered.null_strings.push_back(word.toStdString());
  return remembered;
}

void RememberImport(const QString& path, const canvas::ImportSettings& remembered) {
  QStringList types, nulls;
  for (const auto& [column, type] : remembered.column_types) {
    types << QString::fromStdString(column) + "=" +
                 QString::fromStdString(std::string(ToDuckDbName(type)));
  }
  for (const std::string& word : remembered.null_strings) nulls << QString::fromStdString(word);
  QSettings settings;
  settings.beginGroup(Key(path));
  settings.setValue("path", QFileInfo(path).absoluteFilePath());
  settings.setValue("types", types);
  settings.setValue("nulls", nulls);
}

}  // namespace pika::ui
