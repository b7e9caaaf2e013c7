// rigfit-meshgen OUTDIR: writes the stylised part meshes that the viewer stretches onto each
// part's box, which is why every mesh's axis-aligned bounds must be exactly that box. Parts are
// unions of closed solids, wound counter-clockwise seen from outside, flat shaded.
#include "common/file.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <glm/glm.hpp>
#include <glm/gtc/matrix_transform.hpp>
#include <map>
#include <numbers>
#include <string>
#include <utility>
#include <vector>

namespace fs = std::filesystem;
using glm::dmat4;
using glm::dvec3;
using glm::dvec4;
using glm::vec3;

namespace {

constexpr double kPi = std::numbers::pi;

struct Mesh {
  std::vector<vec3> positions;
  std::vector<vec3> normals;
  std::vector<std::uint32_t> indices;
  std::size_t triangles() const { return indices.size() / 3; }
};

// Geometry is computed in double and rounded to float once, so a corner shared by two faces
// rounds to the same float in both and the exact bounds survive.
void addTriangle(Mesh& m, dvec3 a, dvec3 b, dvec3 c) {
  dvec3 n = glm::cross(b - a, c - a);
  double len = glm::length(n);
  if (len < 1e-12) return; // coincident points would give a NaN normal
  for (dvec3 p : {a, b, c}) {
    m.indices.push_back(static_cast<std::uint32_t>(m.positions.size()));
    m.positions.push_back(vec3(p));
    m.normals.push_back(vec3(n / len));
  }
}

// The winding is decided here from a direction out of the solid, so the primitives can list a
// convex polygon's corners in whichever cyclic order is natural to them.
void addPolygon(Mesh& m, std::vector<dvec3> poly, dvec3 outward) {
  dvec3 n(0.0);
  for (std::size_t i = 0; i < poly.size(); ++i)
    n += glm::cross(poly[i], poly[(i + 1) % poly.size()]);
  if (glm::dot(n, outward) < 0) std::reverse(poly.begin(), poly.end());
  for (std::size_t i = 1; i + 1 < poly.size(); ++i)
    addTriangle(m, poly[0], poly[i], poly[i + 1]);
}

// Builders work in whatever local frame is convenient; placing a part is then a rigid move
// (no mirroring), which keeps both the winding and the face normals valid.
void append(Mesh& dst, const Mesh& src, const dmat4& place) {
  auto base = static_cast<std::uint32_t>(dst.positions.size());
  for (std::size_t i = 0; i < src.positions.size(); ++i) {
    dst.positions.push_back(vec3(place * dvec4(dvec3(src.positions[i]), 1.0)));
    dst.normals.push_back(vec3(glm::normalize(glm::dmat3(place) * dvec3(src.normals[i]))));
  }
  for (std::uint32_t i : src.indices)
    dst.indices.push_back(base + i);
}

dmat4 translate(dvec3 t) {
  return glm::translate(dmat4(1.0), t);
}

// Quarter turns about X built exactly rather than with glm::rotate, whose cos(pi/2) is not 0:
// +1 sends local +Z to world -Y, -1 sends it to +Y.
dmat4 quarterTurnX(double sign) {
  return {dvec4(1, 0, 0, 0), dvec4(0, 0, sign, 0), dvec4(0, -sign, 0, 0), dvec4(0, 0, 0, 1)};
}

void addBox(Mesh& m, dvec3 lo, dvec3 hi) {
  dvec3 centre = (lo + hi) * 0.5;
  for (int axis = 0; axis < 3; ++axis) {
    int u = (axis + 1) % 3, v = (axis + 2) % 3;
    for (double side : {lo[axis], hi[axis]}) {
      std::vector<dvec3> quad(4);
      for (int k = 0; k < 4; ++k) {
        quad[k][axis] = side;
        quad[k][u] = (k == 1 || k == 2) ? hi[u] : lo[u];
        quad[k][v] = k >= 2 ? hi[v] : lo[v];
      }
      dvec3 outward(0.0);
      outward[axis] = side - centre[axis];
      addPolygon(m, quad, outward);
    }
  }
}

dvec3 onCircle(double r, double angle, double z) {
  return {r * std::cos(angle), r * std::sin(angle), z};
}

// The last segment must end on exactly the point the first one starts from: sin(2*pi) != 0.
double segmentAngle(int i, int segments) {
  return 2.0 * kPi * (i % segments) / segments;
}

dvec3 at(dvec3 p, double z) {
  return {p.x, p.y, z};
}

// A vertical face standing on the XY segment p..q.
void addWall(Mesh& m, dvec3 p, dvec3 q, double z0, double z1, dvec3 outward) {
  addPolygon(m, {at(p, z0), at(q, z0), at(q, z1), at(p, z1)}, outward);
}

// An annulus extruded along Z. With rInner == 0 it is a solid cylinder: the inner wall and the
// caps' inner edge collapse to the axis and addTriangle drops what became degenerate.
void addTube(Mesh& m, double rInner, double rOuter, double z0, double z1, int segments) {
  for (int i = 0; i < segments; ++i) {
    double a0 = segmentAngle(i, segments), a1 = segmentAngle(i + 1, segments);
    dvec3 o0 = onCircle(rOuter, a0, 0), o1 = onCircle(rOuter, a1, 0);
    dvec3 i0 = onCircle(rInner, a0, 0), i1 = onCircle(rInner, a1, 0);
    dvec3 radial = onCircle(1.0, a0 + kPi / segments, 0.0);
    addWall(m, o0, o1, z0, z1, radial);
    addWall(m, i0, i1, z0, z1, -radial);
    for (auto [z, up] : {std::pair{z0, -1.0}, std::pair{z1, 1.0}})
      addPolygon(m, {at(i0, z), at(o0, z), at(o1, z), at(i1, z)}, {0, 0, up});
  }
}

// A plate [-hx,hx] x [-hy,hy] x [z0,z1] with a centred round hole: the case-fan frame, a shroud
// fan opening, the PSU grille cut-out. Each hole segment is joined to the stretch of the
// rectangle's edge seen along the same two rays, with a corner inserted where the rays
// straddle one; that keeps every face polygon convex and the plate watertight.
void addHolePlate(Mesh& m, double hx, double hy, double r, double z0, double z1, int segments) {
  auto edgePoint = [&](double a) {
    double c = std::cos(a), s = std::sin(a);
    double t = std::min(std::abs(c) > 1e-12 ? hx / std::abs(c) : 1e300,
                        std::abs(s) > 1e-12 ? hy / std::abs(s) : 1e300);
    return dvec3(t * c, t * s, 0.0);
  };
  const std::array<dvec3, 4> corners{
      {{hx, hy, 0.0}, {-hx, hy, 0.0}, {-hx, -hy, 0.0}, {hx, -hy, 0.0}}};
  const double step = 2.0 * kPi / segments;
  for (int i = 0; i < segments; ++i) {
    double a0 = segmentAngle(i, segments), a1 = segmentAngle(i + 1, segments);
    std::vector<dvec3> rim{edgePoint(a0)};
    for (dvec3 k : corners) {
      double ak = std::atan2(k.y, k.x);
      if (ak < 0) ak += 2.0 * kPi;
      if (ak > a0 + 1e-9 && ak < a0 + step - 1e-9) rim.push_back(k);
    }
    rim.push_back(edgePoint(a1));
    dvec3 h0 = onCircle(r, a0, 0.0), h1 = onCircle(r, a1, 0.0);
    for (auto [z, up] : {std::pair{z0, -1.0}, std::pair{z1, 1.0}}) {
      std::vector<dvec3> face{at(h0, z)};
      for (dvec3 p : rim)
        face.push_back(at(p, z));
      face.push_back(at(h1, z));
      addPolygon(m, face, {0, 0, up});
    }
    addWall(m, h0, h1, z0, z1, -(h0 + h1));
    for (std::size_t k = 0; k + 1 < rim.size(); ++k)
      addWall(m, rim[k], rim[k + 1], z0, z1, rim[k] + rim[k + 1]);
  }
}

struct Rotor {
  double hubRadius, tipRadius, z0, z1;
  int blades;
  double bladeThickness;
};

// A blade is a thin plate lofted through chord sections from the hub to the tip. Each chord
// leans in Z (the pitch that makes it read as a fan blade), the sections sweep forward and
// flatten toward the tip as real rotors do, and blades cover 60% of the disc so they never touch.
void addBlade(Mesh& m, const Rotor& f, double phase) {
  constexpr int kSections = 6;
  const double halfSpan = 0.6 * kPi / f.blades, zMid = 0.5 * (f.z0 + f.z1), depth = f.z1 - f.z0;
  std::vector<std::array<dvec3, 4>> sections;
  std::vector<dvec3> centres;
  for (int j = 0; j < kSections; ++j) {
    double t = j / (kSections - 1.0);
    double r = glm::mix(0.9 * f.hubRadius, f.tipRadius, t), angle = phase + 0.35 * t;
    double lean = depth * glm::mix(0.32, 0.2, t);
    dvec3 lead = onCircle(r, angle + halfSpan, zMid + lean);
    dvec3 trail = onCircle(r, angle - halfSpan, zMid - lean);
    dvec3 n = glm::normalize(glm::cross(lead - trail, onCircle(1.0, angle, 0.0))) *
              (0.5 * f.bladeThickness);
    sections.push_back({lead + n, trail + n, trail - n, lead - n});
    centres.push_back(0.5 * (lead + trail));
  }
  for (int j = 0; j + 1 < kSections; ++j) {
    dvec3 axis = 0.5 * (centres[j] + centres[j + 1]);
    for (int k = 0; k < 4; ++k) {
      const dvec3 &a = sections[j][k], &b = sections[j][(k + 1) % 4];
      const dvec3 &c = sections[j + 1][(k + 1) % 4], &d = sections[j + 1][k];
      addPolygon(m, {a, b, c, d}, 0.25 * (a + b + c + d) - axis);
    }
  }
  const auto& root = sections.front();
  const auto& tip = sections.back();
  addPolygon(m, std::vector<dvec3>(root.begin(), root.end()), centres[0] - centres[1]);
  addPolygon(m, std::vector<dvec3>(tip.begin(), tip.end()),
             centres[kSections - 1] - centres[kSections - 2]);
}

void addRotor(Mesh& m, const Rotor& f) {
  addTube(m, 0.0, f.hubRadius, f.z0, f.z1, 32);
  for (int b = 0; b < f.blades; ++b)
    addBlade(m, f, 2.0 * kPi * b / f.blades);
}

// 120 x 120 x 25 mm, centred on the axis, z 0..25, intake (strut) face at z = 0.
Mesh caseFan() {
  Mesh m;
  addHolePlate(m, 60, 60, 58, 0, 25, 48);
  addRotor(m, {20, 56, 0, 25, 7, 1.2});
  for (int k = 0; k < 4; ++k) {
    Mesh strut;
    addBox(strut, {15, -2, 0}, {59, 2, 3});
    append(m, strut, glm::rotate(dmat4(1.0), kPi / 4 + k * kPi / 2, dvec3(0, 0, 1)));
  }
  return m;
}

// Modelled in millimetres like the other parts; the caller converts to glTF's metres.
Mesh gpuShroud(int fans) {
  constexpr double length = 267, height = 111, thickness = 50, bracket = 1.5;
  Mesh m;
  addBox(m, {0, 0, 0}, {bracket, height, thickness});
  addBox(m, {bracket, 0, 0}, {length, height, 3});
  addBox(m, {bracket, 3, 3}, {length - 5, height - 3, 4.6});
  addBox(m, {6, 6, 4.6}, {length - 6, height - 6, 8});
  for (int i = 0; 8 + 3 * i + 0.6 <= length - 8; ++i)
    addBox(m, {8 + 3 * i, 8, 8}, {8.6 + 3 * i, height - 8, 30});
  addBox(m, {bracket, 0, 30}, {bracket + 3.5, height, 46});
  addBox(m, {length - 3.5, 0, 30}, {length, height, 46});
  addBox(m, {bracket + 3.5, 0, 40}, {length - 3.5, 4, 46});
  addBox(m, {bracket + 3.5, height - 4, 40}, {length - 3.5, height, 46});
  // The shroud is cut into one square-ish cell per fan; a fan fills its cell with a margin,
  // so three fans get smaller ones than the height alone would allow, as on real cards.
  const double cell = (length - bracket) / fans;
  const double holeRadius = 0.5 * std::min(cell, height) - 5;
  for (int i = 0; i < fans; ++i) {
    Mesh unit;
    addHolePlate(unit, 0.5 * cell, 0.5 * height, holeRadius, 46, thickness, 48);
    double tip = holeRadius - 1.5;
    addRotor(unit, {0.32 * tip, tip, 32, 48.5, 9, 1.0});
    append(m, unit, translate({bracket + cell * (i + 0.5), 0.5 * height, 0}));
  }
  return m;
}

Mesh towerCooler() {
  Mesh m;
  addBox(m, {-20, -20, 0}, {20, 20, 6});
  // Pipe ends stop under the top cover: a cap flush with z = 158 would z-fight with it.
  for (int i = 0; i < 6; ++i) {
    Mesh pipe;
    addTube(pipe, 0, 3, 3, 156.5, 16);
    append(m, pipe, translate({-16.5 + 6.6 * i, 0, 0}));
  }
  for (int i = 0; i < 48; ++i)
    addBox(m, {-62.5, -25, 35 + 2.5 * i}, {62.5, 25, 35.5 + 2.5 * i});
  addBox(m, {-62.5, -25, 155}, {62.5, 25, 158});
  // The fan's axis turns to Y; its strut face (local z = 0) lands against the fins at y = -25.
  append(m, caseFan(), translate({0, -25, 98}) * quarterTurnX(1));
  return m;
}

// The sleeve (top, sides and the grille plate) runs the full 140 mm while the end panels sit
// 1.5 mm inside it, so the sockets can come flush with the sleeve's edge without their faces
// z-fighting the panels. Under the body a ducted fan shows through the grille.
Mesh psuAtx() {
  Mesh m;
  addBox(m, {1.5, 14, -73.5}, {138.5, 84.5, 73.5});
  addBox(m, {0, 84.5, -75}, {140, 86, 75});
  addBox(m, {0, 1.5, -75}, {140, 84.5, -73.5});
  addBox(m, {0, 1.5, 73.5}, {140, 84.5, 75});
  Mesh bottom;
  addHolePlate(bottom, 70, 75, 60, 0, 1.5, 48);
  addHolePlate(bottom, 68.5, 73.5, 60, 1.5, 14, 48);
  addRotor(bottom, {18, 57, 2, 13.5, 7, 1.2});
  addTube(bottom, 0, 8, 0.4, 1.5, 24);
  for (double r : {20.0, 32.0, 44.0, 56.0})
    addTube(bottom, r - 1, r + 0.5, 0.4, 1.5, 48);
  addBox(bottom, {-60, -1, 0.4}, {60, 1, 1.5});
  addBox(bottom, {-1, -60, 0.4}, {1, 60, 1.5});
  append(m, bottom, translate({70, 0, 0}) * quarterTurnX(-1));
  addBox(m, {0, 25, 30}, {3, 49, 62});
  addBox(m, {0, 28, 12}, {3, 44, 24});
  for (double y : {20.0, 40.0})
    for (double z : {-55.0, -27.0, 1.0, 29.0})
      addBox(m, {137, y, z}, {140, y + 14, z + 22});
  return m;
}

Mesh scaled(Mesh m, double factor) {
  for (vec3& p : m.positions)
    p = vec3(dvec3(p) * factor);
  return m;
}

template <class... Args> std::string formatted(const char* fmt, Args... args) {
  std::string out(std::snprintf(nullptr, 0, fmt, args...), '\0');
  std::snprintf(out.data(), out.size() + 1, fmt, args...);
  return out;
}

void putU32(std::string& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i)
    out.push_back(static_cast<char>((v >> (8 * i)) & 0xffu));
}

