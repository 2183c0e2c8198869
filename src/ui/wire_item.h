// WireItem: a bezier curve from one node's output port to another's input port.
#pragma once

#include <QGraphicsPathItem>

#include "canvas/node.h"

namespace pika::ui {

class WireItem : public QGraphicsPathItem {
 public:
  WireItem(canvas::NodeId from, canvas::NodeId to);
  canvas::NodeId from() const { return from_; }
  canvas::NodeId to() const { return to_; }
  void setEnds(QPointF start, QPointF end);

  // The curve between two points, also used while a new wire is dragged.
  static QPainterPath Curve(QPointF start, QPointF end);

 protected:
  void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;
  QPainterPath shape() const override;

 private:
  canvas::NodeId from_, to_;
};

}  // namespace pika::ui
