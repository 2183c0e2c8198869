#include "ui/node_item.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include "render/scene_painter.h"

namespace pika::ui {

namespace {

constexpr double kWidth = canvas::NodeSize(canvas::NodeKind::kQuery).width;
static_assert(kWidth == canvas::NodeSize(canvas::NodeKind::kPlot).width &&
              kWidth == canvas::NodeSize(canvas::NodeKind::kNote).width);
constexpr double kHeader = 26;

QColor KindColor(canvas::NodeKind kind) {
  switch (kind) {
    case canvas::NodeKind::kTable: return QColor(0x4e, 0x79, 0xa7);
    case canvas::NodeKind::kQuery: return QColor(0x59, 0xa1, 0x4f);
    case canvas::NodeKind::kPlot: return QColor(0xb0, 0x7a, 0xa1);
    case canvas::NodeKind::kNote: return QColor(0xed, 0xc9, 0x48);
    case canvas::NodeKind::kRemote: return QColor(0x2e, 0x5a, 0x88);
  }
  return Qt::gray;
}

QColor StateColor(RunState state) {
  switch (state) {
    case RunState::kIdle: return QColor(0x88, 0x88, 0x88);
    case RunState::kWaiting:
    case RunState::kRunning: return QColor(0xf2, 0x8e, 0x2b);
    case RunState::kReady: return QColor(0x3b, 0x8e, 0x3b);
    case RunState::kError: return QColor(0xd6, 0x27, 0x28);
  }
  return Qt::gray;
}

QString Rows(uint64_t rows) { return QLocale().toString(static_cast<qulonglong>(rows)); }

}  // namespace

NodeItem::NodeItem(const canvas::Node& node, QGraphicsItem* parent)
    : QGraphicsObject(parent), node_(node) {
  setFlags(ItemIsMovable | ItemIsSelectable | ItemSendsGeometryChanges);
  setPos(node.position.x, node.position.y);
  setZValue(1);
  setAcceptHoverEvents(true);
}

void NodeItem::setNode(const canvas::Node& node) {
  prepareGeometryChange();
  node_ = node;
  update();
}

void NodeItem::setRun(const NodeRun& run, double progress) {
  const bool new_plot = run.plot != run_.plot || run.coarse != run_.coarse;
  run_ = run;
  progress_ = progress;
  if (new_plot) thumbnail_ = QImage();
  setToolTip(run.state == RunState::kError ? run.message : QString());
  update();
}

QRectF NodeItem::body() const {
  const canvas::Size size = canvas::NodeSize(node_.kind);
  return {0, 0, size.width, size.height};
}

QRectF NodeItem::boundingRect() const {
  return body().adjusted(-kPortRadius - 2, -2, kPortRadius + 2, 2);
}

QPointF NodeItem::inputPort() const { return mapToScene(QPointF(0, kHeader + 18)); }
QPointF NodeItem::outputPort() const { return mapToScene(QPointF(kWidth, kHeader + 18)); }

bool NodeItem::hitsOutputPort(QPointF scene_point) const {
  return canvas::HasOutput(node_.kind) &&
         QLineF(scene_point, outputPort()).length() <= kPortRadius + 3;
}

bool NodeItem::hitsInputPort(QPointF scene_point) const {
  return canvas::HasInput(node_.kind) &&
         QLineF(scene_point, inputPort()).length() <= kPortRadius + 3;
}

QString NodeItem::statusText() const {
  switch (run_.state) {
    case RunState::kIdle: return run_.message;
    case RunState::kWaiting: return "waiting";
    case RunState::kRunning:
      return progress_ >= 0 ? QString("running %1%").arg(qRound(progress_ * 100)) : "running";
    case RunState::kError: return run_.message.section('\n', 0, 0);
    case RunState::kReady:
      if (run_.remote) {
        return QString("%1%2 rows × %3 columns · %4%5")
            .arg(run_.remote->rows.exact ? "" : "≈")
            .arg(Rows(run_.remote->rows.rows))
            .arg(run_.remote->columns.size())
            .arg(QString::fromStdString(std::string(EngineName(run_.remote->source.engine))))
            .arg(node_.keep_local ? ", copied here" : "");
      }
      if (run_.relation) {
        QString text = QString("%1 rows × %2 columns")
                           .arg(Rows(run_.relation->rows))
                           .arg(run_.relation->columns.size());
        if (run_.relation->rejected > 0)
          text += QString(", %1 rejected").arg(Rows(run_.relation->rejected));
        return text;
      }
      return run_.plot ? QString::fromStdString(run_.plot->scene.badge) : QString("ready");
  }
  return {};
}

void NodeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
  painter->setRenderHint(QPainter::Antialiasing);
  const QRectF rect = body();
  const QColor kind = KindColor(node_.kind);
  painter->setPen(QPen(isSelected() ? QColor(0x1f, 0x6f, 0xeb) : QColor(0x99, 0x99, 0x99),
                       isSelected() ? 2.5 : 1));
  painter->setBrush(node_.kind == canvas::NodeKind::kNote ? QColor(0xff, 0xf6, 0xc8) : Qt::white);
  painter->drawRoundedRect(rect, 8, 8);
  // Header: the kind's colour, clipped to the body's rounded top, and the node's name.
  QPainterPath outline;
  outline.addRoundedRect(rect, 8, 8);
  painter->save();
  painter->setClipPath(outline);
  painter->fillRect(QRectF(rect.topLeft(), QSizeF(rect.width(), kHeader)), kind);
  painter->restore();
  QFont font = painter->font();
  font.setBold(true);
  painter->setFont(font);
  painter->setPen(Qt::white);
  const QString title = node_.kind == canvas::NodeKind::kNote
                            ? QString("Note")
                            : QString("%1  ·  %2")
                                  .arg(QString::fromStdString(node_.name),
                                       QString::fromStdString(std::string(ToString(node_.kind))));
  painter->drawText(rect.adjusted(10, 0, -10, 0).topLeft() + QPointF(0, 18), title);
  font.setBold(false);
  painter->setFont(font);
  // Body: what the node holds, then its state.
  painter->setPen(QColor(0x33, 0x33, 0x33));
  const bool note = node_.kind == canvas::NodeKind::kNote;
  const QRectF text_area(10, kHeader + 6, kWidth - 20, note ? rect.height() - kHeader - 12 : 36);
  QString detail =
      node_.kind == canvas::NodeKind::kTable
          ? (node_.embed_data ? QString() : QString("path only when saved · ")) +
                QString::fromStdString(canvas::SourceText(node_))
      : node_.kind == canvas::NodeKind::kRemote ? QString::fromStdString(node_.remote_url)
      : node_.kind == canvas::NodeKind::kQuery  ? QString::fromStdString(node_.sql).simplified()
      : node_.kind == canvas::NodeKind::kNote
          ? QString::fromStdString(node_.text)
          : QString::fromStdString(node_.plot.kind + " of " + node_.plot.x +
                                   (node_.plot.y.empty() ? "" : ", " + node_.plot.y) +
                                   (node_.plot.color.empty() ? "" : " by " + node_.plot.color) +
                                   (node_.plot.brush.empty() ? "" : " · brushed"));
  const QFontMetricsF metrics(font);
  // Two lines of what the node holds; a note shows all of its text that fits.
  if (!note) detail = metrics.elidedText(detail, Qt::ElideMiddle, text_area.width() * 1.8);
  painter->save();
  painter->setClipRect(text_area);
  painter->drawText(text_area, Qt::TextWordWrap, detail);
  painter->restore();
  if (node_.kind == canvas::NodeKind::kPlot) {
    paintThumbnail(*painter, QRectF(8, kHeader + 26, kWidth - 16, rect.height() - kHeader - 52));
  }
  if (node_.kind != canvas::NodeKind::kNote) {
    const QRectF status(10, rect.height() - 22, kWidth - 20, 18);
    painter->setBrush(StateColor(run_.state));
    painter->setPen(Qt::NoPen);
    painter->drawEllipse(QPointF(status.left() + 5, status.center().y()), 4.5, 4.5);
    painter->setPen(run_.state == RunState::kError ? StateColor(run_.state)
                                                   : QColor(0x44, 0x44, 0x44));
    painter->drawText(status.adjusted(14, 0, 0, 0), Qt::AlignVCenter,
                      metrics.elidedText(statusText(), Qt::ElideRight, status.width() - 14));
  }
  // Ports.
  painter->setPen(QPen(QColor(0x55, 0x55, 0x55), 1.2));
  painter->setBrush(Qt::white);
  if (canvas::HasInput(node_.kind))
    painter->drawEllipse(QPointF(0, kHeader + 18), kPortRadius, kPortRadius);
  if (canvas::HasOutput(node_.kind)) {
    painter->setBrush(kind);
    painter->drawEllipse(QPointF(kWidth, kHeader + 18), kPortRadius, kPortRadius);
  }
}

