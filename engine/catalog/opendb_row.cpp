#include "catalog/opendb_row.hpp"

#include <cctype>
#include <cmath>

namespace rigfit::opendb {

using nlohmann::json;

std::optional<double> positive(const json& row, const char* key) {
  auto it = row.find(key);
  if (it == row.end() || !it->is_number()) return std::nullopt;
  double v = it->get<double>();
  if (!std::isfinite(v) || v <= 0) return std::nullopt;
  return v;
}

std::optional<std::string> text(const json& row, const char* key) {
  auto it = row.find(key);
  if (it == row.end() || !it->is_string() || it->get<std::string>().empty()) return std::nullopt;
  return it->get<std::string>();
}

std::vector<std::string> texts(const json& row, const char* key) {
  std::vector<std::string> out;
  auto it = row.find(key);
  if (it == row.end() || !it->is_array()) return out;
  for (const json& v : *it)
    if (v.is_string() && !v.get<std::string>().empty()) out.push_back(v.get<std::string>());
  return out;
}

const json& object(const json& row, const char* key) {
  static const json empty = json::object();
  auto it = row.find(key);
  return it != row.end() && it->is_object() ? *it : empty;
}

std::string socketName(const std::string& s) {
  std::string out;
  for (char c : s)
    if (c != ' ') out += c;
  return out;
}

std::string boardFormFactor(const std::string& s) {
  if (s == "ATX" || s == "Mini-ITX") return s;
  if (s == "Micro ATX") return "microATX";
  if (s == "EATX") return "E-ATX";
  return "";
}

namespace {

std::string metadata(const json& row, const char* key) {
  auto m = row.find("metadata");
  if (m == row.end() || !m->is_object()) return "";
  return text(*m, key).value_or("");
}

} // namespace

std::string name(const json& row) {
  return metadata(row, "name");
}

std::string maker(const json& row) {
  return metadata(row, "manufacturer");
}

std::string uuid(const json& row) {
  return text(row, "opendb_id").value_or("");
}

std::string partId(const std::string& name, const std::string& uuid) {
  std::string out;
  bool gap = false;
  for (unsigned char c : name) {
    if (std::isalnum(c)) {
      if (gap && !out.empty()) out += '-';
      out += static_cast<char>(std::tolower(c));
      gap = false;
    } else {
      gap = true;
    }
  }
  std::string tail;
  for (char c : uuid)
    if (std::isxdigit(static_cast<unsigned char>(c)) && tail.size() < 8)
      tail += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return (out.empty() ? "part" : out) + "-" + tail;
}

SpecWriter::SpecWriter(const json& row, Category category) {
  std::string id = uuid(row);
  spec_ = {{"schema", 2},
           {"id", partId(name(row), id)},
           {"name", name(row)},
           {"category", toString(category)},
           {"opendb_id", id},
           {"sources", {{"opendb", "BuildCores OpenDB " + id}}},
           {"figures", json::object()}};
  if (std::string by = maker(row); !by.empty()) spec_["maker"] = by;
  auto m = row.find("metadata");
  if (m != row.end() && m->is_object()) {
    auto numbers = m->find("part_numbers");
    if (numbers != m->end() && numbers->is_array()) {
      json list = json::array();
      for (const json& n : *numbers)
        if (n.is_string() && !n.get<std::string>().empty()) list.push_back(n);
      if (!list.empty()) spec_["part_numbers"] = list;
    }
  }
}

void SpecWriter::sourced(const std::string& figure, json value) {
  spec_["figures"][figure] = {{"value", std::move(value)}, {"source", "opendb"}};
}

void SpecWriter::drawnWith(const std::string& file, bool metres) {
  spec_["mesh"] = {{"file", file}, {"fit", "stretch"}};
  // The card shrouds are modelled along +X and stand on +Y, as the curated cards name them.
  if (metres) spec_["mesh"]["units"] = "m", spec_["mesh"]["axes"] = {"+y", "+z", "+x"};
}

void SpecWriter::estimated(const std::string& figure, json value, const std::string& how) {
  spec_["figures"][figure] = {{"value", std::move(value)}, {"estimate", how}};
}

} // namespace rigfit::opendb
