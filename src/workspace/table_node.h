// A Table node's rows, from its settings: imported from its file, or — when a workspace file
// brought them along — named from the data already restored. Shared by the app and the CLI.
#pragma once

#include "canvas/node.h"
#include "compute/node_relations.h"
#include "storage/import_options.h"

namespace pika {

// The import options a Table node's settings give.
ImportOptions ImportOptionsOf(const canvas::ImportSettings& settings);

Result<NodeRelation> RunTableNode(Connection& connection, const canvas::Node& node, bool restored,
                                  const CancelToken& cancel, const ProgressFn& progress);

}  // namespace pika
