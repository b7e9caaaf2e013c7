#include "partlist/parse.hpp"

#include "common/text.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>

namespace rigfit {
namespace {

struct TypeName {
  const char* type;
  std::optional<Category> category;
};
// PCPartPicker's part types; those rigfit does not model are listed so that their lines are
// said as skipped, not taken for text that is not a part.
const TypeName kTypes[] = {{"CPU Cooler", Category::Cooler},
                           {"CPU", Category::Cpu},
                           {"Motherboard", Category::Motherboard},
                           {"Memory", Category::Memory},
                           {"Storage", Category::Storage},
                           {"Video Card", Category::Gpu},
                           {"Case Fan", Category::Fan},
                           {"Case Accessory", std::nullopt},
                           {"Case", Category::Case},
                           {"Power Supply", Category::Psu},
                           {"Monitor", std::nullopt},
                           {"Operating System", std::nullopt},
                           {"Software", std::nullopt},
                           {"Keyboard", std::nullopt},
                           {"Mouse", std::nullopt},
                           {"Headphones", std::nullopt},
                           {"Speakers", std::nullopt},
                           {"Webcam", std::nullopt},
                           {"Sound Card", std::nullopt},
                           {"Wired Network Adapter", std::nullopt},
                           {"Wireless Network Adapter", std::nullopt},
                           {"Optical Drive", std::nullopt},
                           {"External Storage", std::nullopt},
                           {"Thermal Compound", std::nullopt},
                           {"Fan Controller", std::nullopt},
                           {"UPS", std::nullopt},
                           {"Custom", std::nullopt}};

std::string trim(std::string_view s) {
  size_t a = 0, b = s.size();
  while (a < b && std::isspace(static_cast<unsigned char>(s[a])))
    ++a;
  while (b > a && std::isspace(static_cast<unsigned char>(s[b - 1])))
    --b;
  return std::string(s.substr(a, b - a));
}

bool equalNoCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return asciiLower(x) == asciiLower(y);
         });
}

const TypeName* typeNamed(std::string_view type) {
  for (const TypeName& t : kTypes)
    if (equalNoCase(type, t.type)) return &t;
  return nullptr;
}

// The text's lines, each without the quoting a forum adds ("> ", "> > ") and its line ending.
std::vector<std::string> linesOf(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    size_t at = 0; // past every '>' that only blanks precede
    for (size_t k = 0;; ++k) {
      while (k < line.size() && (line[k] == ' ' || line[k] == '\t'))
        ++k;
      if (k >= line.size() || line[k] != '>') break;
      at = k + 1;
    }
    line.erase(0, at);
    lines.push_back(line);
    start = end + 1;
  }
  return lines;
}

ListItem itemOf(int line, const std::string& type, const std::string& name, const std::string& url,
                const std::string& price) {
  ListItem it{line, type, trim(name), trim(url), trim(price), std::nullopt};
  if (const TypeName* t = typeNamed(type)) it.type = t->type, it.category = t->category;
  return it;
}

// "[name](url)" as name and url; anything else as the name.
void splitLink(const std::string& cell, std::string& name, std::string& url) {
  std::string c = trim(cell);
  if (c.size() > 1 && c.front() == '[') {
    size_t close = c.find("](");
    if (close != std::string::npos && c.back() == ')') {
      name = c.substr(1, close - 1), url = c.substr(close + 2, c.size() - close - 3);
      return;
    }
  }
  name = c, url.clear();
}

// Markdown's escapes undone: a backslash before punctuation stands for the punctuation.
std::string unescapeMarkdown(const std::string& s) {
  std::string out;
  for (size_t k = 0; k < s.size(); ++k) {
    if (s[k] == '\\' && k + 1 < s.size() && std::ispunct(static_cast<unsigned char>(s[k + 1]))) ++k;
    out += s[k];
  }
  return out;
}

bool hasUnescapedPipe(const std::string& s) {
  for (size_t k = 0; k < s.size(); ++k) {
    if (s[k] == '\\')
      ++k;
    else if (s[k] == '|')
      return true;
  }
  return false;
}

