// NodeRowsModel: a node's rows for a table view, millions of them, fetched a page at a time
// as the view scrolls to them. Rows not fetched yet show as "…" until their page arrives.
#pragma once

#include <QAbstractTableModel>
#include <list>
#include <map>
#include <memory>
#include <set>

#include "compute/node_relations.h"
#include "ui/engine_session.h"

namespace pika::ui {

class NodeRowsModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  static constexpr int kPageRows = 200;
  static constexpr size_t kPagesKept = 64;  // older pages are dropped and fetched again

  NodeRowsModel(EngineSession& engine, QObject* parent = nullptr);

  // Shows `relation`'s rows, read from the view named `name`.
  void setRelation(const std::string& name, std::shared_ptr<const NodeRelation> relation);
  void clear();
  // Shows rows already fetched (a remote result's first rows) as `relation`'s: nothing more
  // is fetched.
  void setFetchedRows(std::shared_ptr<const NodeRelation> relation, const TableBatch& rows);

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
  int pagesFetched() const { return pages_fetched_; }

 Q_SIGNALS:
  void pageArrived(int page);
  void failed(QString message);

 private:
  void requestPage(int page) const;

  EngineSession& engine_;
  std::string name_;
  std::shared_ptr<const NodeRelation> relation_;
  uint64_t epoch_ = 0;  // answers for an older relation are dropped
  mutable std::map<int, TableBatch> pages_;
  mutable std::list<int> recent_;  // most recent first
  mutable std::set<int> requested_;
  int pages_fetched_ = 0;
};

}  // namespace pika::ui
