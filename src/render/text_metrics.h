// Text measurement with the fonts the painter uses, for layout done outside Qt.
#pragma once

#include "plot/tick_labels.h"

namespace pika {

// Width in logical pixels of a tick label as PaintScene draws it (needs a QGuiApplication).
TextExtent TickLabelWidth();

}  // namespace pika
