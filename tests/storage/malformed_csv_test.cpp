// One fixture per malformed-CSV class of RELIABILITY.md, each with the outcome users get.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "support/engine.h"
#include "support/temp_dir.h"

namespace pika {
namespace {

using test::FixturePath;
using test::QueryValue;

class MalformedCsv : public ::testing::Test {
 protected:
  Result<ImportResult> ImportFixture(const std::string& name, ImportOptions options = {}) {
    return test::Import(engine_.connection, FixturePath("csv/" + name), std::move(options));
  }
  std::string Value(const std::string& sql) { return QueryValue(engine_.connection, sql); }
  bool TableExists() {
    return Value("SELECT count(*) FROM duckdb_tables() WHERE table_name = 't'") == "1";
  }

  test::Engine engine_ = test::OpenEngine();
};

const ColumnReport& ColumnNamed(const ImportReport& report, const std::string& name) {
  for (const ColumnReport& column : report.columns) {
    if (column.name == name) return column;
  }
  static const ColumnReport missing{"<missing>"};
  ADD_FAILURE() << "no column " << name;
  return missing;
}

TEST_F(MalformedCsv, EmptyFileIsRefusedWithAReason) {
  auto result = ImportFixture("empty.csv");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().kind, ErrorKind::kInvalidInput);
  EXPECT_NE(result.error().message.find("empty"), std::string::npos);
  EXPECT_FALSE(TableExists());
}

TEST_F(MalformedCsv, HeaderOnlyGivesAnEmptyTableWithTheColumns) {
  auto result = ImportFixture("header_only.csv");
  ASSERT_TRUE(result.ok()) << result.error().message;
  EXPECT_EQ(result->report.rows, 0u);
  ASSERT_EQ(result->report.columns.size(), 3u);
  EXPECT_EQ(result->report.columns[2].name, "score");
  EXPECT_DOUBLE_EQ(result->report.columns[2].confidence, 0.0);
}

TEST_F(MalformedCsv, BlankLinesAreSkippedNotCountedAsRows) {
  auto result = ImportFixture("blank_lines.csv");
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->report.rows, 3u);
  EXPECT_EQ(result->report.rejected, 0u);
}

TEST_F(MalformedCsv, TheLastRowWithoutANewlineIsKept) {
  auto result = ImportFixture("no_trailing_newline.csv");
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(Value("SELECT name FROM t WHERE id = 3"), "c");
}

TEST_F(MalformedCsv, MixedNewlinesAreAllRead) {
  auto result = ImportFixture("mixed_newlines.csv");
  ASSERT_TRUE(result.ok()) << result.error().message;
  EXPECT_EQ(result->report.rows, 4u);
  // Read strictly from a copy with one kind of line ending: DuckDB's relaxed mode, the only
  // one that takes mixed endings, drops values past a row's last column without a word.
  EXPECT_TRUE(result->report.dialect.strict);
  ASSERT_FALSE(result->report.notes.empty());
  EXPECT_NE(result->report.notes[0].find("line endings were mixed"), std::string::npos);
  EXPECT_EQ(Value("SELECT string_agg(name, '') FROM t"), "abcd");
}

TEST_F(MalformedCsv, SemicolonAndTabDelimitersAreDetected) {
  auto semicolon = ImportFixture("semicolon.csv");
  ASSERT_TRUE(semicolon.ok());
  EXPECT_EQ(semicolon->report.dialect.delimiter, ";");
  EXPECT_EQ(Value("SELECT city FROM t WHERE id = 2"), "Rome");
  test::Engine other = test::OpenEngine();
  auto tab = test::Import(other.connection, FixturePath("csv/tab.tsv"));
  ASSERT_TRUE(tab.ok());
  EXPECT_EQ(tab->report.dialect.delimiter, "\t");
  EXPECT_EQ(QueryValue(other.connection, "SELECT sum(score) FROM t"), "8.75");
}

