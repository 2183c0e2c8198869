#include "remote/remote_source.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <vector>

#include "remote/split_text.h"

namespace pika {

namespace {

struct Scheme {
  std::string_view prefix;
  RemoteEngine engine;
};
constexpr Scheme kSchemes[] = {{"clickhouse://", RemoteEngine::kClickHouse},
                               {"clickhouses://", RemoteEngine::kClickHouse},
                               {"postgres://", RemoteEngine::kPostgres},
                               {"postgresql://", RemoteEngine::kPostgres}};

Error BadUrl(std::string_view url, std::string_view what) {
  return InvalidInput(fmt::format(
      "cannot read the remote source '{}': {}; write it as "
      "clickhouse://user@host:8123/database/table or postgres://user@host:5432/database/table",
      url, what));
}

constexpr std::string_view kSslModes[] = {"disable", "allow",     "prefer",
                                          "require", "verify-ca", "verify-full"};

// One `name=value` of the URL's query: the TLS options each engine takes.
Status ReadOption(std::string_view url, std::string_view option, RemoteSource& source) {
  const size_t equals = option.find('=');
  const std::string_view name = option.substr(0, equals);
  const std::string_view value = equals == option.npos ? "" : option.substr(equals + 1);
  const bool clickhouse = source.engine == RemoteEngine::kClickHouse;
  if (clickhouse && name == "secure" && (value == "1" || value == "0")) {
    source.secure = value == "1";
  } else if (!clickhouse && name == "sslmode" &&
             std::find(std::begin(kSslModes), std::end(kSslModes), value) != std::end(kSslModes)) {
    source.sslmode = std::string(value);
  } else if (!clickhouse && name == "sslrootcert" && !value.empty()) {
    source.sslrootcert = std::string(value);
  } else {
    return BadUrl(url, fmt::format("'{}' is not an option {} takes (ClickHouse: secure=1; "
                                   "PostgreSQL: sslmode=verify-full, sslrootcert=FILE)",
                                   option, EngineName(source.engine)));
  }
  return {};
}

// host[:port], with [v6] hosts in brackets.
Status ReadHostAndPort(std::string_view url, std::string_view text, RemoteSource& source) {
  const size_t colon = text.rfind(':');
  const bool has_port = colon != std::string_view::npos && text.find(']', colon) == text.npos;
  source.host = std::string(text.substr(0, has_port ? colon : text.size()));
  if (source.host.empty()) return BadUrl(url, "it names no host");
  if (!has_port) return {};
  const std::string_view digits = text.substr(colon + 1);
  unsigned port = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), port);
  if (error != std::errc() || end != digits.data() + digits.size() || port == 0 || port > 65535)
    return BadUrl(url, fmt::format("'{}' is not a port number (1 to 65535)", digits));
  source.port = static_cast<uint16_t>(port);
  return {};
}

// Table names hold no quote of the engine's own: quoting would have to escape them, and such
// names are rare enough to refuse.
std::string Quoted(std::string_view name, char quote) {
  return fmt::format("{0}{1}{0}", quote, name);
}

}  // namespace

std::string_view EngineName(RemoteEngine engine) {
  return engine == RemoteEngine::kClickHouse ? "ClickHouse" : "PostgreSQL";
}

uint16_t PortOf(const RemoteSource& source) {
  if (source.port != 0) return source.port;
  if (source.engine == RemoteEngine::kPostgres) return 5432;
  return source.secure ? 8443 : 8123;
}

Result<RemoteSource> ParseRemoteUrl(std::string_view url) {
  RemoteSource source;
  std::string_view rest;
  for (const Scheme& scheme : kSchemes) {
    if (!url.starts_with(scheme.prefix)) continue;
    source.engine = scheme.engine;
    rest = url.substr(scheme.prefix.size());
  }
  if (rest.empty()) return BadUrl(url, "it starts with neither clickhouse:// nor postgres://");
  source.secure = url.starts_with("clickhouses://");
  if (const size_t question = rest.find('?'); question != std::string_view::npos) {
    for (std::string_view option : SplitText(rest.substr(question + 1), '&'))
      PIKA_TRY(ReadOption(url, option, source));
    rest = rest.substr(0, question);
  }
  const std::vector<std::string_view> parts = SplitText(rest, '/');
  if (parts.size() != 3 || parts[1].empty() || parts[2].empty())
    return BadUrl(url, "it needs a database and a table after the host");
  std::string_view authority = parts[0];
  if (const size_t at = authority.rfind('@'); at != std::string_view::npos) {
    source.user = std::string(authority.substr(0, at));
    if (source.user.find(':') != std::string::npos) {
      return BadUrl(url,
                    "it holds a password; set PIKA_REMOTE_PASSWORD instead (or use ~/.pgpass for "
                    "PostgreSQL)");
    }
    authority.remove_prefix(at + 1);
  }
  PIKA_TRY(ReadHostAndPort(url, authority, source));
  source.database = std::string(parts[1]);
  source.table = std::string(parts[2]);
  const char quote = source.engine == RemoteEngine::kClickHouse ? '`' : '"';
  if (source.table.find(quote) != std::string::npos ||
      source.database.find(quote) != std::string::npos)
    return BadUrl(url, fmt::format("names with {} in them are not supported", quote));
  return source;
}

std::string RemoteUrl(const RemoteSource& source) {
  const std::string user = source.user.empty() ? "" : source.user + "@";
  const std::string port = source.port == 0 ? "" : fmt::format(":{}", source.port);
  std::vector<std::string> options;
  if (!source.sslmode.empty()) options.push_back("sslmode=" + source.sslmode);
  if (!source.sslrootcert.empty()) options.push_back("sslrootcert=" + source.sslrootcert);
  const std::string scheme = source.engine == RemoteEngine::kPostgres ? "postgres"
                             : source.secure                          ? "clickhouses"
                                                                      : "clickhouse";
  return fmt::format("{}://{}{}{}/{}/{}{}{}", scheme, user, source.host, port, source.database,
                     source.table, options.empty() ? "" : "?", fmt::join(options, "&"));
}

std::string RemoteTableSql(const RemoteSource& source) {
  if (!source.query.empty()) return fmt::format("({}) AS pika_query", source.query);
  if (source.engine == RemoteEngine::kClickHouse)
    return Quoted(source.database, '`') + "." + Quoted(source.table, '`');
  const size_t dot = source.table.find('.');
  if (dot == std::string::npos) return Quoted(source.table, '"');
  return Quoted(std::string_view(source.table).substr(0, dot), '"') + "." +
         Quoted(std::string_view(source.table).substr(dot + 1), '"');
}

std::string CaFileFromEnvironment() {
  const char* file = std::getenv("PIKA_REMOTE_CA_FILE");
  return file == nullptr ? "" : file;
}

std::string PasswordFromEnvironment(const RemoteSource& source) {
  const char* names[] = {"PIKA_REMOTE_PASSWORD", source.engine == RemoteEngine::kClickHouse
                                                     ? "CLICKHOUSE_PASSWORD"
                                                     : "PGPASSWORD"};
  for (const char* name : names) {
    if (const char* value = std::getenv(name); value != nullptr) return value;
  }
  return {};
}

}  // namespace pika
