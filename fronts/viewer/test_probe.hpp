#pragma once
// What the end-to-end test reads of the viewer (RIGFIT_VIEWER_PROBE): where to click (a widget's
// centre, a part's pixel) and the state it checks, as JSON the window writes every few frames.
// One recorder for the whole UI, off unless a test asks for it: a builder's frames record
// nothing. No ImGui here (panels.cpp reads widget places into it).
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <string>

namespace rigfit::viewer {

class TestProbe {
public:
  using Path = std::initializer_list<std::string>; // {"menu", "Case"}

  void enable() { on_ = true; }
  bool on() const { return on_; }
  // A new frame: what the last one recorded is dropped.
  void clear() { data_ = nlohmann::json::object(); }
  // Records `value` at `path`; does nothing when off.
  void set(Path path, nlohmann::json value) {
    if (on_) at(path) = std::move(value);
  }
  // Records it only where the path holds nothing yet: the first of several places stays.
  void setFirst(Path path, nlohmann::json value) {
    if (on_ && at(path).is_null()) at(path) = std::move(value);
  }
  bool has(Path path) const {
    const nlohmann::json* j = &data_;
    for (const std::string& key : path) {
      if (!j->is_object() || !j->contains(key)) return false;
      j = &(*j)[key];
    }
    return true;
  }
  const nlohmann::json& data() const { return data_; }

private:
  nlohmann::json& at(Path path) {
    nlohmann::json* j = &data_;
    for (const std::string& key : path)
      j = &(*j)[key];
    return *j;
  }
  bool on_ = false;
  nlohmann::json data_ = nlohmann::json::object();
};

} // namespace rigfit::viewer
