// A helper for the kill-during-save test: saves a workspace to PATH over and over, each time
// with a different note text ("version N"), until it is killed.
#include <iostream>
#include <string>

#include "storage/database.h"
#include "workspace/workspace_file.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: pika_save_loop TARGET SCRATCH\n";
    return 2;
  }
  auto database = pika::Database::Open({});
  auto connection = database->Connect();
  // Some data, so that each save takes a while and a kill can land anywhere in it.
  if (!connection
           ->Execute("CREATE TABLE pika_node_data_1 AS SELECT range AS x, "
                     "hash(range) AS h FROM range(200000)")
           .ok())
    return 1;
  pika::canvas::Graph graph;
  pika::canvas::Node table;
  table.kind = pika::canvas::NodeKind::kTable;
  table.name = "data";
  table.source_path = "/nowhere.csv";
  (void)graph.Add(table);
  pika::canvas::Node note;
  note.kind = pika::canvas::NodeKind::kNote;
  const pika::canvas::NodeId note_id = *graph.Add(note);
  for (long version = 0;; ++version) {
    note.id = note_id;
    note.text = "version " + std::to_string(version);
    (void)graph.Update(note);
    auto saved =
        pika::SaveWorkspace(*connection, pika::RealFileSystem(), argv[1], graph, {}, {1}, argv[2]);
    if (!saved.ok()) {
      std::cerr << saved.error().message << '\n';
      return 1;
    }
    std::cout << version << std::endl;  // the test waits for the first save
  }
}
