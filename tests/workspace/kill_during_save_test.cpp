// Kill during save: a child process saves a workspace in a loop and is killed at random
// moments; the file must always open as one complete version. PIKA_KILL_ITERATIONS sets how
// many kills (default 12; `make test-all` runs 200).
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <random>
#include <thread>

#include "support/engine.h"
#include "support/temp_dir.h"
#include "workspace/workspace_file.h"

namespace pika {
namespace {

int Iterations() {
  const char* configured = std::getenv("PIKA_KILL_ITERATIONS");
  return configured != nullptr ? std::atoi(configured) : 12;
}

TEST(KillDuringSave, TheFileIsAlwaysACompleteVersion) {
  test::TempDir temp;
  const std::string target = temp.File("looped.pikaplot");
  std::mt19937 random(20261125);
  std::uniform_int_distribution<int> delay_ms(5, 400);
  int kills = 0;
  for (int iteration = 0; iteration < Iterations(); ++iteration) {
    int ready[2];
    ASSERT_EQ(pipe(ready), 0);
    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      dup2(ready[1], STDOUT_FILENO);
      close(ready[0]);
      execl(PIKA_SAVE_LOOP_PATH, PIKA_SAVE_LOOP_PATH, target.c_str(), temp.path().c_str(), nullptr);
      _exit(127);
    }
    close(ready[1]);
    // Once a first version exists, kill at a random moment of a later save.
    if (!std::filesystem::exists(target)) {
      char line[32];
      ASSERT_GT(read(ready[0], line, sizeof line), 0) << "the save loop did not start";
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms(random)));
    kill(child, SIGKILL);
    int status = 0;
    waitpid(child, &status, 0);
    close(ready[0]);
    kills += WIFSIGNALED(status) ? 1 : 0;
    auto engine = test::OpenEngine();
    auto loaded = LoadWorkspace(engine.connection, RealFileSystem(), target, temp.path().string());
    ASSERT_TRUE(loaded.ok()) << "after kill " << iteration << ": " << loaded.error().message;
    const canvas::Node* note = loaded->graph.FindByName("data") != nullptr
                                   ? &loaded->graph.nodes().rbegin()->second
                                   : nullptr;
    ASSERT_NE(note, nullptr);
    EXPECT_EQ(note->text.rfind("version ", 0), 0u);
    EXPECT_EQ(test::QueryValue(engine.connection, "SELECT count(*) FROM pika_node_data_1"),
              "200000");
  }
  EXPECT_EQ(kills, Iterations());
}

}  // namespace
}  // namespace pika
