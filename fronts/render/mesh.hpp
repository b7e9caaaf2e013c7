#pragma once
// Meshes that draw parts (glTF, OBJ, STL through Assimp). A mesh is a picture, not geometry the
// checks use: it is placed on the bounds of the part's body boxes, and a mesh that cannot be
// read or does not match those bounds leaves the part drawn from its boxes, with the reason
// said once.
#include "catalog/part.hpp"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace rigfit::render {

// A mesh in its part's frame, in millimetres: triangles as (x, y, z, nx, ny, nz) per vertex.
struct Mesh {
  std::vector<float> vertices;
  geo::Aabb bounds;
  unsigned long id = 0; // unique while the program runs: the painter's key for its GPU copy
  size_t triangles() const { return vertices.size() / 18; }
};

// How far an "exact" mesh may differ from the part's boxes on any axis: about the rounding of
// published dimensions plus a shroud's trim; more means the mesh shows another part, or the
// wrong units.
constexpr double kMeshSizeToleranceMm = 3.0;

class MeshLibrary {
public:
  // Mesh files are looked up beside the part file, then in each of `assetDirs` in order.
  explicit MeshLibrary(std::vector<std::string> assetDirs);

  // The part's mesh placed in its frame, or nullptr when it names none or the mesh cannot be
  // used (the reason joins problems()).
  std::shared_ptr<const Mesh> of(const Part& part);

  // One sentence per part whose mesh could not be used, each said once: every call returns only
  // those not returned before.
  std::vector<std::string> newProblems();

private:
  struct Raw; // a file as read, shared by every part that names it
  std::shared_ptr<const Raw> read(const std::string& path, std::string& why);
  std::string resolve(const Part& part, std::vector<std::string>& tried) const;

  std::vector<std::string> assetDirs_;
  std::map<std::string, std::shared_ptr<const Raw>> files_;   // by resolved path; null: bad
  std::map<std::string, std::string> fileErrors_;             // by resolved path
  std::map<std::string, std::shared_ptr<const Mesh>> byPart_; // by part id; null: not usable
  std::vector<std::string> problems_;
  size_t told_ = 0;
};

} // namespace rigfit::render
