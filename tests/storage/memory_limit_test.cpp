#include "storage/memory_limit.h"

#include <gtest/gtest.h>

#include <cstdlib>

namespace pika {
namespace {

// Sets PIKA_MEMORY_LIMIT for one test and puts back what was there.
class ScopedLimit {
 public:
  explicit ScopedLimit(const char* value) {
    if (const char* old = std::getenv("PIKA_MEMORY_LIMIT")) saved_ = old;
    if (value != nullptr)
      ::setenv("PIKA_MEMORY_LIMIT", value, 1);
    else
      ::unsetenv("PIKA_MEMORY_LIMIT");
  }
  ~ScopedLimit() {
    if (saved_.empty())
      ::unsetenv("PIKA_MEMORY_LIMIT");
    else
      ::setenv("PIKA_MEMORY_LIMIT", saved_.c_str(), 1);
  }

 private:
  std::string saved_;
};

TEST(MemoryLimit, SizesReadAsDuckDbReadsThem) {
  EXPECT_EQ(*ParseByteSize("2GB"), 2'000'000'000u);
  EXPECT_EQ(*ParseByteSize("512 MiB"), 512u << 20);
  EXPECT_EQ(*ParseByteSize("1.5gb"), 1'500'000'000u);
  EXPECT_EQ(*ParseByteSize(" 4GiB "), uint64_t{4} << 30);
  EXPECT_EQ(*ParseByteSize("1073741824"), uint64_t{1} << 30);
  EXPECT_EQ(*ParseByteSize("1TB"), 1'000'000'000'000u);
}

TEST(MemoryLimit, AWrongSizeSaysWhatIsWrongAndHowToWriteOne) {
  for (const char* wrong : {"", "lots", "2 GBs", "-1GB", "0", "GB", "1e400"}) {
    auto parsed = ParseByteSize(wrong);
    ASSERT_FALSE(parsed.ok()) << wrong;
    EXPECT_NE(parsed.error().message.find(std::string("'") + wrong + "'"), std::string::npos)
        << parsed.error().message;
  }
  EXPECT_NE(ParseByteSize("lots").error().message.find("2GB"), std::string::npos);
}

TEST(MemoryLimit, TheEnvironmentWinsOverTheSettingAndNamesItself) {
  ScopedLimit limit("300MB");
  auto resolved = ResolveMemoryLimit("4GB");
  ASSERT_TRUE(resolved.ok());
  EXPECT_EQ(resolved->bytes, 300'000'000u);
  EXPECT_EQ(resolved->source, "PIKA_MEMORY_LIMIT");
  EXPECT_EQ(resolved->Setting(), "292968KiB");
}

TEST(MemoryLimit, AWrongOrTinyEnvironmentValueIsAnErrorNamingTheVariable) {
  {
    ScopedLimit limit("a lot");
    auto resolved = ResolveMemoryLimit();
    ASSERT_FALSE(resolved.ok());
    EXPECT_NE(resolved.error().message.find("PIKA_MEMORY_LIMIT"), std::string::npos);
  }
  ScopedLimit limit("1MB");
  auto resolved = ResolveMemoryLimit();
  ASSERT_FALSE(resolved.ok());
  EXPECT_NE(resolved.error().message.find("at least 16MB"), std::string::npos)
      << resolved.error().message;
}

TEST(MemoryLimit, WithoutTheVariableTheSettingAndThenEightyPercentOfMemoryApply) {
  ScopedLimit limit(nullptr);
  auto set = ResolveMemoryLimit("1GiB");
  ASSERT_TRUE(set.ok());
  EXPECT_EQ(set->bytes, uint64_t{1} << 30);
  EXPECT_EQ(set->source, "settings");
  auto fallback = ResolveMemoryLimit("nonsense");  // a broken setting never stops the app
  ASSERT_TRUE(fallback.ok());
  EXPECT_EQ(fallback->source, "default");
  EXPECT_NEAR(static_cast<double>(fallback->bytes),
              0.8 * static_cast<double>(PhysicalMemoryBytes()), 4096.0);
  EXPECT_GT(fallback->bytes, 0u);
}

}  // namespace
}  // namespace pika
