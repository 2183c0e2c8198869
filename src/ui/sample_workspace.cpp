#include "ui/sample_workspace.h"

#include <QDir>

#include "ui/graph_document.h"

namespace pika::ui {

namespace {

canvas::Node Make(canvas::NodeKind kind, std::string name, double x, double y) {
  canvas::Node node;
  node.kind = kind;
  node.name = std::move(name);
  node.position = {x, y};
  return node;
}

canvas::Node Plot(std::string name, double x, double y, canvas::PlotNodeSpec spec) {
  canvas::Node node = Make(canvas::NodeKind::kPlot, std::move(name), x, y);
  node.plot = std::move(spec);
  return node;
}

}  // namespace

void BuildSampleWorkspace(GraphDocument& document, const QString& data_dir) {
  const QDir dir(data_dir);
  canvas::Node flights = Make(canvas::NodeKind::kTable, "flights", 0, 0);
  flights.source_path = dir.filePath("flights-3m.parquet").toStdString();
  canvas::Node by_hour = Make(canvas::NodeKind::kQuery, "delay_by_hour", 320, -140);
  by_hour.sql =
      "SELECT hour(date) AS hour,\n       avg(delay) AS mean_delay,\n       count(*) AS "
      "flights\nFROM flights\nGROUP BY ALL\nORDER BY hour";
  canvas::Node weather = Make(canvas::NodeKind::kTable, "weather", 0, 360);
  weather.source_path = dir.filePath("seattle-weather.csv").toStdString();
  canvas::Node note = Make(canvas::NodeKind::kNote, "", -300, 0);
  note.text =
      "3 million US flights (2001). Edit the SQL of delay_by_hour: the bar chart follows. "
      "Double-click a plot to open it.";

  const canvas::NodeId flights_id = document.applyAdd(flights).value();
  const canvas::NodeId by_hour_id = document.applyAdd(by_hour).value();
  const canvas::NodeId weather_id = document.applyAdd(weather).value();
  (void)document.applyAdd(note);
  const canvas::NodeId bars =
      document
          .applyAdd(Plot("delay_bars", 640, -200,
                         {"bar", "hour", "mean_delay", "mean", "Mean delay by hour of departure"}))
          .value();
  const canvas::NodeId density =
      document
          .applyAdd(Plot("distance_vs_delay", 320, 120,
                         {"scatter", "distance", "delay", "", "Delay against distance"}))
          .value();
  const canvas::NodeId temps =
      document
          .applyAdd(Plot("seattle_temps", 320, 420,
                         {"line", "date", "temp_max", "", "Seattle daily maximum temperature"}))
          .value();
  const canvas::NodeId kinds = document
                                   .applyAdd(Plot("seattle_weather_kinds", 320, 720,
                                                  {"scatter", "temp_min", "temp_max", "",
                                                   "Seattle days by weather", "weather"}))
                                   .value();
  const canvas::NodeId winds =
      document
          .applyAdd(Plot("seattle_wind", 320, 1020,
                         {"box", "weather", "wind", "", "Seattle wind by weather"}))
          .value();
  (void)document.applyConnect(flights_id, by_hour_id);
  (void)document.applyConnect(by_hour_id, bars);
  (void)document.applyConnect(flights_id, density);
  (void)document.applyConnect(weather_id, temps);
  (void)document.applyConnect(weather_id, kinds);
  (void)document.applyConnect(weather_id, winds);
}

}  // namespace pika::ui
