#include "ui/node_rows_model.h"

#include <QColor>

namespace pika::ui {

namespace {

// Page requests never cancel a node's run: they have keys of their own.
constexpr uint64_t kPageKeyBase = uint64_t{1} << 52;

bool IsNumeric(ColumnType type) {
  return type == ColumnType::kBigint || type == ColumnType::kDouble;
}

}  // namespace

NodeRowsModel::NodeRowsModel(EngineSession& engine, QObject* parent)
    : QAbstractTableModel(parent), engine_(engine) {}

void NodeRowsModel::setRelation(const std::string& name,
                                std::shared_ptr<const NodeRelation> relation) {
  beginResetModel();
  name_ = name;
  relation_ = std::move(relation);
  ++epoch_;
  pages_.clear();
  recent_.clear();
  requested_.clear();
  endResetModel();
}

void NodeRowsModel::clear() { setRelation({}, nullptr); }

void NodeRowsModel::setFetchedRows(std::shared_ptr<const NodeRelation> relation,
                                   const TableBatch& rows) {
  auto shown = std::make_shared<NodeRelation>(*relation);
  shown->rows = std::min<uint64_t>(rows.row_count, kPageRows);  // one page, never fetched
  beginResetModel();
  name_.clear();
  relation_ = std::move(shown);
  ++epoch_;
  pages_ = {{0, rows}};
  recent_ = {0};
  requested_.clear();
  endResetModel();
}

int NodeRowsModel::rowCount(const QModelIndex& parent) const {
  if (parent.isValid() || !relation_) return 0;
  return static_cast<int>(std::min<uint64_t>(relation_->rows, INT32_MAX));
}

int NodeRowsModel::columnCount(const QModelIndex& parent) const {
  if (parent.isValid() || !relation_) return 0;
  return static_cast<int>(relation_->columns.size());
}

QVariant NodeRowsModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || !relation_) return {};
  if (role == Qt::TextAlignmentRole) {
    const bool numeric = IsNumeric(relation_->columns[static_cast<size_t>(index.column())].type);
    return QVariant::fromValue(Qt::AlignVCenter | (numeric ? Qt::AlignRight : Qt::AlignLeft));
  }
  if (role != Qt::DisplayRole && role != Qt::ForegroundRole) return {};
  const int page = index.row() / kPageRows;
  const auto found = pages_.find(page);
  if (found == pages_.end()) {
    requestPage(page);
    return role == Qt::DisplayRole ? QVariant("…") : QVariant();
  }
  const TableBatch& batch = found->second;
  const auto row = static_cast<size_t>(index.row() % kPageRows);
  const Column& column = batch.columns[static_cast<size_t>(index.column())];
  if (row >= batch.row_count) return {};
  if (role == Qt::ForegroundRole) return column.IsValid(row) ? QVariant() : QColor(Qt::gray);
  return QString::fromStdString(FormatValue(column, row));
}

QVariant NodeRowsModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (role != Qt::DisplayRole || !relation_) return {};
  if (orientation == Qt::Vertical) return section + 1;
  const ResultColumn& column = relation_->columns[static_cast<size_t>(section)];
  return QString("%1\n%2").arg(QString::fromStdString(column.name),
                               QString::fromStdString(column.engine_type));
}

void NodeRowsModel::requestPage(int page) const {
  if (requested_.contains(page)) return;
  requested_.insert(page);
  auto* self = const_cast<NodeRowsModel*>(this);  // fetching on demand is not a change
  const uint64_t epoch = epoch_;
  engine_.run<TableBatch>(
      self, kPageKeyBase + (epoch_ << 24) + static_cast<uint64_t>(page),
      [name = name_, page](Connection& connection, const CancelToken&, const ProgressFn&) {
        return FetchNodeRows(connection, name, static_cast<uint64_t>(page) * kPageRows, kPageRows);
      },
      [self, epoch, page](Result<TableBatch> rows) {
        if (epoch != self->epoch_) return;
        self->requested_.erase(page);
        if (!rows.ok()) return Q_EMIT self->failed(QString::fromStdString(rows.error().message));
        self->pages_[page] = std::move(*rows);
        self->recent_.push_front(page);
        while (self->recent_.size() > kPagesKept) {
          self->pages_.erase(self->recent_.back());
          self->recent_.pop_back();
        }
        ++self->pages_fetched_;
        const int first = page * kPageRows;
        const int last = std::min(self->rowCount() - 1, first + kPageRows - 1);
        Q_EMIT self->dataChanged(self->index(first, 0), self->index(last, self->columnCount() - 1));
        Q_EMIT self->pageArrived(page);
      });
}

}  // namespace pika::ui
