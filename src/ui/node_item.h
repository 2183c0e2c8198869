// NodeItem: a node on the canvas, with its ports, its state line and, for a plot, a live
// thumbnail. It only draws; edits go through the GraphDocument.
#pragma once

#include <QGraphicsObject>
#include <QImage>

#include "canvas/node.h"
#include "ui/node_run.h"

namespace pika::ui {

class NodeItem : public QGraphicsObject {
  Q_OBJECT

 public:
  NodeItem(const canvas::Node& node, QGraphicsItem* parent = nullptr);

  canvas::NodeId id() const { return node_.id; }
  void setNode(const canvas::Node& node);
  void setRun(const NodeRun& run, double progress);

  QRectF boundingRect() const override;
  void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

  // Port centres in scene coordinates, and whether a scene point hits one.
  QPointF inputPort() const;
  QPointF outputPort() const;
  bool hitsOutputPort(QPointF scene_point) const;
  bool hitsInputPort(QPointF scene_point) const;

  static constexpr double kPortRadius = 7;
  // The status line under the node: its state, rows, or the first line of its error.
  QString statusText() const;

 Q_SIGNALS:
  void moved();

 protected:
  QVariant itemChange(GraphicsItemChange change, const QVariant& value) override;

 private:
  QRectF body() const;
  void paintThumbnail(QPainter& painter, const QRectF& area) const;

  canvas::Node node_;
  NodeRun run_;
  double progress_ = -1;
  mutable QImage thumbnail_;  // the plot painted once per result
};

}  // namespace pika::ui