TEST_F(MalformedCsv, DecimalCommasAndDotThousandsAreNumbers) {
  auto result = ImportFixture("decimal_comma.csv");
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(ColumnNamed(result->report, "price").engine_type, "DOUBLE");
  EXPECT_EQ(Value("SELECT price FROM t WHERE id = 1"), "3.14");
  EXPECT_EQ(Value("SELECT weight FROM t WHERE id = 1"), "1234.5");
}

TEST_F(MalformedCsv, DelimitersInsideQuotesStayInTheValue) {
  auto result = ImportFixture("delimiter_in_quotes.csv");
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(Value("SELECT address FROM t WHERE id = 2"), "1 Elm, Apt 4, Boston");
}

TEST_F(MalformedCsv, TooFewColumnsStopsTheImportAndNamesTheLine) {
  auto result = ImportFixture("too_few_columns.csv");
  ASSERT_TRUE(result.ok()) << result.error().message;
  EXPECT_EQ(result->outcome, ImportOutcome::kStoppedOnBadRows);
  ASSERT_EQ(result->report.rejects.size(), 1u);
  EXPECT_EQ(result->report.rejects[0].line, 3u);
  EXPECT_NE(result->report.rejects[0].reason.find("missing columns"), std::string::npos);
  EXPECT_FALSE(TableExists());
}

TEST_F(MalformedCsv, TooManyColumnsCanBeSkippedWithTheRowListed) {
  ImportOptions options;
  options.bad_rows = BadRowPolicy::kSkip;
  auto result = ImportFixture("too_many_columns.csv", options);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->outcome, ImportOutcome::kImported);
  EXPECT_EQ(result->report.rows, 3u);
  EXPECT_EQ(result->report.rejected, 1u);
  EXPECT_EQ(result->report.rejects[0].line, 3u);
  EXPECT_NE(result->report.rejects[0].reason.find("too many columns"), std::string::npos);
}

TEST_F(MalformedCsv, AWiderLastRowIsRejectedInsteadOfHidingTheRowsAboveIt) {
  ImportOptions options;
  options.bad_rows = BadRowPolicy::kSkip;
  auto result = ImportFixture("too_many_columns_last_line.csv", options);
  ASSERT_TRUE(result.ok()) << result.error().message;
  EXPECT_EQ(result->report.rows, 40u);
  ASSERT_EQ(result->report.rejected, 1u);
  EXPECT_EQ(result->report.rejects[0].line, 42u);
  EXPECT_EQ(result->report.columns.size(), 3u);
}

TEST_F(MalformedCsv, AnUnterminatedQuoteLosesNoRow) {
  auto result = ImportFixture("unterminated_quote.csv");
  ASSERT_TRUE(result.ok()) << result.error().message;
  EXPECT_EQ(result->report.rows + result->report.rejected, 3u);
  EXPECT_EQ(Value("SELECT count(*) FROM t WHERE id = 3"), "1");
}

TEST_F(MalformedCsv, UnescapedQuotesAreKeptAsWritten) {
  auto result = ImportFixture("unescaped_quote.csv");
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->report.rows, 3u);
  EXPECT_EQ(Value("SELECT name FROM t WHERE id = 2"), "\"say \"hi\" now\"");
}

TEST_F(MalformedCsv, QuotedNewlinesStayInsideValuesAndLinesAreCountedAsInAnEditor) {
  ImportOptions options;
  options.type_overrides["score"] = ColumnType::kBigint;
  auto result = ImportFixture("quoted_newlines.csv", options);
  ASSERT_TRUE(result.ok());
  ASSERT_EQ(result->report.rejects.size(), 1u);
  EXPECT_EQ(result->report.rejects[0].line, 7u);  // row 3 starts on the file's 7th line
  EXPECT_EQ(result->report.rejects[0].column, "score");
  EXPECT_NE(result->report.rejects[0].reason.find("'oops' is not a BIGINT"), std::string::npos);
  options.bad_rows = BadRowPolicy::kSkip;
  ASSERT_TRUE(ImportFixture("quoted_newlines.csv", options).ok());
  EXPECT_EQ(Value("SELECT note FROM t WHERE id = 2"), "a\nb\nc");
}