void putVec3(std::string& out, vec3 v) {
  for (float c : {v.x, v.y, v.z})
    putU32(out, std::bit_cast<std::uint32_t>(c));
}

std::string stlBytes(const Mesh& m) {
  // The header must not start with "solid", or readers take the file for ASCII STL.
  std::string out = "rigfit-meshgen binary STL, millimetres";
  out.resize(80, '\0');
  putU32(out, static_cast<std::uint32_t>(m.triangles()));
  for (std::size_t t = 0; t < m.triangles(); ++t) {
    putVec3(out, m.normals[m.indices[3 * t]]);
    for (int k = 0; k < 3; ++k)
      putVec3(out, m.positions[m.indices[3 * t + k]]);
    out.append(2, '\0');
  }
  return out;
}

std::string objText(const Mesh& m, const std::string& name) {
  // Welded on the printed text, so shared corners become one `v` and one `vn` serves each
  // orientation; `f v//n` per corner keeps the shading flat.
  std::map<std::string, std::size_t> vIndex, nIndex;
  std::string vs, ns, faces;
  auto ref = [](std::map<std::string, std::size_t>& index, std::string& lines, const char* tag,
                vec3 p) {
    // Rounded first so that -0.00001 prints (and welds) as 0.0000 rather than -0.0000.
    auto r = [](float c) { return std::round(double(c) * 1e4) / 1e4 + 0.0; };
    std::string text = formatted("%.4f %.4f %.4f", r(p.x), r(p.y), r(p.z));
    auto [it, added] = index.emplace(text, index.size() + 1);
    if (added) lines += std::string(tag) + " " + text + "\n";
    return it->second;
  };
  for (std::size_t t = 0; t < m.triangles(); ++t) {
    faces += "f";
    for (int k = 0; k < 3; ++k) {
      std::uint32_t i = m.indices[3 * t + k];
      std::size_t v = ref(vIndex, vs, "v", m.positions[i]);
      std::size_t n = ref(nIndex, ns, "vn", m.normals[i]);
      faces += formatted(" %zu//%zu", v, n);
    }
    faces += "\n";
  }
  return "# rigfit-meshgen\no " + name + "\n" + vs + ns + faces;
}

