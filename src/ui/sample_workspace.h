// The workspace `make run` opens: real data from vega-datasets wired into queries and plots.
#pragma once

#include <QString>

namespace pika::ui {

class GraphDocument;

// Adds the sample graph; `data_dir` holds the vega-datasets files. Not undoable: it is where
// the session starts.
void BuildSampleWorkspace(GraphDocument& document, const QString& data_dir);

}  // namespace pika::ui
