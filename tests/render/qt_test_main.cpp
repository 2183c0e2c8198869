// GoogleTest main for tests that paint with Qt: text needs the GUI machinery (fonts), and
// tests run headless on the offscreen platform.
#include <gtest/gtest.h>

#include "render/headless_gui.h"

int main(int argc, char** argv) {
  pika::HeadlessGui gui(argc, argv);
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
