#pragma once
// Private to the catalog: reading a BuildCores OpenDB row, whose figures are community data
// (a number may be a string, 0 may stand for "unknown"), and writing the part spec a category
// maps it to.
#include "catalog/category.hpp"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace rigfit::opendb {

// A figure of the row that is a positive, finite number; none for missing, 0, negative or not
// a number (the snapshot writes 0 where a figure is unknown).
std::optional<double> positive(const nlohmann::json& row, const char* key);
// A non-empty string figure; none otherwise.
std::optional<std::string> text(const nlohmann::json& row, const char* key);
// A list of non-empty strings (other entries skipped); empty when missing or not a list.
std::vector<std::string> texts(const nlohmann::json& row, const char* key);
// A nested object of the row, or an empty object when missing or not an object.
const nlohmann::json& object(const nlohmann::json& row, const char* key);
// A socket as rigfit names it: the row's "LGA 1700" is "LGA1700".
std::string socketName(const std::string& s);
// A board form factor as rigfit names it ("Micro ATX" is "microATX"); "" for one rigfit does
// not model (SSI EEB, Mini DTX, XL ATX...).
std::string boardFormFactor(const std::string& s);

// The row's name (metadata.name), maker (metadata.manufacturer) and uuid.
std::string name(const nlohmann::json& row);
std::string maker(const nlohmann::json& row);
std::string uuid(const nlohmann::json& row);

// A stable, readable id: the name as lowercase words joined by '-', and the uuid's first 8
// hex digits, which keep two rows of one name apart ("asus-rog-strix-rx-570-00034350").
std::string partId(const std::string& name, const std::string& uuid);

// A part spec under construction: schema, id, name, category, the row's part numbers and
// its citation, then figures one at a time.
class SpecWriter {
public:
  SpecWriter(const nlohmann::json& row, Category category);
  // A figure taken from the row: cites it.
  void sourced(const std::string& figure, nlohmann::json value);
  // A figure rigfit fills in: says how it was made.
  void estimated(const std::string& figure, nlohmann::json value, const std::string& how);
  // The generated mesh (assets/README.md) that draws parts of its kind, stretched onto the
  // part's boxes: a picture, never a figure. `metres` for the glTF meshes, written in metres.
  void drawnWith(const std::string& file, bool metres = false);
  nlohmann::json& spec() { return spec_; }

private:
  nlohmann::json spec_;
};

} // namespace rigfit::opendb
