#pragma once
// A PCPartPicker part list, read from any of the forms it travels in: the Markdown export (as
// PCPartPicker writes it and as forums re-pad it), the HTML export (also inside another page),
// the plain-text export ("Type: Item (price)") and the text of a list page copied as it reads
// ("Type Item Price"), each with or without quoting ("> ") and prices.
#include "catalog/part.hpp"
#include "common/result.hpp"

#include <optional>
#include <string>
#include <vector>

namespace rigfit {

// One line of a list: a part, or something rigfit does not model (a monitor).
struct ListItem {
  int line = 0;                     // 1-based line of the text it was read from
  std::string type;                 // as the list writes it: "Video Card"
  std::string name;                 // "EVGA GeForce RTX 2060 6 GB XC GAMING Video Card"
  std::string url;                  // the product page, where the list links one
  std::string price;                // as written ("$329.99 @ Amazon"); "" when none
  std::optional<Category> category; // what rigfit checks it as; none: not modelled
};

struct PartList {
  std::string format; // "markdown", "html", "text" or "list page text"
  std::vector<ListItem> items;
  // Lines that look like a part's but cannot be read whole (a table cut short), with why.
  std::vector<std::string> unreadable;
};

// The list in `text` (`file` names it in errors): an Error when it is empty, holds no part list
// in any of the forms, or (HTML) has no part-list table.
Result<PartList> parsePartList(const std::string& text, const std::string& file);

// PCPartPicker's part type ("CPU Cooler") as a rigfit category; none for a type rigfit does not
// model (Monitor, Operating System) or does not know. `known` tells the two apart.
std::optional<Category> categoryOfListType(const std::string& type, bool* known = nullptr);

// The type PCPartPicker lists a rigfit category under ("Video Card"); a radiator is part of its
// CPU cooler's line there.
const char* listTypeOf(Category c);

} // namespace rigfit