std::string base64(const std::string& bytes) {
  static const char digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    std::uint32_t chunk = 0;
    for (std::size_t k = 0; k < 3; ++k)
      chunk = (chunk << 8) | (i + k < bytes.size() ? static_cast<unsigned char>(bytes[i + k]) : 0u);
    std::size_t chars = std::min<std::size_t>(4, bytes.size() - i + 1);
    for (std::size_t k = 0; k < 4; ++k)
      out.push_back(k < chars ? digits[(chunk >> (18 - 6 * k)) & 63u] : '=');
  }
  return out;
}

std::string gltfText(const Mesh& m, const std::string& name) {
  std::string bin;
  for (const auto* attribute : {&m.positions, &m.normals})
    for (vec3 v : *attribute)
      putVec3(bin, v);
  for (std::uint32_t i : m.indices)
    putU32(bin, i);
  vec3 lo = m.positions.front(), hi = lo;
  for (vec3 p : m.positions)
    lo = glm::min(lo, p), hi = glm::max(hi, p);
  std::size_t count = m.positions.size(), attributeBytes = 12 * count;
  // %.9g round-trips a float, and glTF validators compare min/max with the data exactly.
  return formatted(R"({
  "asset": {"version": "2.0", "generator": "rigfit-meshgen"},
  "scene": 0,
  "scenes": [{"nodes": [0]}],
  "nodes": [{"mesh": 0, "name": "%s"}],
  "meshes": [{"name": "%s", "primitives": [
    {"attributes": {"POSITION": 0, "NORMAL": 1}, "indices": 2, "mode": 4}]}],
  "accessors": [
    {"bufferView": 0, "componentType": 5126, "count": %zu, "type": "VEC3",
     "min": [%.9g, %.9g, %.9g], "max": [%.9g, %.9g, %.9g]},
    {"bufferView": 1, "componentType": 5126, "count": %zu, "type": "VEC3"},
    {"bufferView": 2, "componentType": 5125, "count": %zu, "type": "SCALAR"}
  ],
  "bufferViews": [
    {"buffer": 0, "byteOffset": 0, "byteLength": %zu, "target": 34962},
    {"buffer": 0, "byteOffset": %zu, "byteLength": %zu, "target": 34962},
    {"buffer": 0, "byteOffset": %zu, "byteLength": %zu, "target": 34963}
  ],
  "buffers": [{"byteLength": %zu, "uri": "data:application/octet-stream;base64,%s"}]
}
)",
                   name.c_str(), name.c_str(), count, double(lo.x), double(lo.y), double(lo.z),
                   double(hi.x), double(hi.y), double(hi.z), count, m.indices.size(),
                   attributeBytes, attributeBytes, attributeBytes, 2 * attributeBytes,
                   4 * m.indices.size(), bin.size(), base64(bin).c_str());
}

