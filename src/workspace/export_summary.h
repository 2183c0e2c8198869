// summary.md of a batch export: what was exported, when, and from what — each plot's image
// (or its PDF page, or its data file), its badge, and the SQL behind it — so a folder of
// exports explains itself in any Markdown viewer.
#pragma once

#include <string>
#include <vector>

namespace pika {

struct ExportedPlot {
  std::string name;   // the node's name
  std::string title;  // the plot's title, when it has one
  std::string badge;  // what the plot shows (exact, aggregated, sampled)
  std::string sql;    // the SQL behind it
  std::string file;   // relative to the folder; empty when it failed
  int pdf_page = 0;   // for a PDF of all plots: the plot's page (1-based)
  bool image = true;  // file is an image to embed (PNG, SVG), not data or a PDF
  std::string error;  // why it was not exported
};

struct ExportSummary {
  std::string workspace;  // the workspace's name (its file's name, or "Untitled")
  std::string timestamp;  // when, as people read it; empty: not said
  std::vector<std::string> notes;
  std::vector<ExportedPlot> plots;
};

std::string SummaryMarkdown(const ExportSummary& summary);

// A file name made of a node's name: node names are identifiers already, but a folder may
// hold "a" and "A" on a case-insensitive file system, so a clash gets a number.
std::string UniqueFileName(const std::string& name, const std::string& extension,
                           std::vector<std::string>& taken);

}  // namespace pika
