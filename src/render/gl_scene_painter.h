// GlScenePainter: paints a Scene in an OpenGL context for the interactive view. The data
// marks — points, lines, density images — go to the GPU as vertex buffers and textures, kept
// while the same scene is repainted (panning previews repaint it every frame); axes and text
// go through the QPainter they are interleaved with, so the order of marks is kept.
#pragma once

#include <QMatrix4x4>
#include <memory>
#include <vector>

#include "plot/scene.h"

class QOpenGLBuffer;
class QOpenGLShaderProgram;
class QOpenGLTexture;
class QPainter;

namespace pika {

class GlScenePainter {
 public:
  GlScenePainter();
  ~GlScenePainter();
  GlScenePainter(const GlScenePainter&) = delete;
  GlScenePainter& operator=(const GlScenePainter&) = delete;

  // `painter` paints on the current GL context's surface (a QOpenGLWidget); its transform
  // and clip apply to every mark. Call with the context current; GPU objects are released
  // by release() or the destructor, also with the context current.
  // `version` names the scene: buffers are uploaded again only when it changes.
  void paint(const Scene& scene, uint64_t version, QPainter& painter);
  void release();
  // How many vertex buffers and textures were uploaded since construction (for tests: the
  // same scene painted again uploads nothing).
  int uploads() const { return uploads_; }

 private:
  struct Prepared;
  void prepare(const Scene& scene, uint64_t version);
  void drawNative(size_t index, const QMatrix4x4& transform, QPainter& painter);

  std::unique_ptr<QOpenGLShaderProgram> flat_, textured_;
  std::vector<std::unique_ptr<Prepared>> prepared_;  // one per mark of the scene
  uint64_t version_ = 0;
  bool has_version_ = false;
  bool gl_failed_ = false;  // the shaders did not compile: QPainter paints everything
  int uploads_ = 0;
};

}  // namespace pika
