#include "mesh.hpp"

#include <algorithm>
#include <assimp/DefaultIOSystem.h>
#include <assimp/Importer.hpp>
#include <assimp/postprocess.h>
#include <assimp/scene.h>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <filesystem>

namespace rigfit::render {

namespace fs = std::filesystem;

// Triangles as the file has them, in its units and axes.
struct MeshLibrary::Raw {
  std::vector<glm::dvec3> positions, normals; // three per triangle
};

namespace {

std::atomic<unsigned long> nextMeshId{1};

// Largest mesh file read, and most triangles drawn, for one part: the catalog's meshes are
// under 1 MB and 6,000 triangles; a 5-million-face file took 10 s and 2.2 GB to draw.
constexpr std::uintmax_t kMaxMeshFileBytes = 32u << 20;
constexpr size_t kMaxMeshTriangles = 500000;

// Assimp's file access, confined: only regular files (a FIFO would block the viewer), and only
// inside the mesh's own folder (a glTF buffer named "../../x" or "/dev/zero" is refused).
class ConfinedIOSystem : public Assimp::DefaultIOSystem {
public:
  explicit ConfinedIOSystem(fs::path root) : root_(fs::weakly_canonical(root)) {}
  bool Exists(const char* file) const override { return allowed(file); }
  Assimp::IOStream* Open(const char* file, const char* mode) override {
    if (std::string(mode).find_first_of("wa+") != std::string::npos || !allowed(file))
      return nullptr;
    return DefaultIOSystem::Open(file, mode);
  }

private:
  bool allowed(const char* file) const {
    std::error_code ec;
    fs::path p = fs::weakly_canonical(file, ec);
    if (ec || !fs::is_regular_file(p, ec) || fs::file_size(p, ec) > kMaxMeshFileBytes) return false;
    auto [r, q] = std::mismatch(root_.begin(), root_.end(), p.begin(), p.end());
    return r == root_.end();
  }
  fs::path root_;
};

std::string mm(const geo::Vec3& v) {
  char s[64];
  std::snprintf(s, sizeof s, "%.1f x %.1f x %.1f mm", v.x, v.y, v.z);
  return s;
}

} // namespace

MeshLibrary::MeshLibrary(std::vector<std::string> assetDirs) : assetDirs_(std::move(assetDirs)) {}

std::string MeshLibrary::resolve(const Part& part, std::vector<std::string>& tried) const {
  const std::string& file = part.mesh->file; // relative, without "..": the reader sees to it
  std::vector<fs::path> dirs;
  if (!part.file.empty()) dirs.push_back(fs::path(part.file).parent_path());
  for (const std::string& d : assetDirs_)
    dirs.emplace_back(d);
  for (const fs::path& d : dirs) {
    fs::path p = d / file;
    std::error_code ec;
    if (fs::is_regular_file(p, ec)) return p.string();
    tried.push_back(d.string());
  }
  return "";
}

std::shared_ptr<const MeshLibrary::Raw> MeshLibrary::read(const std::string& path,
                                                          std::string& why) {
  if (auto it = files_.find(path); it != files_.end()) {
    why = fileErrors_[path];
    return it->second;
  }
  std::error_code ec;
  if (!fs::is_regular_file(path, ec))
    why = "is not a regular file";
  else if (fs::file_size(path, ec) > kMaxMeshFileBytes)
    why = "is larger than the 32 MiB rigfit reads for a mesh";
  if (!why.empty()) {
    files_[path] = nullptr;
    fileErrors_[path] = why;
    return nullptr;
  }
  Assimp::Importer importer;
  importer.SetIOHandler(new ConfinedIOSystem(fs::path(path).parent_path())); // owned by it
  // Points and lines are dropped: only surfaces are drawn.
  importer.SetPropertyInteger(AI_CONFIG_PP_SBP_REMOVE,
                              aiPrimitiveType_POINT | aiPrimitiveType_LINE);
  const aiScene* scene = importer.ReadFile(
      path, aiProcess_Triangulate | aiProcess_PreTransformVertices | aiProcess_GenNormals |
                aiProcess_SortByPType | aiProcess_ValidateDataStructure);
  auto raw = std::make_shared<Raw>();
  if (!scene) {
    why = std::string("cannot be read: ") + importer.GetErrorString();
  } else {
    size_t faces = 0;
    for (unsigned m = 0; m < scene->mNumMeshes; ++m)
      faces += scene->mMeshes[m]->mNumFaces;
    if (faces > kMaxMeshTriangles)
      why = "has " + std::to_string(faces) + " faces; rigfit draws meshes of up to 500000";
    for (unsigned m = 0; m < scene->mNumMeshes && why.empty(); ++m) {
      const aiMesh* mesh = scene->mMeshes[m];
      for (unsigned f = 0; f < mesh->mNumFaces; ++f) {
        const aiFace& face = mesh->mFaces[f];
        if (face.mNumIndices != 3) continue;
        for (unsigned k = 0; k < 3; ++k) {
          const aiVector3D& p = mesh->mVertices[face.mIndices[k]];
          aiVector3D n =
              mesh->HasNormals() ? mesh->mNormals[face.mIndices[k]] : aiVector3D(0, 0, 1);
          raw->positions.emplace_back(p.x, p.y, p.z);
          raw->normals.emplace_back(n.x, n.y, n.z);
        }
      }
    }
    for (const glm::dvec3& p : raw->positions)
      if (!std::isfinite(p.x) || !std::isfinite(p.y) || !std::isfinite(p.z)) {
        why = "has coordinates that are not numbers";
        break;
      }
    if (why.empty() && raw->positions.empty()) why = "holds no triangles";
  }
  std::shared_ptr<const Raw> kept = why.empty() ? raw : nullptr;
  files_[path] = kept;
  fileErrors_[path] = why;
  return kept;
}

std::shared_ptr<const Mesh> MeshLibrary::of(const Part& part) {
  if (!part.mesh) return nullptr;
  if (auto it = byPart_.find(part.id); it != byPart_.end()) return it->second;
  std::shared_ptr<const Mesh>& slot = byPart_[part.id];
  const MeshRef& ref = *part.mesh;
  auto problem = [&](const std::string& why) {
    problems_.push_back((part.file.empty() ? part.id : part.file) + ": mesh \"" + ref.file + "\" " +
                        why + "; the part is drawn from its boxes");
    return nullptr;
  };
  std::optional<geo::Aabb> target = bodyBounds(part.solids);
  if (!target) return problem("has no body boxes to be placed on");
  std::vector<std::string> tried;
  std::string path = resolve(part, tried);
  if (path.empty()) {
    std::string where;
    for (const std::string& t : tried)
      where += (where.empty() ? "" : ", ") + t;
    return problem("is not found (looked in " + where + ")");
  }
  std::string why;
  std::shared_ptr<const Raw> raw = read(path, why);
  if (!raw) return problem(why);

  // Units and axes first, then onto the bodies' bounds.
  std::vector<glm::dvec3> pos(raw->positions.size()), nrm(raw->normals.size());
  geo::Aabb have{glm::dvec3(INFINITY), glm::dvec3(-INFINITY)};
  for (size_t i = 0; i < pos.size(); ++i) {
    pos[i] = ref.axes * (raw->positions[i] * ref.mmPerUnit);
    nrm[i] = ref.axes * raw->normals[i];
    have = {glm::min(have.lo, pos[i]), glm::max(have.hi, pos[i])};
  }
  glm::dvec3 size = have.hi - have.lo, want = target->hi - target->lo;
  glm::dvec3 scale(1.0), offset = target->centre() - have.centre();
  if (ref.stretch) {
    for (int a = 0; a < 3; ++a)
      if (size[a] <= 0.0) return problem("is flat, so it cannot be stretched onto the part");
    scale = want / size;
    offset = target->lo - have.lo * scale;
  } else {
    for (int a = 0; a < 3; ++a)
      if (std::abs(size[a] - want[a]) > kMeshSizeToleranceMm)
        return problem("measures " + mm(size) + " but the part's boxes measure " + mm(want) +
                       " (check its \"units\" and \"axes\", or use \"fit\": \"stretch\")");
  }
  auto mesh = std::make_shared<Mesh>();
  mesh->id = nextMeshId++;
  mesh->vertices.reserve(pos.size() * 6);
  for (size_t i = 0; i < pos.size(); ++i) {
    glm::dvec3 p = pos[i] * scale + offset;
    // Normals take the inverse scale, so faces stay lit right on a stretched mesh.
    glm::dvec3 n = nrm[i] / scale;
    double len = glm::length(n);
    n = len > 0 ? n / len : glm::dvec3(0, 0, 1);
    for (double v : {p.x, p.y, p.z, n.x, n.y, n.z})
      mesh->vertices.push_back(static_cast<float>(v));
  }
  mesh->bounds = {have.lo * scale + offset, have.hi * scale + offset};
  slot = mesh;
  return slot;
}

std::vector<std::string> MeshLibrary::newProblems() {
  std::vector<std::string> out(problems_.begin() + static_cast<long>(told_), problems_.end());
  told_ = problems_.size();
  return out;
}

} // namespace rigfit::render
