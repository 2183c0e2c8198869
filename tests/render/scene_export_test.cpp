#include "render/scene_export.h"

#include <gtest/gtest.h>

#include <QImage>
#include <QPainter>
#include <QSvgRenderer>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/run_process.h"
#include "support/temp_dir.h"

namespace pika {
namespace {

constexpr Rgba kRed{220, 20, 20, 255};

// 64 x 48: white, a red square at (10, 10) of 20 px, a blue line and a label.
Scene TestScene() {
  Scene scene;
  scene.width = 64;
  scene.height = 48;
  scene.marks.push_back(RectMark{10, 10, 20, 20, kRed});
  scene.marks.push_back(PolylineMark{{{40, 5}, {60, 5}}, {20, 20, 220, 255}, 2.0});
  scene.marks.push_back(TextMark{"Pika", {34, 44}, 8.0, {0, 0, 0, 255}});
  return scene;
}

std::string ReadFile(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

bool IsRed(QColor color) { return color.red() > 200 && color.green() < 60 && color.blue() < 60; }

int DarkPixels(const QImage& image, QRect area) {
  int dark = 0;
  for (int y = area.top(); y <= area.bottom(); ++y) {
    for (int x = area.left(); x <= area.right(); ++x) dark += qGray(image.pixel(x, y)) < 128;
  }
  return dark;
}

TEST(ExportPng, PaintsTheSceneAtTheRequestedDpiAndRecordsIt) {
  test::TempDir temp;
  const std::string path = temp.File("plot.png");
  ASSERT_TRUE(ExportPng(TestScene(), path, {192.0, false}).ok());
  QImage image(QString::fromStdString(path));
  ASSERT_EQ(image.size(), QSize(128, 96));  // twice the logical pixels
  EXPECT_TRUE(IsRed(image.pixelColor(40, 40)));
  EXPECT_EQ(image.pixelColor(4, 4), QColor(Qt::white));
  EXPECT_NEAR(image.dotsPerMeterX() * 0.0254, 192.0, 0.5);
  EXPECT_GT(DarkPixels(image, QRect(68, 60, 56, 30)), 20);  // the label was drawn
}

TEST(ExportPng, LeavesTheBackgroundTransparentWhenAsked) {
  test::TempDir temp;
  const std::string path = temp.File("plot.png");
  ASSERT_TRUE(ExportPng(TestScene(), path, {96.0, true}).ok());
  QImage image(QString::fromStdString(path));
  EXPECT_EQ(image.pixelColor(4, 4).alpha(), 0);
  EXPECT_EQ(image.pixelColor(20, 20).alpha(), 255);
}

TEST(ExportPng, AFailedExportLeavesTheOldFileAndNoTemporaryFile) {
  test::TempDir temp;
  const std::string path = temp.Write("plot.png", "old contents");
  const Status status = ExportPng(TestScene(), path, {5000.0, false});
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(ReadFile(path), "old contents");
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(temp.path()), {}), 1);
}

TEST(ExportPng, AnUnwritableFolderIsAClearError) {
  const Status status = ExportPng(TestScene(), "/nonexistent-folder/plot.png");
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.error().message.find("/nonexistent-folder/plot.png"), std::string::npos);
}

TEST(ExportSvg, WritesAVectorFileThatRendersTheSameScene) {
  test::TempDir temp;
  const std::string path = temp.File("plot.svg");
  ASSERT_TRUE(ExportSvg(TestScene(), path, "Test plot").ok());
  const std::string text = ReadFile(path);
  EXPECT_NE(text.find("<svg"), std::string::npos);
  EXPECT_NE(text.find("Test plot"), std::string::npos);
  QSvgRenderer renderer(QString::fromStdString(path));
  ASSERT_TRUE(renderer.isValid());
  QImage image(64, 48, QImage::Format_ARGB32);
  image.fill(Qt::white);
  QPainter painter(&image);
  renderer.render(&painter);
  painter.end();
  EXPECT_TRUE(IsRed(image.pixelColor(20, 20)));
  EXPECT_EQ(image.pixelColor(4, 40), QColor(Qt::white));
}

TEST(ExportPdf, WritesOnePagePerSceneThatRasterizesToTheScene) {
  test::TempDir temp;
  const std::string path = temp.File("plots.pdf");
  Scene second = TestScene();
  second.background = {0, 0, 0, 255};
  ASSERT_TRUE(ExportPdf({TestScene(), second}, path, "Report").ok());
  EXPECT_EQ(ReadFile(path).rfind("%PDF", 0), 0u);
  const auto info = test::RunProcess({"/usr/bin/pdfinfo", path});
  ASSERT_EQ(info.exit_code, 0) << info.err;
  EXPECT_NE(info.out.find("Pages:           2"), std::string::npos) << info.out;
  const auto raster = test::RunProcess(
      {"/usr/bin/pdftoppm", "-png", "-r", "96", "-f", "1", "-l", "1", path, temp.File("page")});
  ASSERT_EQ(raster.exit_code, 0) << raster.err;
  QImage page(QString::fromStdString(temp.File("page-1.png")));
  ASSERT_FALSE(page.isNull());
  EXPECT_NEAR(page.width(), 64, 1);
  EXPECT_TRUE(IsRed(page.pixelColor(20, 20)));
  EXPECT_EQ(page.pixelColor(4, 40), QColor(Qt::white));
}

TEST(ExportPdf, RefusesAnEmptyDocument) {
  test::TempDir temp;
  EXPECT_FALSE(ExportPdf({}, temp.File("none.pdf")).ok());
  EXPECT_FALSE(std::filesystem::exists(temp.File("none.pdf")));
}

}  // namespace
}  // namespace pika
