#include "workspace/table_node.h"

namespace pika {

ImportOptions ImportOptionsOf(const canvas::ImportSettings& settings) {
  ImportOptions options;
  options.type_overrides = settings.column_types;
  options.null_strings = settings.null_strings;
  options.database_table = settings.database_table;
  return options;
}

Result<NodeRelation> RunTableNode(Connection& connection, const canvas::Node& node, bool restored,
                                  const CancelToken& cancel, const ProgressFn& progress) {
  if (restored) return AdoptTableNode(connection, node.id, node.name);
  return LoadTableNode(connection, node.id, node.name, node.source_path,
                       ImportOptionsOf(node.import), cancel, progress);
}

}  // namespace pika
