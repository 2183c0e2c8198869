// The OpenGL plot view under a real X server with Mesa (xvfb-run): it draws the same scene
// as the QPainter export (one scene model, two painters), keeps GPU buffers while the scene
// is unchanged, and navigates like the QPainter view.
#include <QOpenGLContext>
#include <QPainter>
#include <QtTest>
#include <random>

#include "render/scene_painter.h"
#include "ui/engine_session.h"
#include "ui/gl_plot_view.h"

using namespace pika;
using namespace pika::ui;

namespace {

constexpr int kTimeoutMs = 60'000;

std::shared_ptr<const PlotResult> DensityPlot() {
  auto plot = std::make_shared<PlotResult>();
  plot->request = {"t", "scatter", "x", "y", ""};
  std::mt19937 random(3);
  std::normal_distribution<double> normal;
  for (int i = 0; i < 400'000; ++i) {  // above the raw-point cap: a density image
    const double x = normal(random);
    plot->data.x.push_back(x);
    plot->data.y.push_back(x * 0.5 + normal(random));
  }
  return plot;
}

// Mean absolute difference per channel over 8x8 blocks: antialiasing may differ between the
// painters, the picture may not.
double BlockDifference(const QImage& a, const QImage& b) {
  const QImage small_a =
      a.convertToFormat(QImage::Format_RGB32)
          .scaled(a.width() / 8, a.height() / 8, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
  const QImage small_b =
      b.convertToFormat(QImage::Format_RGB32)
          .scaled(a.width() / 8, a.height() / 8, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
  double total = 0;
  for (int y = 0; y < small_a.height(); ++y) {
    for (int x = 0; x < small_a.width(); ++x) {
      const QColor p = small_a.pixelColor(x, y), q = small_b.pixelColor(x, y);
      total += std::abs(p.red() - q.red()) + std::abs(p.green() - q.green()) +
               std::abs(p.blue() - q.blue());
    }
  }
  return total / (3.0 * small_a.width() * small_a.height());
}

}  // namespace

class GlViewTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() { QVERIFY2(GlPlotView::Available(), "no OpenGL: run under xvfb-run"); }

  void drawsTheSameSceneAsTheExportPainterAndKeepsItsBuffers() {
    auto engine = EngineSession::Open();
    QVERIFY(engine.ok());
    GlPlotView view(**engine);
    view.resize(640, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.navigator().setPlot(DensityPlot(), "density");
    QTRY_VERIFY_WITH_TIMEOUT(
        view.navigator().scene() != nullptr && view.navigator().scene()->scene.width == 640,
        kTimeoutMs);
    const PlotScene& scene = *view.navigator().scene();
    QCOMPARE(int(scene.reduction.method), int(ReductionMethod::kDensity));
    // Hovering the crowded middle tells how many rows the pixel stands for.
    const QPointF middle((scene.area_left + scene.area_right) / 2,
                         (scene.area_top + scene.area_bottom) / 2);
    QVERIFY2(view.navigator().hoverText(middle).contains("rows in this pixel"),
             qPrintable(view.navigator().hoverText(middle)));
    const QImage gl = view.grabFramebuffer();
    QImage reference(gl.size(), QImage::Format_ARGB32_Premultiplied);
    reference.fill(Qt::white);
    QPainter painter(&reference);
    painter.setRenderHint(QPainter::Antialiasing);
    PaintScene(scene.scene, painter);
    painter.end();
    if (qEnvironmentVariableIsSet("PIKA_UI_SHOTS")) {
      gl.save(qEnvironmentVariable("PIKA_UI_SHOTS") + "/gl_density.png");
      reference.save(qEnvironmentVariable("PIKA_UI_SHOTS") + "/qpainter_density.png");
    }
    const double difference = BlockDifference(gl, reference);
    QVERIFY2(difference < 6.0, qPrintable(QString("mean block difference %1").arg(difference)));

    // Repainting the same scene (a panning preview does it every frame) uploads nothing.
    const int uploads = view.painter().uploads();
    QVERIFY(uploads > 0);
    view.update();
    QTest::qWait(50);
    (void)view.grabFramebuffer();
    QCOMPARE(view.painter().uploads(), uploads);
  }

  void zoomingIntoASparseRegionDrawsThePointsThemselves() {
    auto engine = EngineSession::Open();
    QVERIFY(engine.ok());
    GlPlotView view(**engine);
    view.resize(640, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.navigator().setPlot(DensityPlot(), "zoom");
    QTRY_VERIFY_WITH_TIMEOUT(view.navigator().scene() != nullptr, kTimeoutMs);
    const PlotScene all = *view.navigator().scene();
    // Around (2, 1) the cloud thins out: zoomed there, the points are drawn one by one.
    const double px = all.area_left +
                      (2 - all.x_min) / (all.x_max - all.x_min) * (all.area_right - all.area_left);
    const double py = all.area_bottom -
                      (1 - all.y_min) / (all.y_max - all.y_min) * (all.area_bottom - all.area_top);
    view.navigator().zoomAt(QPointF(px, py), 20.0);
    QTRY_VERIFY_WITH_TIMEOUT(view.navigator().window() && view.navigator().scene()->x_max ==
                                                              view.navigator().window()->x_max,
                             kTimeoutMs);
    // A coarse pyramid frame may come first; the exact one replaces it and stays.
    QTRY_VERIFY_WITH_TIMEOUT(!view.navigator().scene()->coarse, kTimeoutMs);
    QTest::qWait(200);
    QVERIFY(!view.navigator().scene()->coarse);
    const ReductionDescription& shown = view.navigator().scene()->reduction;
    QCOMPARE(int(shown.method), int(ReductionMethod::kRaw));
    QVERIFY2(shown.rows_in_view > 100, qPrintable(QString::number(shown.rows_in_view)));
    const QImage gl = view.grabFramebuffer();
    if (qEnvironmentVariableIsSet("PIKA_UI_SHOTS"))
      gl.save(qEnvironmentVariable("PIKA_UI_SHOTS") + "/gl_zoomed.png");
    int coloured = 0;
    for (int y = 0; y < gl.height(); ++y)
      for (int x = 0; x < gl.width(); ++x) {
        const QColor c = gl.pixelColor(x, y);
        coloured += c.blue() > c.red() + 40;
      }
    QVERIFY2(
        coloured > 0 || view.navigator().scene()->reduction.rows_in_view == 0,
        qPrintable(QString("points: %1").arg(view.navigator().scene()->reduction.rows_in_view)));
  }
};

QTEST_MAIN(GlViewTest)
#include "gl_view_test.moc"