void NodeItem::paintThumbnail(QPainter& painter, const QRectF& area) const {
  if (!run_.plot && !run_.coarse) {
    painter.setPen(QColor(0xaa, 0xaa, 0xaa));
    painter.drawRect(area);
    return;
  }
  if (thumbnail_.isNull()) {
    // Painted once per result at the scene's own size, then scaled: text stays legible.
    const Scene& scene = run_.plot ? run_.plot->scene.scene : run_.coarse->scene.scene;
    QImage image(QSize(static_cast<int>(scene.width), static_cast<int>(scene.height)),
                 QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter image_painter(&image);
    image_painter.setRenderHint(QPainter::Antialiasing);
    PaintScene(scene, image_painter);
    image_painter.end();
    thumbnail_ = std::move(image);
  }
  const QSizeF size = QSizeF(thumbnail_.size()).scaled(area.size(), Qt::KeepAspectRatio);
  const QRectF target(area.center() - QPointF(size.width() / 2, size.height() / 2), size);
  painter.setRenderHint(QPainter::SmoothPixmapTransform);
  painter.drawImage(target, thumbnail_);
}

QVariant NodeItem::itemChange(GraphicsItemChange change, const QVariant& value) {
  if (change == ItemPositionHasChanged) Q_EMIT moved();
  return QGraphicsObject::itemChange(change, value);
}

}  // namespace pika::ui
