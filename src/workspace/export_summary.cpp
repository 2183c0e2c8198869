#include "workspace/export_summary.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace pika {

namespace {

// Links with spaces or parentheses break in Markdown: angle brackets keep them whole.
std::string Link(const std::string& file) { return "<" + file + ">"; }

std::string Lowercase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// A fence longer than any run of backticks in the SQL, so that none closes it early.
std::string FenceFor(const std::string& text) {
  size_t longest = 0, run = 0;
  for (char c : text) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return std::string(std::max<size_t>(3, longest + 1), '`');
}

void AddPlot(const ExportedPlot& plot, std::string& out) {
  out += fmt::format("\n## {}\n\n",
                     plot.title.empty() ? plot.name : plot.title + " (" + plot.name + ")");
  if (!plot.error.empty()) {
    out += fmt::format("Not exported: {}\n", plot.error);
  } else if (plot.pdf_page > 0) {
    out += fmt::format("Page {} of [{}]({}).\n", plot.pdf_page, plot.file, Link(plot.file));
  } else if (plot.image) {
    out += fmt::format("![{}]({})\n", plot.name, Link(plot.file));
  } else {
    out += fmt::format("Data: [{}]({})\n", plot.file, Link(plot.file));
  }
  if (!plot.badge.empty()) out += fmt::format("\n*{}*\n", plot.badge);
  if (!plot.sql.empty()) {
    const std::string fence = FenceFor(plot.sql);
    out += fmt::format("\n{}sql\n{}\n{}\n", fence, plot.sql, fence);
  }
}

}  // namespace

std::string SummaryMarkdown(const ExportSummary& summary) {
  std::string out = fmt::format("# {}\n", summary.workspace);
  if (!summary.timestamp.empty()) out += fmt::format("\nExported {}.\n", summary.timestamp);
  for (const std::string& note : summary.notes) {
    out += "\n";
    size_t start = 0;
    while (start <= note.size()) {  // every line quoted, so that a blank one stays inside
      const size_t end = std::min(note.find('\n', start), note.size());
      const std::string line = note.substr(start, end - start);
      out += line.empty() ? ">\n" : "> " + line + "\n";
      start = end + 1;
    }
  }
  for (const ExportedPlot& plot : summary.plots) AddPlot(plot, out);
  return out;
}

std::string UniqueFileName(const std::string& name, const std::string& extension,
                           std::vector<std::string>& taken) {
  std::string file = name + "." + extension;
  for (int number = 2; std::find(taken.begin(), taken.end(), Lowercase(file)) != taken.end();
       ++number)
    file = fmt::format("{}_{}.{}", name, number, extension);
  taken.push_back(Lowercase(file));
  return file;
}

}  // namespace pika