TEST_F(MalformedCsv, NulBytesDoNotTruncateTheFile) {
  auto result = ImportFixture("nul_bytes.csv");
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->report.rows, 2u);
  EXPECT_EQ(Value("SELECT score FROM t WHERE id = 2"), "20");
}

TEST_F(MalformedCsv, InvalidUtf8RowsAreRejectedWithTheirLineAndAnEncodingHint) {
  auto result = ImportFixture("invalid_utf8.csv");
  ASSERT_TRUE(result.ok()) << result.error().message;
  EXPECT_EQ(result->outcome, ImportOutcome::kStoppedOnBadRows);
  ASSERT_EQ(result->report.rejects.size(), 1u);
  EXPECT_EQ(result->report.rejects[0].line, 3u);
  EXPECT_NE(result->report.rejects[0].reason.find("Latin-1"), std::string::npos);
}

TEST_F(MalformedCsv, Latin1FilesAreDetectedAndReadCorrectly) {
  auto result = ImportFixture("latin1.csv");
  ASSERT_TRUE(result.ok()) << result.error().message;
  EXPECT_EQ(result->report.rows, 3u);
  EXPECT_EQ(result->report.dialect.encoding, "latin-1");
  EXPECT_EQ(Value("SELECT city FROM t WHERE id = 1"), "M\xc3\xbcnchen");
  ASSERT_FALSE(result->report.notes.empty());
  EXPECT_NE(result->report.notes[0].find("read as latin-1"), std::string::npos);
  // Said to be UTF-8, it is read as UTF-8: every row is then rejected, with a hint.
  ASSERT_TRUE(engine_.connection.Execute("DROP TABLE t").ok());
  ImportOptions options;
  options.encoding = "utf-8";
  auto forced = ImportFixture("latin1.csv", options);
  ASSERT_TRUE(forced.ok());
  EXPECT_EQ(forced->outcome, ImportOutcome::kStoppedOnBadRows);
}

TEST_F(MalformedCsv, Windows1252IsToldFromLatin1ByItsPrintableC1Bytes) {
  auto result = ImportFixture("windows1252.csv");
  ASSERT_TRUE(result.ok()) << result.error().message;
  EXPECT_EQ(result->report.dialect.encoding, "windows-1252");
  EXPECT_EQ(Value("SELECT price FROM t WHERE id = 1"), "3\xe2\x82\xac");  // 3€
  EXPECT_EQ(Value("SELECT name FROM t WHERE id = 1"),
            "Caf\xc3\xa9 \xe2\x80\x9cLa Cr\xc3\xa8me\xe2\x80\x9d");  // Café “La Crème”
}

TEST_F(MalformedCsv, Utf16WithoutAByteOrderMarkIsToldByItsNulsInEitherByteOrder) {
  for (const std::string name : {"utf16_le_no_bom.csv", "utf16_be_no_bom.csv", "utf16_be.csv"}) {
    auto result = ImportFixture(name);
    ASSERT_TRUE(result.ok()) << name << ": " << result.error().message;
    EXPECT_EQ(result->report.rows, 2u) << name;
    EXPECT_EQ(Value("SELECT city FROM t WHERE id = 2"), "Z\xc3\xbcrich") << name;
    (void)engine_.connection.Execute("DROP TABLE t");
  }
}

TEST_F(MalformedCsv, Utf16WithABomIsDetected) {
  auto result = ImportFixture("utf16.csv");
  ASSERT_TRUE(result.ok()) << result.error().message;
  EXPECT_EQ(result->report.dialect.encoding, "utf-16");
  EXPECT_EQ(Value("SELECT city FROM t WHERE id = 2"), "Z\xc3\xbcrich");
}

TEST_F(MalformedCsv, AUtf8BomIsNotPartOfTheFirstColumnName) {
  auto result = ImportFixture("bom_utf8.csv");
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->report.columns[0].name, "id");
}

