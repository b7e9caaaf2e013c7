#include "assembly/build.hpp"
#include "catalog/compat.hpp"
#include "catalog/part_json.hpp"
#include "catalog/shapes.hpp"
#include "common/text.hpp"

#include <algorithm>

namespace rigfit {

const Instance* Build::find(const std::string& id) const {
  for (const Instance& i : instances)
    if (i.id == id) return &i;
  return nullptr;
}

std::vector<std::string> Build::subtree(const std::string& id) const {
  std::vector<std::string> out{id};
  for (const Instance& in : instances) // parents come before their children
    if (std::find(out.begin(), out.end(), in.parent) != out.end()) out.push_back(in.id);
  return out;
}

std::string Build::freshId(const std::string& stem) const {
  for (int n = 1;; ++n) {
    std::string id = stem + std::to_string(n);
    if (!find(id)) return id;
  }
}

std::optional<int> Assembly::indexOf(const std::string& id) const {
  for (size_t i = 0; i < items.size(); ++i)
    if (items[i].id == id) return static_cast<int>(i);
  return std::nullopt;
}

std::optional<int> Assembly::occupant(int parent, const std::string& mountName) const {
  for (size_t i = 0; i < items.size(); ++i)
    if (items[i].parent == parent && items[i].mount && items[i].mount->name == mountName)
      return static_cast<int>(i);
  return std::nullopt;
}

Result<Assembly> assemble(const Build& build, const Catalog& catalog, const std::string& file,
                          const FigureTrial* trial) {
  Assembly a;
  a.items.reserve(build.instances.size());
  if (build.instances.empty()) return Error{file, "/parts", "is empty: a build starts with a case"};
  for (size_t i = 0; i < build.instances.size(); ++i) {
    const Instance& in = build.instances[i];
    std::string path = "/parts/" + std::to_string(i);
    if (in.id.empty()) return Error{file, path + "/id", "missing"};
    if (a.indexOf(in.id))
      return Error{file, path + "/id", "\"" + in.id + "\" is used by an earlier part"};
    const Part* part = catalog.find(in.part);
    if (!part) return Error{file, path + "/part", "no part \"" + in.part + "\" in the catalog"};
    if (!in.figures.empty()) {
      Result<Part> own = withFigures(*part, in.figures, FigureOrigin::Builder);
      if (!own) {
        // The field the part's reader names, where it is one the builder entered; otherwise
        // the figures as a whole, naming the part's figure the entered ones upset.
        const std::string& field = own.error().field;
        bool entered = false;
        for (const auto& [name, value] : in.figures)
          entered |= field.rfind("/figures/" + name, 0) == 0;
        return Error{file, path + (entered ? field : "/figures"),
                     "the figures entered for " + in.id + " (" + part->id + ") cannot be: " +
                         (entered || field.empty() ? "" : part->id + "'s " + field + " ") +
                         own.error().reason};
      }
      a.ownParts.push_back(std::make_shared<const Part>(std::move(own).value()));
      part = a.ownParts.back().get();
    }
    if (trial)
      if (auto t = trial->find(in.id); t != trial->end()) {
        Result<std::shared_ptr<const Part>> tried = triedPart(*part, t->second);
        if (!tried) return tried.error();
        a.ownParts.push_back(*tried);
        part = a.ownParts.back().get();
      }
    Placed p{in.id, part, std::nullopt, nullptr, {}, in.options, {}, true};
    for (const auto& [name, value] : in.options) {
      const PartOption* o = part->option(name);
      std::string field = path + "/options/" + name;
      if (!o) {
        std::string known;
        for (const PartOption& k : part->options)
          known += (known.empty() ? "" : ", ") + k.name;
        return Error{file, field,
                     part->id + " has no option \"" + name + "\"" +
                         (known.empty() ? " (it has none)" : "; it has: " + known)};
      }
      if (!o->allows(value))
        return Error{file, field,
                     (o->toggle ? o->what + " is 1 (yes) or 0 (no)"
                                : o->what + " must be from " + shortNumber(o->min) + " to " +
                                      shortNumber(o->max) + " " + o->unit) +
                         " for " + part->id + " (got " + shortNumber(value) + ")"};
    }
    if (std::optional<std::vector<Solid>> own = solidsWith(*part, in.options))
      p.solids = std::move(*own);
    else
      p.solids = SolidList::sharing(part->solids);
    if (i == 0) {
      if (part->category != Category::Case)
        return Error{file, path + "/part",
                     "the first part of a build must be its case, not a " +
                         std::string(toString(part->category))};
      if (!in.parent.empty()) return Error{file, path + "/on", "a case does not mount on anything"};
      a.items.push_back(std::move(p));
      continue;
    }
    if (part->category == Category::Case)
      return Error{file, path + "/part", "a build has one case, and it comes first"};
    if (in.parent.empty() || in.mount.empty())
      return Error{file, path + "/on", "missing: say where it mounts, as \"instance/mount\""};
    p.parent = a.indexOf(in.parent);
    if (!p.parent)
      return Error{file, path + "/on",
                   "\"" + in.parent + "\" is not an earlier part of this build"};
    const Placed& parent = a.items[*p.parent];
    p.mount = parent.part->mount(in.mount);
    if (!p.mount) {
      std::vector<std::string> names;
      for (const Mount& m : parent.part->mounts)
        names.push_back(m.name);
      return Error{file, path + "/on",
                   in.parent + " (" + parent.part->id + ") has no mount \"" + in.mount + "\"" +
                       didYouMean(nearestWords(in.mount, names)) +
                       "; it has: " + (names.empty() ? "none" : joined(names))};
    }
    if (std::optional<int> taken = a.occupant(*p.parent, in.mount))
      return Error{file, path + "/on",
                   in.parent + "/" + in.mount + " already holds " + a.items[*taken].id};
    // A mount of the right kind that does not take the part (form factor, socket, slot width)
    // is a verdict the mount check gives; only a mount of another kind is not understood.
    std::string why = wrongMountKind(*part, *p.mount);
    if (!why.empty()) return Error{file, path + "/on", why};
    p.X_CP = parent.X_CP * p.mount->X_PM;
    if (!parent.placed || p.mount->unplaced) {
      p.placed = false;
      p.solids.clear();
    }
    a.items.push_back(std::move(p));
  }
  return a;
}

std::optional<Assembly> retried(const Assembly& nominal, const FigureTrial& trial) {
  Assembly a = nominal;
  // Items made again: the tried ones, and every one that hangs from one (parents come first).
  std::vector<bool> redo(a.items.size(), false);
  for (size_t i = 0; i < a.items.size(); ++i) {
    Placed& p = a.items[i];
    if (auto t = trial.find(p.id); t != trial.end()) {
      Result<std::shared_ptr<const Part>> tried = triedPart(*p.part, t->second);
      if (!tried) return std::nullopt;
      a.ownParts.push_back(*tried);
      p.part = a.ownParts.back().get();
      redo[i] = true;
      // The options the build sets must still hold: a bound may be one of the part's figures
      // (how far a tower's front fan can be raised).
      for (const auto& [name, value] : p.options)
        if (const PartOption* o = p.part->option(name); !o || !o->allows(value))
          return std::nullopt;
    }
    if (!p.parent) continue;
    const Placed& parent = a.items[*p.parent];
    if (redo[*p.parent]) { // its mount as the parent made again has it
      p.mount = parent.part->mount(p.mount->name);
      if (!p.mount) return std::nullopt;
      redo[i] = true;
    }
    if (!redo[i]) continue;
    if (!wrongMountKind(*p.part, *p.mount).empty()) return std::nullopt;
    p.X_CP = parent.X_CP * p.mount->X_PM;
    p.placed = parent.placed && !p.mount->unplaced;
  }
  for (size_t i = 0; i < a.items.size(); ++i) {
    Placed& p = a.items[i];
    if (!redo[i]) continue;
    if (!p.placed)
      p.solids.clear();
    else if (std::optional<std::vector<Solid>> own = solidsWith(*p.part, p.options))
      p.solids = std::move(*own);
    else
      p.solids = SolidList::sharing(p.part->solids);
  }
  return a;
}

} // namespace rigfit