std::string withoutMarks(std::string s) {
  s.erase(std::remove(s.begin(), s.end(), '*'), s.end());
  return trim(s);
}

// The Markdown table: "**CPU** | [name](url) | price", with or without the outer pipes.
bool readMarkdown(const std::vector<std::string>& lines, PartList& list) {
  bool table = false;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string l = trim(lines[i]);
    if (l.find('|') == std::string::npos) continue;
    // A table whose every mark is escaped (Markdown pasted into a rich-text editor, which
    // escapes it to show it as typed) is the table as typed.
    if (!hasUnescapedPipe(l)) l = unescapeMarkdown(l);
    if (!l.empty() && l.front() == '|') l.erase(0, 1);
    if (!l.empty() && l.back() == '|') l.pop_back();
    std::vector<std::string> cells;
    size_t start = 0;
    // A pipe inside a link's brackets or address is part of the item, not a new cell.
    // A backslash escapes the next character (Reddit's editor writes \| \[ \* for them).
    int depth = 0;
    for (size_t k = 0; k <= l.size(); ++k) {
      if (k + 1 < l.size() && l[k] == '\\') {
        ++k;
        continue;
      }
      if (k < l.size() && (l[k] == '[' || l[k] == '(')) ++depth;
      if (k < l.size() && (l[k] == ']' || l[k] == ')') && depth > 0) --depth;
      if (k == l.size() || (l[k] == '|' && depth == 0)) {
        cells.push_back(trim(unescapeMarkdown(l.substr(start, k - start))));
        start = k + 1;
      }
    }
    std::string type = withoutMarks(cells[0]);
    if (equalNoCase(type, "Type")) {
      table = true;
      continue;
    }
    if (type.empty() || type.find_first_not_of(":- ") == std::string::npos) continue;
    if (!typeNamed(type)) continue; // a total, a note, another table's row
    table = true;
    const int line = static_cast<int>(i) + 1;
    if (cells.size() < 2 || cells[1].empty()) {
      list.unreadable.push_back("line " + std::to_string(line) + ": a " + type +
                                " row with no item (the table may be cut short)");
      continue;
    }
    std::string name, url;
    splitLink(cells[1], name, url);
    if (!name.empty() && name.front() == '[') {
      list.unreadable.push_back("line " + std::to_string(line) + ": the " + type +
                                " item's link is cut short: " + name);
      continue;
    }
    list.items.push_back(itemOf(line, type, name, url, cells.size() > 2 ? cells[2] : ""));
  }
  return table;
}

std::string decodeEntities(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out += s[i];
      continue;
    }
    size_t semi = s.find(';', i);
    if (semi == std::string::npos || semi - i > 10) {
      out += s[i];
      continue;
    }
    std::string e = s.substr(i + 1, semi - i - 1);
    std::string r;
    if (e == "amp")
      r = "&";
    else if (e == "lt")
      r = "<";
    else if (e == "gt")
      r = ">";
    else if (e == "quot")
      r = "\"";
    else if (e == "apos" || e == "#39")
      r = "'";
    else if (e == "nbsp" || e == "#160")
      r = " ";
    else if (e.size() > 1 && e[0] == '#') {
      long code = e[1] == 'x' || e[1] == 'X' ? std::strtol(e.c_str() + 2, nullptr, 16)
                                             : std::strtol(e.c_str() + 1, nullptr, 10);
      if (code > 0 && code < 0x80)
        r = std::string(1, static_cast<char>(code));
      else if (code >= 0x80 && code < 0x800)
        r = {static_cast<char>(0xc0 | (code >> 6)), static_cast<char>(0x80 | (code & 0x3f))};
      else if (code >= 0x800 && code < 0x10000)
        r = {static_cast<char>(0xe0 | (code >> 12)), static_cast<char>(0x80 | ((code >> 6) & 0x3f)),
             static_cast<char>(0x80 | (code & 0x3f))};
      else
        r = "?";
    } else {
      out += s[i];
      continue;
    }
    out += r;
    i = semi;
  }
  return out;
}

