// Colour maps: viridis for continuous values (perceptually uniform, readable in grey and by
// colour-blind readers) and a 10-colour categorical palette.
#pragma once

#include <cstddef>

#include "plot/scene.h"

namespace pika {

// t in [0, 1] (clamped; NaN gives the colour for missing values, a neutral grey).
Rgba Viridis(double t);

// The colour of category `index`; colours repeat after ten categories.
Rgba CategoryColor(size_t index);
inline constexpr size_t kCategoryColors = 10;

}  // namespace pika
