#include "ui/wire_item.h"

#include <QPainter>
#include <QPainterPathStroker>
#include <QPen>

namespace pika::ui {

WireItem::WireItem(canvas::NodeId from, canvas::NodeId to) : from_(from), to_(to) {
  setFlags(ItemIsSelectable);
  setZValue(0);
}

void WireItem::setEnds(QPointF start, QPointF end) { setPath(Curve(start, end)); }

QPainterPath WireItem::Curve(QPointF start, QPointF end) {
  const double pull = std::max(40.0, std::abs(end.x() - start.x()) / 2);
  QPainterPath path(start);
  path.cubicTo(start + QPointF(pull, 0), end - QPointF(pull, 0), end);
  return path;
}

void WireItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
  painter->setRenderHint(QPainter::Antialiasing);
  painter->setPen(QPen(isSelected() ? QColor(0x1f, 0x6f, 0xeb) : QColor(0x70, 0x70, 0x70),
                       isSelected() ? 3 : 2));
  painter->setBrush(Qt::NoBrush);
  painter->drawPath(path());
}

// A wider shape than the stroke, so a wire is easy to click and select.
QPainterPath WireItem::shape() const {
  QPainterPathStroker stroker;
  stroker.setWidth(10);
  return stroker.createStroke(path());
}

}  // namespace pika::ui