TEST_F(MalformedCsv, AVeryLongLineIsImportedWhole) {
  test::TempDir temp;
  const std::string path =
      temp.Write("long.csv", "id,text\n1,short\n2," + std::string(3'000'000, 'x') + "\n3,short\n");
  auto result = test::Import(engine_.connection, path);
  ASSERT_TRUE(result.ok()) << result.error().message.substr(0, 500);
  EXPECT_EQ(result->report.rows, 3u);
  EXPECT_EQ(result->report.dialect.max_line_size, kLongLineBytes);
  EXPECT_EQ(Value("SELECT length(text) FROM t WHERE id = 2"), "3000000");
}

TEST_F(MalformedCsv, TenThousandColumnsAreAllImported) {
  std::string header = "c0", row = "0";
  for (int column = 1; column < 10'000; ++column) {
    header += ",c" + std::to_string(column);
    row += "," + std::to_string(column);
  }
  test::TempDir temp;
  const std::string path = temp.Write("wide.csv", header + "\n" + row + "\n" + row + "\n");
  auto result = test::Import(engine_.connection, path);
  ASSERT_TRUE(result.ok()) << result.error().message.substr(0, 300);
  EXPECT_EQ(result->report.columns.size(), 10'000u);
  EXPECT_EQ(result->report.rows, 2u);
  EXPECT_EQ(Value("SELECT sum(c9999) FROM t"), "19998");
}

TEST_F(MalformedCsv, ALineOverTheLimitIsNamedWithItsNumberAndTheLimitAndCanBeRaised) {
  test::TempDir temp;
  const std::string path = temp.Write(
      "long.csv", "id,text\n1,short\n2,short\n3," + std::string(300'000, 'x') + "\n4,short\n");
  ImportOptions options;
  options.max_line_size = 100'000;
  auto refused = test::Import(engine_.connection, path, options);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("line 4 of"), std::string::npos)
      << refused.error().message;
  EXPECT_NE(refused.error().message.find("longer than the limit of 100000 bytes"),
            std::string::npos);
  EXPECT_NE(refused.error().message.find("--max-line-size"), std::string::npos);
  options.max_line_size = 500'000;
  auto raised = test::Import(engine_.connection, path, options);
  ASSERT_TRUE(raised.ok()) << raised.error().message.substr(0, 300);
  EXPECT_EQ(raised->report.rows, 4u);
  EXPECT_EQ(raised->report.dialect.max_line_size, 500'000u);
}

TEST_F(MalformedCsv, DuplicateAndEmptyHeaderNamesGetUniqueNames) {
  auto duplicates = ImportFixture("duplicate_headers.csv");
  ASSERT_TRUE(duplicates.ok());
  EXPECT_EQ(duplicates->report.columns[2].name, "value_1");
  test::Engine other = test::OpenEngine();
  auto empty = test::Import(other.connection, FixturePath("csv/empty_header_names.csv"));
  ASSERT_TRUE(empty.ok());
  EXPECT_FALSE(empty->report.columns[1].name.empty());
}

TEST_F(MalformedCsv, ANumericFirstRowIsDataNotAHeader) {
  auto result = ImportFixture("numeric_first_row.csv");
  ASSERT_TRUE(result.ok());
  EXPECT_FALSE(result->report.dialect.header);
  EXPECT_EQ(result->report.rows, 4u);
}

TEST_F(MalformedCsv, MixedTypesInAColumnStayTextWithLowConfidence) {
  auto result = ImportFixture("mixed_types.csv");
  ASSERT_TRUE(result.ok());
  const ColumnReport& value = ColumnNamed(result->report, "value");
  EXPECT_EQ(value.engine_type, "VARCHAR");
  EXPECT_LT(value.confidence, 0.5);
  EXPECT_EQ(Value("SELECT value FROM t WHERE id = 2"), "twenty");
}

TEST_F(MalformedCsv, LeadingZeroIdsKeepTheirZeros) {
  auto result = ImportFixture("leading_zero_ids.csv");
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(Value("SELECT zip FROM t WHERE count = 3"), "00501");
}

TEST_F(MalformedCsv, MixedDateFormatsStayTextAndSaySo) {
  auto result = ImportFixture("mixed_date_formats.csv");
  ASSERT_TRUE(result.ok());
  const ColumnReport& day = ColumnNamed(result->report, "day");
  EXPECT_EQ(day.engine_type, "VARCHAR");
  EXPECT_LT(day.confidence, 0.5);
}

TEST_F(MalformedCsv, ThousandsSeparatorsAreReadAsNumbers) {
  auto result = ImportFixture("thousands_separators.csv");
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(Value("SELECT sum(population) FROM t"), "4247566");
}

TEST_F(MalformedCsv, ScientificNotationIsDouble) {
  auto result = ImportFixture("scientific_notation.csv");
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(Value("SELECT value FROM t WHERE id = 1"), "100000");
}

TEST_F(MalformedCsv, NonMonotonicTimestampsKeepFileOrder) {
  auto result = ImportFixture("non_monotonic_timestamps.csv");
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(ColumnNamed(result->report, "at").engine_type, "TIMESTAMP");
  EXPECT_EQ(Value("SELECT string_agg(id::VARCHAR, ',') FROM t"), "1,2,3");
  EXPECT_EQ(Value("SELECT \"at\" FROM t WHERE id = 3"), "2020-01-01 09:00:00.500000");
}

TEST_F(MalformedCsv, CommentLinesAreNotData) {
  auto result = ImportFixture("comment_lines.csv");
  ASSERT_TRUE(result.ok()) << result.error().message;
  EXPECT_EQ(result->report.rows, 2u);
  EXPECT_EQ(result->report.columns[0].name, "id");
}

TEST_F(MalformedCsv, GzipAndZstdFilesImport) {
  ASSERT_TRUE(ImportFixture("plain.csv.gz").ok());
  EXPECT_EQ(Value("SELECT count(*) FROM t"), "1000");
  test::Engine other = test::OpenEngine();
  auto zstd = test::Import(other.connection, FixturePath("csv/plain.csv.zst"));
  ASSERT_TRUE(zstd.ok()) << zstd.error().message;
  EXPECT_EQ(zstd->report.rows, 1000u);
}

TEST_F(MalformedCsv, ATruncatedGzipFileIsRefusedInsteadOfImportedInPart) {
  auto result = ImportFixture("truncated.csv.gz");
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.error().message.find("damaged"), std::string::npos);
  EXPECT_FALSE(TableExists());
}

TEST_F(MalformedCsv, ATruncatedZstdFileIsRefused) {
  test::TempDir temp;
  std::ifstream source(FixturePath("csv/plain.csv.zst"), std::ios::binary);
  const std::string whole((std::istreambuf_iterator<char>(source)), {});
  const std::string path = temp.Write("cut.csv.zst", whole.substr(0, whole.size() / 2));
  auto result = test::Import(engine_.connection, path);
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.error().message.find("ends early"), std::string::npos);
}

TEST_F(MalformedCsv, YesNoColumnsAreBoolean) {
  auto result = ImportFixture("yes_no_booleans.csv");
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(Value("SELECT count(*) FROM t WHERE member"), "2");
}

TEST_F(MalformedCsv, DayFirstMonthFirstAndMonthNameDates) {
  ASSERT_TRUE(ImportFixture("day_first_dates.csv").ok());
  EXPECT_EQ(Value("SELECT day FROM t WHERE id = 2"), "2020-02-13");
  test::Engine a = test::OpenEngine();
  ASSERT_TRUE(test::Import(a.connection, FixturePath("csv/month_first_ambiguous.csv")).ok());
  EXPECT_EQ(QueryValue(a.connection, "SELECT day FROM t WHERE id = 1"), "2020-01-02");
  test::Engine b = test::OpenEngine();
  ASSERT_TRUE(test::Import(b.connection, FixturePath("csv/month_name_dates.csv")).ok());
  EXPECT_EQ(QueryValue(b.connection, "SELECT day FROM t WHERE id = 2"), "2000-02-29");
}

TEST_F(MalformedCsv, NullWordsAreMissingValuesInNumberColumns) {
  auto result = ImportFixture("null_words.csv");
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(Value("SELECT count(score) FROM t"), "3");
  EXPECT_EQ(Value("SELECT count(*) FROM t"), "5");
}

}  // namespace
}  // namespace pika
