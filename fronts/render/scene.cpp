#include "scene.hpp"

#include "draw/draw.hpp"

#include <set>

namespace rigfit::render {

glm::vec4 rgba(draw::Rgb c, float alpha) {
  return {c.r / 255.0f, c.g / 255.0f, c.b / 255.0f, alpha};
}

namespace {

// A failing overlap's region, a little larger than itself so that it shows through the two
// bodies it lies in.
constexpr double kOverlapInflateMm = 0.8;

// The 3D scene as a sink of the build's draw commands: parts in their category's colour (from
// their meshes where they have usable ones), failing parts red, keep-outs as orange edges, the
// case as the edges of its interior so the inside shows, failing overlaps over everything.
class SceneSink : public draw::Sink {
public:
  SceneSink(Scene& scene, MeshLibrary* meshes, const SceneStyle& style)
      : s_(scene), meshes_(meshes), style_(style) {}

  void interior(const geo::Aabb& box) override {
    s_.bounds = box;
    if (style_.showCase)
      s_.boxes.push_back({geo::Box::fromAabb(box), rgba(draw::palette::kCaseEdge), false});
  }
  void part(const Placed& p, bool failing) override {
    // A mesh fits the part's own boxes; options (a raised fan) change those, so such a part is
    // drawn from its boxes.
    if (!meshes_ || !p.options.empty() || !p.placed) return;
    if (std::shared_ptr<const Mesh> m = meshes_->of(*p.part)) {
      s_.meshes.push_back({m, p.X_CP, colourOf(p, failing)});
      meshed_.insert(&p);
    }
  }
  void solid(const draw::SolidDraw& d) override {
    SolidRole role = d.solid.solid->role;
    if (role == SolidRole::Airflow || role == SolidRole::Limit) return;
    if (role == SolidRole::Body && meshed_.count(&d.part)) return;
    if (role == SolidRole::Keepout)
      s_.boxes.push_back({d.solid.box, rgba(draw::palette::kWarn), false});
    else
      s_.boxes.push_back({d.solid.box, colourOf(d.part, d.failing), true});
  }
  void overlap(const geo::Aabb& volume) override {
    if (style_.overlaps)
      s_.boxes.push_back({geo::Box::fromAabb(volume.inflated(kOverlapInflateMm)),
                          rgba(draw::palette::kOverlap, 0.6f), true, true});
  }

private:
  static glm::vec4 colourOf(const Placed& p, bool failing) {
    return rgba(failing ? draw::palette::kFail : draw::palette::category(p.part->category));
  }

  Scene& s_;
  MeshLibrary* meshes_;
  const SceneStyle& style_;
  std::set<const Placed*> meshed_;
};

} // namespace

Scene sceneOf(const Assembly& assembly, const std::vector<Finding>& findings, MeshLibrary* meshes,
              const SceneStyle& style) {
  Scene s;
  SceneSink sink(s, meshes, style);
  draw::drawBuild(assembly, findings, sink);
  return s;
}

} // namespace rigfit::render
