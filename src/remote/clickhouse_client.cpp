#include "remote/clickhouse_client.h"

#include <curl/curl.h>
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdlib>
#include <functional>
#include <mutex>
#include <random>
#include <vector>

#include "remote/split_text.h"
#include "remote/text_values.h"

namespace pika {

namespace {

using CurlHandle = std::unique_ptr<CURL, decltype(&curl_easy_cleanup)>;

CurlHandle NewHandle() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  return {curl_easy_init(), &curl_easy_cleanup};
}

// A query id the server can be told to kill: ClickHouse has no other handle on a query, and
// closing the connection does not stop it.
std::string NewQueryId() {
  static thread_local std::mt19937_64 random{std::random_device{}()};
  return fmt::format("pika-{:016x}{:016x}", random(), random());
}

struct Transfer {
  std::string body;
  uint64_t max_bytes = 0;
  const CancelToken* cancel = nullptr;
  bool too_big = false;
  // Called now and then while the transfer waits (the query's progress), or empty.
  std::function<void()> poll;
  std::chrono::steady_clock::time_point next_poll = std::chrono::steady_clock::now();
};

// How often a running query's progress is asked for: a query shorter than the first
// interval never is.
constexpr auto kProgressInterval = std::chrono::milliseconds(500);

size_t Append(char* data, size_t size, size_t count, void* user) {
  auto& transfer = *static_cast<Transfer*>(user);
  if (transfer.body.size() + size * count > transfer.max_bytes) {
    transfer.too_big = true;
    return 0;  // stops the transfer
  }
  transfer.body.append(data, size * count);
  return size * count;
}

int CheckCancel(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  auto& transfer = *static_cast<Transfer*>(user);
  if (transfer.cancel != nullptr && transfer.cancel->cancelled()) return 1;
  if (transfer.poll && std::chrono::steady_clock::now() >= transfer.next_poll) {
    transfer.poll();
    transfer.next_poll = std::chrono::steady_clock::now() + kProgressInterval;
  }
  return 0;
}

std::string Unescaped(std::string_view field) {
  std::string text;
  text.reserve(field.size());
  for (size_t i = 0; i < field.size(); ++i) {
    if (field[i] != '\\' || i + 1 == field.size()) {
      text += field[i];
      continue;
    }
    const char next = field[++i];
    switch (next) {
      case 't': text += '\t'; break;
      case 'n': text += '\n'; break;
      case 'r': text += '\r'; break;
      case 'b': text += '\b'; break;
      case 'f': text += '\f'; break;
      case '0': text += '\0'; break;
      default: text += next; break;
    }
  }
  return text;
}

std::vector<std::string_view> Lines(std::string_view body) {
  std::vector<std::string_view> lines;
  while (!body.empty()) {
    const size_t end = body.find('\n');
    lines.push_back(body.substr(0, end));
    if (end == body.npos) break;
    body.remove_prefix(end + 1);
  }
  return lines;
}

class ClickHouseClient final : public RemoteClient {
 public:
  ClickHouseClient(RemoteSource source, std::string password, RemoteOptions options)
      : RemoteClient(std::move(source)), password_(std::move(password)), options_(options) {}

  Result<TableBatch> Query(const std::string& sql, const CancelToken& cancel) override {
    const std::string query_id = NewQueryId();
    Transfer transfer{{}, options_.max_result_bytes, &cancel, false};
    if (progress()) {
      transfer.poll = [this, &query_id, shown = 0.0]() mutable {
        shown = std::max(shown, QueryProgress(query_id));  // a shard's total may come late
        if (shown > 0) progress()(shown);
      };
      transfer.next_poll += kProgressInterval;
    }
    const std::string body = sql + "\nFORMAT TSVWithNamesAndTypes";
    Reply reply;
    const CURLcode code = Post(query_id, body, transfer, options_.query_timeout_s + 5, reply);
    const long status = reply.status;
    CountBytes(reply.bytes);
    if (code != CURLE_OK) {
      // Nothing runs on a server that was never reached (or never verified).
      if (code != CURLE_COULDNT_CONNECT && code != CURLE_COULDNT_RESOLVE_HOST &&
          code != CURLE_PEER_FAILED_VERIFICATION && code != CURLE_SSL_CACERT_BADFILE)
        Kill(query_id);
      return TransferError(code, transfer);
    }
    if (status != 200) return ServerError(status, transfer.body);
    return ParseClickHouseTsv(transfer.body);
  }

 private:
  std::string Url(CURL* curl, const std::string& query_id, int timeout_s) const {
    char* database = curl_easy_escape(curl, source().database.c_str(), 0);
    std::string url = fmt::format(
        // readonly=2: reads only, and no query can change `readonly` to lift it; other settings
        // (a query's own SETTINGS max_threads = 4) still work, which readonly=1 would refuse.
        "{}://{}:{}/?database={}&query_id={}&enable_http_compression=1&wait_end_of_query=1"
        "&max_execution_time={}&readonly=2",
        source().secure ? "https" : "http", source().host, PortOf(source()), database, query_id,
        timeout_s);
    curl_free(database);
    return url;
  }