// The text of an HTML fragment: its tags dropped, entities decoded, spaces folded.
std::string htmlText(const std::string& html) {
  std::string out;
  bool inTag = false;
  for (char c : html) {
    if (c == '<')
      inTag = true;
    else if (c == '>')
      inTag = false, out += ' ';
    else if (!inTag)
      out += c;
  }
  out = decodeEntities(out);
  std::string folded;
  for (char c : out) {
    bool space = std::isspace(static_cast<unsigned char>(c));
    if (space && (folded.empty() || folded.back() == ' ')) continue;
    folded += space ? ' ' : c;
  }
  return trim(folded);
}

int lineAt(const std::string& text, size_t offset) {
  return 1 +
         static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(offset), '\n'));
}

// The first href="..." in an HTML fragment.
std::string hrefOf(const std::string& html) {
  std::string l = asciiLower(html);
  size_t at = l.find("href=");
  if (at == std::string::npos) return "";
  at += 5;
  if (at >= html.size()) return "";
  char q = html[at];
  if (q != '"' && q != '\'') return "";
  size_t end = html.find(q, at + 1);
  return end == std::string::npos ? "" : decodeEntities(html.substr(at + 1, end - at - 1));
}

// The HTML export's table, wherever it is in the page: each row's cells are type, item (a link
// to the product) and price. Rows outside a table that names itself a part list, or whose
// header says Type and Item, are not read.
Result<bool> readHtml(const std::string& text, const std::string& file, PartList& list) {
  const std::string l = asciiLower(text);
  bool tableFound = false;
  for (size_t at = l.find("<table"); at != std::string::npos; at = l.find("<table", at + 1)) {
    size_t end = l.find("</table", at);
    const bool cut = end == std::string::npos;
    if (cut) end = l.size();
    size_t open = l.find('>', at);
    std::string tag = open == std::string::npos ? "" : l.substr(at, open - at);
    std::string body = text.substr(at, end - at), lbody = l.substr(at, end - at);
    bool isList =
        tag.find("pcpp-part-list") != std::string::npos ||
        (lbody.find(">type<") != std::string::npos && lbody.find(">item<") != std::string::npos);
    if (!isList) continue;
    tableFound = true;
    for (size_t r = lbody.find("<tr"); r != std::string::npos; r = lbody.find("<tr", r + 1)) {
      size_t rEnd = lbody.find("</tr", r);
      size_t next = lbody.find("<tr", r + 1);
      if (rEnd == std::string::npos || (next != std::string::npos && next < rEnd)) rEnd = next;
      const bool rowCut = rEnd == std::string::npos;
      if (rowCut) rEnd = lbody.size();
      std::vector<std::string> cells;
      for (size_t c = lbody.find("<td", r); c != std::string::npos && c < rEnd;
           c = lbody.find("<td", c + 1)) {
        size_t cOpen = lbody.find('>', c);
        if (cOpen == std::string::npos || cOpen >= rEnd) break;
        size_t cEnd = lbody.find("</td", cOpen);
        size_t nextCell = lbody.find("<td", cOpen);
        if (cEnd == std::string::npos || cEnd > rEnd) cEnd = rEnd;
        if (nextCell != std::string::npos && nextCell < cEnd) cEnd = nextCell;
        cells.push_back(body.substr(cOpen + 1, cEnd - cOpen - 1));
      }
      if (cells.empty()) continue;
      std::string type = htmlText(cells[0]);
      if (!typeNamed(type)) continue;
      int line = lineAt(text, at + r);
      if (cells.size() < 2 || htmlText(cells[1]).empty() || (rowCut && cut && cells.size() < 3)) {
        list.unreadable.push_back("line " + std::to_string(line) + ": a " + type +
                                  " row cut short");
        continue;
      }
      list.items.push_back(itemOf(line, type, htmlText(cells[1]), hrefOf(cells[1]),
                                  cells.size() > 2 ? htmlText(cells[2]) : ""));
    }
  }
  if (!tableFound)
    return Error{file, "",
                 "is HTML with no part list in it (no table of class pcpp-part-list, "
                 "nor one headed Type, Item)"};
  return true;
}

