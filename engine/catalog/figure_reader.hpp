#pragma once
// Private to the catalog's readers: a part spec's "figures", each checked against the ranges its
// category allows (catalog/category.hpp) and kept with its provenance, then read by name by the
// category's own reader.
#include "catalog/category.hpp"
#include "catalog/json_read.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace rigfit::json_read {

// A text figure as a builder reads it: "yes", "SFX, SFX-L".
inline std::string joinText(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_boolean()) return v.get<bool>() ? "yes" : "no";
  std::string out;
  for (const auto& e : v)
    out += (out.empty() ? "" : ", ") + e.get<std::string>();
  return out;
}

class FigureReader {
public:
  FigureReader(const json& j, Part& part) : j_(j), part_(part) {}

  void readFigures() {
    if (!j_.contains("figures")) fail("/figures", "missing");
    const json& figs = j_["figures"];
    if (!figs.is_object()) fail("/figures", "must be an object of named figures");
    const CategoryDescription& allowed = describe(part_.category);
    for (auto it = figs.begin(); it != figs.end(); ++it) {
      std::string path = "/figures/" + it.key();
      const json& f = it.value();
      if (!f.is_object() || !f.contains("value"))
        fail(path, "must be an object with \"value\" and \"source\" or \"estimate\"");
      Figure fig;
      readProvenance(f, path, part_, fig.source, fig.estimate);
      const json& v = f["value"];
      const FigureRule* rule = nullptr;
      for (const auto& r : allowed.numbers)
        if (it.key() == r.name) rule = &r;
      bool isText = false;
      for (const char* t : allowed.texts)
        isText |= it.key() == t;
      if (rule) {
        if (!v.is_number()) fail(path + "/value", std::string("must be a number in ") + rule->unit);
        fig.value = v.get<double>();
        if (!(fig.value >= rule->min && fig.value <= rule->max))
          fail(path + "/value", "must be between " + shortNumber(rule->min) + " and " +
                                    shortNumber(rule->max) + " " + rule->unit + " (got " +
                                    shortNumber(fig.value) + ")");
        readRange(f, path, *rule, fig);
      } else if (f.contains("range") || f.contains("range_why")) {
        fail(path + "/range", "only a number has a range");
      } else if (isText) {
        bool ok = v.is_string() || v.is_boolean() || v.is_array();
        if (v.is_array())
          for (const auto& e : v)
            ok &= e.is_string();
        if (!ok) fail(path + "/value", "must be a string, a yes/no or a list of strings");
        text_[it.key()] = v;
      } else {
        std::string known;
        for (const auto& r : allowed.numbers)
          known += std::string(known.empty() ? "" : ", ") + r.name;
        for (const char* t : allowed.texts)
          known += std::string(", ") + t;
        fail(path, std::string("is not a figure of a ") + toString(part_.category) +
                       " (known: " + known + ")");
      }
      part_.figures[it.key()] = fig;
    }
  }

  bool has(const std::string& name) const { return part_.figures.count(name) > 0; }

  double number(const std::string& name) const {
    if (!has(name) || text_.count(name))
      fail("/figures/" + name, "missing: required for a " + std::string(toString(part_.category)));
    return part_.figures.at(name).value;
  }
  std::optional<double> optional(const std::string& name) const {
    if (!has(name)) return std::nullopt;
    return part_.figures.at(name).value;
  }
  const json& textValue(const std::string& name) const {
    auto it = text_.find(name);
    if (it == text_.end())
      fail("/figures/" + name, "missing: required for a " + std::string(toString(part_.category)));
    return it->second;
  }
  std::string text(const std::string& name) const {
    const json& v = textValue(name);
    if (!v.is_string()) fail("/figures/" + name + "/value", "must be a string");
    return v.get<std::string>();
  }
  std::vector<std::string> list(const std::string& name) const {
    const json& v = textValue(name);
    if (!v.is_array() || v.empty()) fail("/figures/" + name + "/value", "must be a non-empty list");
    return v.get<std::vector<std::string>>();
  }
  std::optional<bool> flag(const std::string& name) const {
    auto it = text_.find(name);
    if (it == text_.end()) return std::nullopt;
    if (!it->second.is_boolean()) fail("/figures/" + name + "/value", "must be true or false");
    return it->second.get<bool>();
  }
  int count(const std::string& name) const {
    double v = number(name);
    if (v != static_cast<int>(v)) fail("/figures/" + name + "/value", "must be a whole number");
    return static_cast<int>(v);
  }
  std::optional<int> optionalCount(const std::string& name) const {
    if (!has(name)) return std::nullopt;
    return count(name);
  }

  void finishTexts() {
    for (const auto& [name, v] : text_)
      part_.figures[name].value = 0.0;
  }

  std::map<std::string, std::string> textForms() const {
    std::map<std::string, std::string> out;
    for (const auto& [name, v] : text_)
      out[name] = joinText(v);
    return out;
  }

private:
  // "range": [lo, hi] with "range_why": the band the figure's true value lies in.
  static void readRange(const json& f, const std::string& path, const FigureRule& rule,
                        Figure& fig) {
    if (!f.contains("range") && !f.contains("range_why")) return;
    const json& r = f.contains("range") ? f["range"] : json();
    if (!r.is_array() || r.size() != 2 || !r[0].is_number() || !r[1].is_number())
      fail(path + "/range", std::string("must be [low, high] in ") + rule.unit);
    double lo = r[0].get<double>(), hi = r[1].get<double>();
    if (!(lo <= fig.value && fig.value <= hi))
      fail(path + "/range", "must hold the value: low <= " + shortNumber(fig.value) +
                                " <= high (got [" + shortNumber(lo) + ", " + shortNumber(hi) +
                                "])");
    if (!(lo >= rule.min && hi <= rule.max))
      fail(path + "/range", "must lie between " + shortNumber(rule.min) + " and " +
                                shortNumber(rule.max) + " " + rule.unit);
    if (!f.contains("range_why") || !f["range_why"].is_string() ||
        f["range_why"].get<std::string>().size() < 8)
      fail(path + "/range_why", "must say in words where the range comes from");
    fig.lo = lo;
    fig.hi = hi;
    fig.rangeWhy = f["range_why"].get<std::string>();
  }

  const json& j_;
  Part& part_;
  std::map<std::string, json> text_;
};

} // namespace rigfit::json_read
