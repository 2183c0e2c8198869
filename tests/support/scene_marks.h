// What scene tests look for: the marks of one kind, and the texts drawn; text measured as
// 6 px per byte (real widths come from the renderer).
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "plot/scene.h"

namespace pika::test {

inline double FakeWidth(std::string_view text) { return 6.0 * static_cast<double>(text.size()); }

template <typename T>
std::vector<const T*> MarksOf(const Scene& scene) {
  std::vector<const T*> marks;
  for (const Mark& mark : scene.marks) {
    if (const auto* item = std::get_if<T>(&mark)) marks.push_back(item);
  }
  return marks;
}

inline std::vector<std::string> Texts(const Scene& scene) {
  std::vector<std::string> texts;
  for (const TextMark* text : MarksOf<TextMark>(scene)) texts.push_back(text->text);
  return texts;
}

inline bool Contains(const std::vector<std::string>& texts, const std::string& wanted) {
  return std::find(texts.begin(), texts.end(), wanted) != texts.end();
}

}  // namespace pika::test
