// HeadlessGui: the Qt GUI machinery (fonts, image formats) without a window, for the CLI and
// tests that paint scenes. One per process, alive while painting.
#pragma once

#include <memory>

class QGuiApplication;

namespace pika {

class HeadlessGui {
 public:
  // Uses the offscreen platform unless QT_QPA_PLATFORM says otherwise.
  HeadlessGui(int& argc, char** argv);
  HeadlessGui();  // for callers without a command line
  ~HeadlessGui();
  HeadlessGui(const HeadlessGui&) = delete;
  HeadlessGui& operator=(const HeadlessGui&) = delete;

 private:
  int default_argc_ = 1;
  char default_name_[5] = "pika";
  char* default_argv_[2] = {default_name_, nullptr};
  std::unique_ptr<QGuiApplication> app_;
};

}  // namespace pika
