#include "compute/job_scheduler.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>

namespace pika {
namespace {

using namespace std::chrono_literals;

std::unique_ptr<JobScheduler> StartScheduler(int workers) {
  auto database = Database::Open({});
  EXPECT_TRUE(database.ok());
  auto scheduler = JobScheduler::Start(*database, workers);
  EXPECT_TRUE(scheduler.ok());
  return std::move(*scheduler);
}

// A query that runs until interrupted (a few seconds at most on a fast machine).
constexpr const char* kSlowQuery =
    "SELECT count(*) FROM range(100000000000) a WHERE hash(a.range) = 0";

TEST(JobScheduler, RunsJobsOnAnotherThreadWithAWorkingConnection) {
  auto scheduler = StartScheduler(2);
  std::promise<std::pair<std::thread::id, bool>> done;
  scheduler->Submit(1, [&](Connection& connection, const CancelToken&) {
    done.set_value({std::this_thread::get_id(), connection.Execute("SELECT 1").ok()});
  });
  auto [thread, ok] = done.get_future().get();
  EXPECT_NE(thread, std::this_thread::get_id());
  EXPECT_TRUE(ok);
}

TEST(JobScheduler, ANewJobForAKeyInterruptsTheRunningOneAndOtherKeysGoOn) {
  auto scheduler = StartScheduler(2);
  std::promise<Status> old_job, other_job;
  std::promise<void> old_started;
  scheduler->Submit(1, [&](Connection& connection, const CancelToken&) {
    old_started.set_value();
    old_job.set_value(connection.Execute(kSlowQuery));
  });
  old_started.get_future().wait();
  std::this_thread::sleep_for(50ms);  // let the query start
  std::promise<bool> new_job;
  scheduler->Submit(1, [&](Connection& connection, const CancelToken& cancel) {
    new_job.set_value(!cancel.cancelled() && connection.Execute("SELECT 2").ok());
  });
  auto old_status = old_job.get_future();
  ASSERT_EQ(old_status.wait_for(30s), std::future_status::ready);
  Status status = old_status.get();
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().kind, ErrorKind::kCancelled);
  EXPECT_TRUE(new_job.get_future().get());
}

TEST(JobScheduler, ACancelArrivingBetweenAJobsQueriesStillStopsTheNextQuery) {
  std::promise<void> between;
  std::promise<Status> slow;
  auto scheduler = StartScheduler(1);
  scheduler->Submit(1, [&](Connection& connection, const CancelToken& cancel) {
    (void)connection.Execute("SELECT 1");
    between.set_value();
    while (!cancel.cancelled()) std::this_thread::sleep_for(1ms);
    // The interrupt came while no query ran; the engine forgets it when this one starts.
    slow.set_value(connection.Execute(kSlowQuery));
  });
  between.get_future().wait();
  scheduler->Cancel(1);
  auto status = slow.get_future();
  ASSERT_EQ(status.wait_for(30s), std::future_status::ready);
  ASSERT_FALSE(status.get().ok());
}

TEST(JobScheduler, JobsOfOneKeyNeverOverlapEvenWithFreeWorkers) {
  auto scheduler = StartScheduler(2);
  std::atomic<int> running{0};
  std::atomic<bool> overlapped{false};
  std::atomic<int> done{0};
  for (int i = 0; i < 6; ++i) {
    scheduler->Submit(5, [&](Connection&, const CancelToken&) {
      if (running.fetch_add(1) > 0) overlapped = true;
      std::this_thread::sleep_for(20ms);  // ignores its cancel, like code between queries
      running.fetch_sub(1);
      ++done;
    });
  }
  while (done.load() < 6) std::this_thread::sleep_for(5ms);
  EXPECT_FALSE(overlapped);
}

TEST(JobScheduler, AQueuedJobThatWasReplacedStillReportsAsCancelled) {
  auto scheduler = StartScheduler(1);
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  scheduler->Submit(9, [released](Connection&, const CancelToken&) { released.wait(); });
  std::promise<bool> first, second;
  scheduler->Submit(
      1, [&](Connection&, const CancelToken& cancel) { first.set_value(cancel.cancelled()); });
  scheduler->Submit(
      1, [&](Connection&, const CancelToken& cancel) { second.set_value(cancel.cancelled()); });
  EXPECT_EQ(scheduler->pending(), 3u);
  release.set_value();
  EXPECT_TRUE(first.get_future().get());
  EXPECT_FALSE(second.get_future().get());
}

TEST(JobScheduler, AnInterruptMeantForAFinishedJobDoesNotHitTheNextOne) {
  auto scheduler = StartScheduler(1);
  std::promise<void> first_done;
  scheduler->Submit(1, [&](Connection&, const CancelToken&) { first_done.set_value(); });
  first_done.get_future().wait();
  scheduler->Cancel(1);  // nothing runs for key 1 any more
  std::promise<Status> next;
  scheduler->Submit(2, [&](Connection& connection, const CancelToken&) {
    next.set_value(connection.Execute("SELECT 1"));
  });
  EXPECT_TRUE(next.get_future().get().ok());
}

TEST(JobScheduler, StoppingCancelsRunningWorkAndWaitsForIt) {
  std::atomic<bool> finished{false};
  std::promise<void> started;
  {
    auto scheduler = StartScheduler(1);
    scheduler->Submit(1, [&](Connection& connection, const CancelToken&) {
      started.set_value();
      (void)connection.Execute(kSlowQuery);
      finished = true;
    });
    started.get_future().wait();
    std::this_thread::sleep_for(50ms);
  }
  EXPECT_TRUE(finished);
}

}  // namespace
}  // namespace pika
