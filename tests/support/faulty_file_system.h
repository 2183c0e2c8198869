// FaultyFileSystem: fails its Nth operation, as a full disk or a denied write would, so that
// a test can fail every step of a save in turn.
#pragma once

#include "storage/file_system.h"

namespace pika::test {

class FaultyFileSystem : public FileSystem {
 public:
  explicit FaultyFileSystem(int fail_at) : fail_at_(fail_at) {}
  Result<std::string> ReadAll(const std::string& path) override { return real_.ReadAll(path); }
  Result<int> Create(const std::string& path) override {
    if (Fail()) return IoError("injected: cannot create");
    return real_.Create(path);
  }
  Status Write(int handle, std::string_view bytes) override {
    if (Fail()) return IoError("injected: disk full");
    return real_.Write(handle, bytes);
  }
  Status Seek(int handle, uint64_t offset) override {
    return Fail() ? Status(IoError("injected: cannot seek")) : real_.Seek(handle, offset);
  }
  Status Sync(int handle) override {
    return Fail() ? Status(IoError("injected")) : real_.Sync(handle);
  }
  Status Close(int handle) override {
    Status closed = real_.Close(handle);  // the descriptor is released either way
    return Fail() ? Status(IoError("injected")) : closed;
  }
  Status Rename(const std::string& from, const std::string& to) override {
    return Fail() ? Status(IoError("injected: permission denied")) : real_.Rename(from, to);
  }
  Status Remove(const std::string& path) override { return real_.Remove(path); }
  Status SyncDirectory(const std::string& directory) override {
    return Fail() ? Status(IoError("injected")) : real_.SyncDirectory(directory);
  }
  int calls() const { return calls_; }

 private:
  bool Fail() { return ++calls_ == fail_at_; }
  FileSystem& real_ = RealFileSystem();
  int fail_at_;
  int calls_ = 0;
};

}  // namespace pika::test
