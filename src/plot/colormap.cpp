#include "plot/colormap.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace pika {

namespace {

// Polynomial fit of matplotlib's viridis (Matt Zucker's, max error under 1/255 per channel):
// cheaper and smaller than a 256-entry table, and continuous.
constexpr std::array<std::array<double, 3>, 7> kViridis{{
    {0.2777273272234177, 0.005407344544966578, 0.3340998053353061},
    {0.1050930431085774, 1.404613529898575, 1.384590162594685},
    {-0.3308618287255563, 0.214847559468213, 0.09509516302823659},
    {-4.634230498983486, -5.799100973351585, -19.33244095627987},
    {6.228269936347081, 14.17993336680509, 56.69055260068105},
    {4.776384997670288, -13.74514537774601, -65.35303263337234},
    {-5.435455855934631, 4.645852612178535, 26.3124352495832},
}};

// Tableau 10: distinct at a glance, and none too light on white or too dark on black.
constexpr std::array<Rgba, kCategoryColors> kCategories{{
    {0x4E, 0x79, 0xA7, 255},
    {0xF2, 0x8E, 0x2B, 255},
    {0xE1, 0x57, 0x59, 255},
    {0x76, 0xB7, 0xB2, 255},
    {0x59, 0xA1, 0x4F, 255},
    {0xED, 0xC9, 0x48, 255},
    {0xB0, 0x7A, 0xA1, 255},
    {0xFF, 0x9D, 0xA7, 255},
    {0x9C, 0x75, 0x5F, 255},
    {0xBA, 0xB0, 0xAC, 255},
}};

uint8_t Channel(double value) {
  return static_cast<uint8_t>(std::lround(std::clamp(value, 0.0, 1.0) * 255.0));
}

}  // namespace

Rgba Viridis(double t) {
  if (std::isnan(t)) return {128, 128, 128, 255};
  t = std::clamp(t, 0.0, 1.0);
  std::array<double, 3> color{};
  for (size_t channel = 0; channel < 3; ++channel) {
    double value = 0.0;
    for (size_t power = kViridis.size(); power-- > 0;) value = value * t + kViridis[power][channel];
    color[channel] = value;
  }
  return {Channel(color[0]), Channel(color[1]), Channel(color[2]), 255};
}

Rgba CategoryColor(size_t index) { return kCategories[index % kCategories.size()]; }

}  // namespace pika
