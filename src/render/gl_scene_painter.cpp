#include "render/gl_scene_painter.h"

#include <QOpenGLBuffer>
#include <QOpenGLContext>
#include <QOpenGLFunctions>
#include <QOpenGLShaderProgram>
#include <QOpenGLTexture>
#include <QPainter>

#include "render/scene_painter.h"

namespace pika {

namespace {

// Desktop GL 2.1 / GLSL 1.20: what QOpenGLWidget's default context offers everywhere,
// Mesa's software renderer included.
constexpr const char* kFlatVertex = R"(#version 120
attribute vec2 position;
attribute vec4 color;
uniform mat4 transform;
uniform float point_size;
varying vec4 v_color;
void main() {
  gl_Position = transform * vec4(position, 0.0, 1.0);
  gl_PointSize = point_size;
  v_color = color;
})";
constexpr const char* kFlatFragment = R"(#version 120
varying vec4 v_color;
uniform bool round_points;
void main() {
  if (round_points) {
    vec2 d = gl_PointCoord - vec2(0.5);
    if (dot(d, d) > 0.25) discard;
  }
  gl_FragColor = v_color;
})";
constexpr const char* kTexturedVertex = R"(#version 120
attribute vec2 position;
attribute vec2 texcoord;
uniform mat4 transform;
varying vec2 v_texcoord;
void main() {
  gl_Position = transform * vec4(position, 0.0, 1.0);
  v_texcoord = texcoord;
})";
constexpr const char* kTexturedFragment = R"(#version 120
uniform sampler2D image;
varying vec2 v_texcoord;
void main() { gl_FragColor = texture2D(image, v_texcoord); })";

// Not in the GLES2 headers Qt's QOpenGLFunctions follows, but in every desktop context.
constexpr GLenum kProgramPointSize = 0x8642;
constexpr GLenum kPointSprite = 0x8861;

QVector4D ToVector(Rgba color) {
  return {color.r / 255.0f, color.g / 255.0f, color.b / 255.0f, color.a / 255.0f};
}

std::unique_ptr<QOpenGLShaderProgram> Compile(const char* vertex, const char* fragment) {
  auto program = std::make_unique<QOpenGLShaderProgram>();
  if (!program->addShaderFromSourceCode(QOpenGLShader::Vertex, vertex) ||
      !program->addShaderFromSourceCode(QOpenGLShader::Fragment, fragment) || !program->link()) {
    qWarning("pika: OpenGL shader failed: %s", qPrintable(program->log()));
    return nullptr;
  }
  return program;
}

}  // namespace

// A data mark on the GPU: its vertices (x, y[, r, g, b, a] or x, y, s, t) and texture.
struct GlScenePainter::Prepared {
  enum class Kind { kQPainter, kPoints, kLine, kImage } kind = Kind::kQPainter;
  QOpenGLBuffer vertices{QOpenGLBuffer::VertexBuffer};
  std::unique_ptr<QOpenGLTexture> texture;
  int count = 0;
  bool per_vertex_color = false;
  QVector4D color;
  float size = 1;  // point diameter or line width
};

GlScenePainter::GlScenePainter() = default;
GlScenePainter::~GlScenePainter() { release(); }

void GlScenePainter::release() {
  prepared_.clear();
  flat_.reset();
  textured_.reset();
  gl_failed_ = false;
  has_version_ = false;
}

void GlScenePainter::prepare(const Scene& scene, uint64_t version) {
  if (has_version_ && version == version_ && prepared_.size() == scene.marks.size()) return;
  prepared_.clear();
  version_ = version;
  has_version_ = true;
  for (const Mark& mark : scene.marks) {
    auto prepared = std::make_unique<Prepared>();
    if (const auto* points = std::get_if<PointsMark>(&mark)) {
      prepared->kind = Prepared::Kind::kPoints;
      prepared->per_vertex_color =
          points->colors.size() == points->centers.size() && points->colors.size() > 1;
      prepared->color =
          points->colors.empty() ? QVector4D(0, 0, 0, 1) : ToVector(points->colors[0]);
      prepared->size = static_cast<float>(points->radius * 2);
      std::vector<float> data;
      data.reserve(points->centers.size() * (prepared->per_vertex_color ? 6 : 2));
      for (size_t i = 0; i < points->centers.size(); ++i) {
        data.push_back(static_cast<float>(points->centers[i].x));
        data.push_back(static_cast<float>(points->centers[i].y));
        if (prepared->per_vertex_color) {
          const QVector4D c = ToVector(points->colors[i]);
          data.insert(data.end(), {c.x(), c.y(), c.z(), c.w()});
        }
      }
      prepared->count = static_cast<int>(points->centers.size());
      prepared->vertices.create();
      prepared->vertices.bind();
      prepared->vertices.allocate(data.data(), static_cast<int>(data.size() * sizeof(float)));
      prepared->vertices.release();
      ++uploads_;
    } else if (const auto* line = std::get_if<PolylineMark>(&mark)) {
      prepared->kind = Prepared::Kind::kLine;
      prepared->color = ToVector(line->color);
      prepared->size = static_cast<float>(line->width);
      std::vector<float> data;
      data.reserve(line->points.size() * 2);
      for (const ScenePoint& point : line->points) {
        data.push_back(static_cast<float>(point.x));
        data.push_back(static_cast<float>(point.y));
      }
      prepared->count = static_cast<int>(line->points.size());
      prepared->vertices.create();
      prepared->vertices.bind();
      prepared->vertices.allocate(data.data(), static_cast<int>(data.size() * sizeof(float)));
      prepared->vertices.release();
      ++uploads_;
    } else if (const auto* image = std::get_if<ImageMark>(&mark)) {
      prepared->kind = Prepared::Kind::kImage;
      QImage raster(reinterpret_cast<const uchar*>(image->pixels.data()),
                    static_cast<int>(image->columns), static_cast<int>(image->rows),
                    static_cast<qsizetype>(image->columns) * 4, QImage::Format_RGBA8888);
      prepared->texture = std::make_unique<QOpenGLTexture>(raster.copy());
      // Each grid cell is one screen pixel's count: never blur neighbouring counts together.
      prepared->texture->setMinMagFilters(QOpenGLTexture::Nearest, QOpenGLTexture::Nearest);
      prepared->texture->setWrapMode(QOpenGLTexture::ClampToEdge);
      const auto x0 = static_cast<float>(image->x), y0 = static_cast<float>(image->y);
      const auto x1 = static_cast<float>(image->x + image->width);
      const auto y1 = static_cast<float>(image->y + image->height);
      const float quad[] = {x0, y0, 0, 0, x1, y0, 1, 0, x0, y1, 0, 1, x1, y1, 1, 1};
      prepared->count = 4;
      prepared->vertices.create();
      prepared->vertices.bind();
      prepared->vertices.allocate(quad, sizeof(quad));
      prepared->vertices.release();
      ++uploads_;
    }
    prepared_.push_back(std::move(prepared));
  }
}

