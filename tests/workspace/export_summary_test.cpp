// summary.md explains an export folder on its own: images embedded, PDF pages and data files
// linked, failures said, and the SQL behind each plot in a fence nothing in it can close.
#include "workspace/export_summary.h"

#include <gtest/gtest.h>

namespace pika {
namespace {

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(ExportSummary, EmbedsImagesAndListsTheSqlBehindEachPlot) {
  ExportSummary summary{"sales", "2026-11-26 10:00 UTC", {"Q3 numbers.\n\nDraft."}, {}};
  summary.plots.push_back({"by_month", "Sales by month", "exact: 12 points",
                           "SELECT month, total FROM sales", "by month.png", 0, true, ""});
  summary.plots.push_back({"broken", "", "", "", "", 0, true, "'amount' is not a column"});
  const std::string md = SummaryMarkdown(summary);
  EXPECT_TRUE(md.starts_with("# sales\n")) << md;
  EXPECT_TRUE(Has(md, "Exported 2026-11-26 10:00 UTC."));
  EXPECT_TRUE(Has(md, "> Q3 numbers.\n>\n> Draft.\n"));
  EXPECT_TRUE(Has(md, "## Sales by month (by_month)"));
  EXPECT_TRUE(Has(md, "![by_month](<by month.png>)"));
  EXPECT_TRUE(Has(md, "*exact: 12 points*"));
  EXPECT_TRUE(Has(md, "```sql\nSELECT month, total FROM sales\n```"));
  EXPECT_TRUE(Has(md, "## broken\n\nNot exported: 'amount' is not a column"));
}

TEST(ExportSummary, PdfPagesAndDataFilesAreLinkedNotEmbedded) {
  ExportSummary summary{"w", "", {}, {}};
  summary.plots.push_back({"a", "", "", "", "plots.pdf", 2, false, ""});
  summary.plots.push_back({"b", "", "", "", "b.parquet", 0, false, ""});
  const std::string md = SummaryMarkdown(summary);
  EXPECT_TRUE(Has(md, "Page 2 of [plots.pdf](<plots.pdf>)."));
  EXPECT_TRUE(Has(md, "Data: [b.parquet](<b.parquet>)"));
  EXPECT_FALSE(Has(md, "Exported"));
}

TEST(ExportSummary, SqlWithBackticksGetsALongerFence) {
  ExportSummary summary{"w", "", {}, {}};
  summary.plots.push_back({"a", "", "", "SELECT '```' AS fence", "a.png", 0, true, ""});
  EXPECT_TRUE(Has(SummaryMarkdown(summary), "````sql\nSELECT '```' AS fence\n````"));
}

TEST(ExportSummary, FileNamesThatClashOnACaseInsensitiveDiskGetANumber) {
  std::vector<std::string> taken{"summary.md"};
  EXPECT_EQ(UniqueFileName("Plot", "png", taken), "Plot.png");
  EXPECT_EQ(UniqueFileName("plot", "png", taken), "plot_2.png");
  EXPECT_EQ(UniqueFileName("plot", "png", taken), "plot_3.png");
  EXPECT_EQ(UniqueFileName("summary", "md", taken), "summary_2.md");
}

}  // namespace
}  // namespace pika