// A price at the end of a text line: "($294.99 @ Amazon)", "$294.99", "Purchased For $10".
std::string takePrice(std::string& rest) {
  std::string r = trim(rest);
  if (!r.empty() && r.back() == ')') {
    size_t open = r.rfind('(');
    if (open != std::string::npos) {
      std::string inner = r.substr(open + 1, r.size() - open - 2);
      bool money = inner.find_first_of("$\xe2\xa3@") != std::string::npos ||
                   asciiLower(inner).find("purchased") != std::string::npos ||
                   asciiLower(inner).find("no prices") != std::string::npos;
      if (money) {
        rest = trim(r.substr(0, open));
        return trim(inner);
      }
    }
  }
  // A bare trailing price: "$294.99", "294.99 €", "£10.00".
  size_t cut = r.find_last_of(" \t");
  if (cut != std::string::npos) {
    std::string last = r.substr(cut + 1);
    bool digits = last.find_first_of("0123456789") != std::string::npos;
    bool currency = last.find_first_of("$\xe2\xa3") != std::string::npos;
    if (digits && currency) {
      rest = trim(r.substr(0, cut));
      return last;
    }
  }
  rest = r;
  return "";
}

// The plain-text export ("CPU: name (price)") or a list page's text ("CPU<tab>name<tab>price",
// or spaces). A line counts when it starts with a known type.
bool readText(const std::vector<std::string>& lines, PartList& list) {
  bool colon = false, columns = false;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string l = trim(lines[i]);
    if (l.empty()) continue;
    // The longest type the line starts with ("CPU Cooler" before "CPU").
    const TypeName* best = nullptr;
    for (const TypeName& t : kTypes) {
      size_t n = std::strlen(t.type);
      if (l.size() > n && equalNoCase(std::string_view(l).substr(0, n), t.type) &&
          (l[n] == ':' || l[n] == '\t' || l[n] == ' ') && (!best || n > std::strlen(best->type)))
        best = &t;
    }
    if (!best) continue;
    std::string rest = l.substr(std::strlen(best->type));
    bool isColon = rest[0] == ':';
    rest = trim(std::string_view(rest).substr(isColon ? 1 : 0));
    if (rest.empty()) continue;
    std::string price;
    if (size_t tab = rest.find('\t'); !isColon && tab != std::string::npos) {
      price = trim(std::string_view(rest).substr(tab + 1));
      rest = trim(std::string_view(rest).substr(0, tab));
    } else {
      price = takePrice(rest);
    }
    if (rest.empty()) continue;
    (isColon ? colon : columns) = true;
    list.items.push_back(itemOf(static_cast<int>(i) + 1, best->type, rest, "", price));
  }
  list.format = colon ? "text" : "list page text";
  return colon || columns;
}

} // namespace

std::optional<Category> categoryOfListType(const std::string& type, bool* known) {
  const TypeName* t = typeNamed(trim(type));
  if (known) *known = t != nullptr;
  return t ? t->category : std::nullopt;
}

const char* listTypeOf(Category c) {
  if (c == Category::Radiator) return "CPU Cooler";
  for (const TypeName& t : kTypes)
    if (t.category == c) return t.type;
  return "Other";
}

Result<PartList> parsePartList(const std::string& text, const std::string& file) {
  if (text.find_first_not_of(" \t\r\n") == std::string::npos)
    return Error{file, "", "is empty: paste or export a PCPartPicker part list into it"};
  PartList list;
  const std::string l = asciiLower(text);
  if (l.find("<table") != std::string::npos || l.find("<tr") != std::string::npos ||
      l.find("<html") != std::string::npos || l.find("<body") != std::string::npos) {
    list.format = "html";
    Result<bool> read = readHtml(text, file, list);
    if (!read) return read.error();
  } else {
    std::vector<std::string> lines = linesOf(text);
    list.format = "markdown";
    if (!readMarkdown(lines, list) || (list.items.empty() && list.unreadable.empty())) {
      list = PartList{};
      readText(lines, list);
    }
  }
  if (list.items.empty() && list.unreadable.empty())
    return Error{file, "",
                 "holds no part list rigfit can read: expected PCPartPicker's Markdown "
                 "(Type|Item|Price), HTML (a pcpp-part-list table) or text (\"CPU: name\") export"};
  return list;
}

} // namespace rigfit