  struct Reply {
    long status = 0;
    uint64_t bytes = 0;  // as they came over the network: compressed
  };

  CURLcode Post(const std::string& query_id, const std::string& body, Transfer& transfer,
                int timeout_s, Reply& reply) const {
    CurlHandle curl = NewHandle();
    const std::string url = Url(curl.get(), query_id, options_.query_timeout_s);
    const std::string user = source().user.empty() ? "default" : source().user;
    curl_easy_setopt(curl.get(), CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl.get(), CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl.get(), CURLOPT_POSTFIELDS, body.c_str());
    curl_easy_setopt(curl.get(), CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
    // libcurl verifies the peer and its host name by default; only the CA may change.
    if (!ca_file_.empty()) curl_easy_setopt(curl.get(), CURLOPT_CAINFO, ca_file_.c_str());
    curl_easy_setopt(curl.get(), CURLOPT_USERNAME, user.c_str());
    curl_easy_setopt(curl.get(), CURLOPT_PASSWORD, password_.c_str());
    curl_easy_setopt(curl.get(), CURLOPT_ACCEPT_ENCODING, "gzip");
    curl_easy_setopt(curl.get(), CURLOPT_CONNECTTIMEOUT,
                     static_cast<long>(options_.connect_timeout_s));
    curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT, static_cast<long>(timeout_s));
    curl_easy_setopt(curl.get(), CURLOPT_WRITEFUNCTION, &Append);
    curl_easy_setopt(curl.get(), CURLOPT_WRITEDATA, &transfer);
    curl_easy_setopt(curl.get(), CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(curl.get(), CURLOPT_XFERINFOFUNCTION, &CheckCancel);
    curl_easy_setopt(curl.get(), CURLOPT_XFERINFODATA, &transfer);
    const CURLcode code = curl_easy_perform(curl.get());
    curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &reply.status);
    curl_off_t bytes = 0;
    curl_easy_getinfo(curl.get(), CURLINFO_SIZE_DOWNLOAD_T, &bytes);
    reply.bytes = static_cast<uint64_t>(bytes);
    return code;
  }

  // The initiating server's view of a running query: rows read so far of those it expects to
  // read (a distributed query's shards report theirs to it), or 0 when it cannot tell. Not
  // past 99%: the result has yet to come.
  double QueryProgress(const std::string& query_id) const {
    Transfer transfer{{}, 1 << 16, nullptr, false};
    Reply reply;
    const CURLcode code = Post(
        NewQueryId(),
        fmt::format("SELECT read_rows, total_rows_approx FROM system.processes WHERE query_id = "
                    "'{}' FORMAT TSV",
                    query_id),
        transfer, options_.connect_timeout_s, reply);
    // No row: the query has just ended.
    if (code != CURLE_OK || reply.status != 200 || transfer.body.find('\t') == std::string::npos)
      return 0;
    char* end = nullptr;
    const double read = std::strtod(transfer.body.c_str(), &end);
    const double total = std::strtod(end, nullptr);
    return total > 0 ? std::min(read / total, 0.99) : 0;
  }

  // Stops the query on the server: on its own, an aborted transfer leaves it running there.
  // Shards run a distributed query under the same initial_query_id, and the KILL reaches them.
  void Kill(const std::string& query_id) const {
    Transfer transfer{{}, 1 << 20, nullptr, false};
    Reply reply;
    Post(
        NewQueryId(),
        fmt::format("KILL QUERY WHERE query_id = '{0}' OR initial_query_id = '{0}' SYNC", query_id),
        transfer, options_.connect_timeout_s + 10, reply);
  }

  Error TransferError(CURLcode code, const Transfer& transfer) const {
    const std::string where = fmt::format("ClickHouse at {}:{}", source().host, PortOf(source()));
    if (code == CURLE_ABORTED_BY_CALLBACK)
      return Cancelled("cancelled; the query was stopped on " + where);
    if (transfer.too_big) {
      return InvalidInput(
          fmt::format("the result from {} is larger than {} MB: aggregate it or add a LIMIT", where,
                      options_.max_result_bytes >> 20));
    }
    if (code == CURLE_PEER_FAILED_VERIFICATION || code == CURLE_SSL_CACERT_BADFILE) {
      return EngineError(fmt::format(
          "cannot verify {} ({}): nothing was sent to it. Set PIKA_REMOTE_CA_FILE to the "
          "certificate of the CA that signed the server's, or check the host name",
          where, curl_easy_strerror(code)));
    }
    if (code == CURLE_OPERATION_TIMEDOUT) {
      return EngineError(
          fmt::format("{} did not answer within {} s; the query was stopped. "
                      "Retry, or narrow the query",
                      where, options_.query_timeout_s));
    }
    return EngineError(fmt::format(
        "cannot reach {} ({}): check the host and port and that the server runs, then retry", where,
        curl_easy_strerror(code)));
  }

