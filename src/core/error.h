// Error: an expected failure described for the person who has to act on it.
#pragma once

#include <string>

namespace pika {

enum class ErrorKind {
  kInvalidInput,  // the user's input is wrong: a bad file, option or SQL
  kNotFound,      // a file, table or column that does not exist
  kIo,            // the operating system refused a read or write
  kEngine,        // DuckDB failed for a reason that is not the user's input
  kCancelled,     // the user (or a newer job) cancelled the work
  kHeldBack,      // not run: its estimated cost asks for the user's go-ahead first
  kNotAllowed,    // a restricted (untrusted) workspace reached for a file or server
  kOverBudget,    // the rows would not fit the memory budget here: reduce them where they are
  kInternal,      // a bug: should never reach a user
};

struct Error {
  ErrorKind kind = ErrorKind::kInternal;
  std::string message;  // what is wrong, where, and what to do about it
};

inline Error InvalidInput(std::string message) {
  return {ErrorKind::kInvalidInput, std::move(message)};
}
inline Error NotFound(std::string message) { return {ErrorKind::kNotFound, std::move(message)}; }
inline Error IoError(std::string message) { return {ErrorKind::kIo, std::move(message)}; }
inline Error EngineError(std::string message) { return {ErrorKind::kEngine, std::move(message)}; }
inline Error Cancelled(std::string message = "cancelled") {
  return {ErrorKind::kCancelled, std::move(message)};
}
inline Error Internal(std::string message) { return {ErrorKind::kInternal, std::move(message)}; }
inline Error HeldBack(std::string message) { return {ErrorKind::kHeldBack, std::move(message)}; }
inline Error NotAllowed(std::string message) {
  return {ErrorKind::kNotAllowed, std::move(message)};
}
inline Error OverBudget(std::string message) {
  return {ErrorKind::kOverBudget, std::move(message)};
}

// True when the failure was caused by what the user gave us, not by a bug or the system.
inline bool IsUserError(const Error& error) {
  return error.kind == ErrorKind::kInvalidInput || error.kind == ErrorKind::kNotFound ||
         error.kind == ErrorKind::kCancelled || error.kind == ErrorKind::kHeldBack ||
         error.kind == ErrorKind::kNotAllowed || error.kind == ErrorKind::kOverBudget;
}

}  // namespace pika