void GlScenePainter::paint(const Scene& scene, uint64_t version, QPainter& painter) {
  if (!gl_failed_ && !flat_) flat_ = Compile(kFlatVertex, kFlatFragment);
  if (!gl_failed_ && !textured_) textured_ = Compile(kTexturedVertex, kTexturedFragment);
  gl_failed_ = !flat_ || !textured_;  // tried once, not on every frame
  if (gl_failed_) {                   // no usable GL: paint it all with QPainter instead
    PaintScene(scene, painter, false);
    return;
  }
  prepare(scene, version);
  for (size_t index = 0; index < scene.marks.size(); ++index) {
    if (prepared_[index]->kind == Prepared::Kind::kQPainter) {
      PaintMark(scene.marks[index], painter);
      continue;
    }
    QMatrix4x4 projection;
    projection.ortho(0, static_cast<float>(painter.device()->width()),
                     static_cast<float>(painter.device()->height()), 0, -1, 1);
    drawNative(index, projection * QMatrix4x4(painter.combinedTransform()), painter);
  }
}

void GlScenePainter::drawNative(size_t index, const QMatrix4x4& transform, QPainter& painter) {
  Prepared& mark = *prepared_[index];
  const bool clipped = painter.hasClipping();
  const QRectF clip =
      clipped ? painter.combinedTransform().mapRect(painter.clipBoundingRect()) : QRectF();
  const double ratio = painter.device()->devicePixelRatioF();
  const int device_height = static_cast<int>(painter.device()->height() * ratio);
  painter.beginNativePainting();
  QOpenGLFunctions* gl = QOpenGLContext::currentContext()->functions();
  gl->glEnable(GL_BLEND);
  // Colour blends; the framebuffer's alpha stays 1, or grabs of the view come out wrong.
  gl->glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ZERO, GL_ONE);
  if (clipped) {
    gl->glEnable(GL_SCISSOR_TEST);
    gl->glScissor(static_cast<GLint>(clip.left() * ratio),
                  device_height - static_cast<GLint>(clip.bottom() * ratio),
                  static_cast<GLsizei>(clip.width() * ratio),
                  static_cast<GLsizei>(clip.height() * ratio));
  }
  mark.vertices.bind();
  if (mark.kind == Prepared::Kind::kImage) {
    textured_->bind();
    textured_->setUniformValue("transform", transform);
    textured_->setUniformValue("image", 0);
    mark.texture->bind(0);
    textured_->enableAttributeArray("position");
    textured_->enableAttributeArray("texcoord");
    textured_->setAttributeBuffer("position", GL_FLOAT, 0, 2, 4 * sizeof(float));
    textured_->setAttributeBuffer("texcoord", GL_FLOAT, 2 * sizeof(float), 2, 4 * sizeof(float));
    gl->glDrawArrays(GL_TRIANGLE_STRIP, 0, mark.count);
    textured_->disableAttributeArray("position");
    textured_->disableAttributeArray("texcoord");
    mark.texture->release();
    textured_->release();
  } else {
    const bool points = mark.kind == Prepared::Kind::kPoints;
    flat_->bind();
    flat_->setUniformValue("transform", transform);
    flat_->setUniformValue("point_size", mark.size * static_cast<float>(ratio));
    flat_->setUniformValue("round_points", points);
    const int stride = (mark.per_vertex_color ? 6 : 2) * static_cast<int>(sizeof(float));
    flat_->enableAttributeArray("position");
    flat_->setAttributeBuffer("position", GL_FLOAT, 0, 2, stride);
    if (mark.per_vertex_color) {
      flat_->enableAttributeArray("color");
      flat_->setAttributeBuffer("color", GL_FLOAT, 2 * sizeof(float), 4, stride);
    } else {
      flat_->setAttributeValue("color", mark.color);
    }
    if (points) {
      gl->glEnable(kProgramPointSize);
      gl->glEnable(kPointSprite);
    } else {
      gl->glLineWidth(mark.size * static_cast<float>(ratio));
    }
    gl->glDrawArrays(points ? GL_POINTS : GL_LINE_STRIP, 0, mark.count);
    flat_->disableAttributeArray("position");
    if (mark.per_vertex_color) flat_->disableAttributeArray("color");
    flat_->release();
  }
  mark.vertices.release();
  if (clipped) gl->glDisable(GL_SCISSOR_TEST);
  painter.endNativePainting();
}

}  // namespace pika