  Error ServerError(long status, std::string_view body) const {
    const ClickHouseError error = ParseClickHouseError(body);
    const std::string where = fmt::format("ClickHouse at {}:{}", source().host, PortOf(source()));
    switch (error.code) {
      case 192:
      case 193:
      case 194:
      case 516:  // unknown user, wrong or missing password
        return InvalidInput(fmt::format(
            "{} refused user '{}': {}. Set the password in PIKA_REMOTE_PASSWORD and retry", where,
            source().user.empty() ? "default" : source().user, error.message));
      case 60:
      case 81:  // unknown table, unknown database
        return NotFound(fmt::format("{}: {}", where, error.message));
      case 159:  // timeout exceeded
        return EngineError(fmt::format("{} stopped the query after {} s: {}", where,
                                       options_.query_timeout_s, error.message));
      default:
        if (error.code == 0) {
          return EngineError(
              fmt::format("{} answered HTTP {}: {}", where, status, body.substr(0, 300)));
        }
        return InvalidInput(fmt::format("{}: {} (code {})", where, error.message, error.code));
    }
  }

  std::string password_;
  RemoteOptions options_;
  std::string ca_file_ = CaFileFromEnvironment();
};

}  // namespace

ClickHouseError ParseClickHouseError(std::string_view body) {
  ClickHouseError error;
  if (!body.starts_with("Code: ")) return error;
  body.remove_prefix(6);
  const auto [end, failed] = std::from_chars(body.data(), body.data() + body.size(), error.code);
  if (failed != std::errc()) return error;
  body.remove_prefix(static_cast<size_t>(end - body.data()));
  constexpr std::string_view kException = "DB::Exception: ";
  if (const size_t at = body.find(kException); at != body.npos)
    body.remove_prefix(at + kException.size());
  // 18.16 ends the message at ", e.what()", current versions at ". (CODE_NAME)".
  for (std::string_view end_mark : {", e.what()", ". (", "\n"}) {
    if (const size_t at = body.find(end_mark); at != body.npos) body = body.substr(0, at);
  }
  while (!body.empty() && (body.back() == '.' || body.back() == ' ')) body.remove_suffix(1);
  error.message = std::string(body);
  return error;
}

Result<TableBatch> ParseClickHouseTsv(std::string_view body) {
  if (body.empty()) return TableBatch{};  // a statement without rows (CREATE, INSERT...)
  const std::vector<std::string_view> lines = Lines(body);
  if (lines.size() < 2) return EngineError("ClickHouse answered without column names and types");
  const std::vector<std::string_view> names = SplitText(lines[0], '\t');
  const std::vector<std::string_view> types = SplitText(lines[1], '\t');
  // A proxy or a server that is not ClickHouse may answer anything: never trust the shape.
  if (names.size() != types.size()) {
    return EngineError(fmt::format("ClickHouse answered {} column names but {} types", names.size(),
                                   types.size()));
  }
  TableBatch batch;
  for (size_t column = 0; column < names.size(); ++column) {
    batch.columns.push_back(
        MakeColumn(Unescaped(names[column]), ClickHouseColumnType(Unescaped(types[column]))));
  }
  for (size_t line = 2; line < lines.size(); ++line) {
    const std::vector<std::string_view> fields = SplitText(lines[line], '\t');
    if (fields.size() != names.size()) {
      return EngineError(fmt::format("line {} of ClickHouse's answer has {} fields, not {}",
                                     line + 1, fields.size(), names.size()));
    }
    for (size_t index = 0; index < fields.size(); ++index) {
      Column& column = batch.columns[index];
      const std::string_view field = fields[index];
      const std::optional<std::string> text =
          field == "\\N" ? std::nullopt : std::optional<std::string>(Unescaped(field));
      if (!AppendText(column, text)) {
        return EngineError(fmt::format("cannot read '{}' in column '{}' of ClickHouse's answer",
                                       text.value_or(""), column.name));
      }
    }
    ++batch.row_count;
  }
  return batch;
}

Result<std::unique_ptr<RemoteClient>> ConnectClickHouse(const RemoteSource& source,
                                                        const std::string& password,
                                                        const RemoteOptions& options) {
  auto client = std::make_unique<ClickHouseClient>(source, password, options);
  auto answer = client->Query("SELECT 1", CancelToken());
  if (!answer.ok()) return answer.error();
  return std::unique_ptr<RemoteClient>(std::move(client));
}

}  // namespace pika
