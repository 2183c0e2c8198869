// Theme: the colours of everything in a plot that is not data.
#pragma once

#include "plot/scene.h"

namespace pika {

enum class ThemeKind { kLight, kDark };

struct Theme {
  Rgba background, text, muted_text, axis, grid, marks;
};

inline Theme ThemeFor(ThemeKind kind) {
  if (kind == ThemeKind::kDark) {
    return {{24, 26, 31, 255},    {230, 232, 235, 255}, {150, 155, 165, 255},
            {170, 175, 185, 255}, {52, 56, 64, 255},    {118, 183, 178, 255}};
  }
  return {{255, 255, 255, 255}, {33, 37, 41, 255},    {110, 115, 125, 255},
          {90, 95, 105, 255},   {230, 232, 236, 255}, {78, 121, 167, 255}};
}

}  // namespace pika