struct WriteError {
  fs::path path;
  std::string reason;
};

// Written beside the target and renamed into place (writeFileAtomic), so an interrupted run
// never leaves a truncated mesh for the viewer to load.
void writeAtomically(const fs::path& path, const std::string& bytes) {
  if (rigfit::Status s = rigfit::writeFileAtomic(path.string(), bytes); !s)
    throw WriteError{path, s.error().reason};
}

enum class Format { Stl, Obj, Gltf };

void emit(const fs::path& dir, const std::string& file, const Mesh& m, Format kind) {
  fs::path path = dir / file;
  std::string name = path.stem().string();
  writeAtomically(path, kind == Format::Stl   ? stlBytes(m)
                        : kind == Format::Obj ? objText(m, name)
                                              : gltfText(m, name));
  std::printf("wrote %s (%zu triangles)\n", path.string().c_str(), m.triangles());
}

} // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: rigfit-meshgen OUTDIR\n");
    return 2;
  }
  const fs::path dir = argv[1];
  try {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) throw WriteError{dir, ec.message()};
    emit(dir, "fan-120x25.stl", caseFan(), Format::Stl);
    for (int fans = 1; fans <= 3; ++fans)
      emit(dir, "gpu-shroud-" + std::to_string(fans) + "fan.gltf", scaled(gpuShroud(fans), 0.001),
           Format::Gltf);
    emit(dir, "tower-cooler.obj", towerCooler(), Format::Obj);
    emit(dir, "psu-atx.obj", psuAtx(), Format::Obj);
  } catch (const WriteError& e) {
    std::fprintf(stderr, "rigfit-meshgen: cannot write %s: %s\n", e.path.string().c_str(),
                 e.reason.c_str());
    return 2;
  }
  return 0;
}
