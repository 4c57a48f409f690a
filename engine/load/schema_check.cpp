#include "engine/load/schema_check.hpp"

#include <cmath>
#include <functional>
#include <map>
#include <optional>
#include <unordered_map>

// GCC 12 reports a false -Wrestrict inside std::string code that valijson instantiates
// (GCC bug 105329); nothing in this file copies overlapping memory. Clang has no such warning.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include "engine/load/input_limits.hpp"
#include "engine/load/message_text.hpp"
#include "engine/load/schema_text.hpp"
#include "engine/load/text_pattern.hpp"

namespace parley {

namespace {
using Json = nlohmann::json;
using Schema = nlohmann::ordered_json;  // keeps the schema's property order for messages

// Removes the keywords valijson would check too slowly or unsafely: "pattern" (valijson
// matches with std::regex, whose recursive matcher overflows the stack on a long string) and
// "uniqueItems" (valijson compares every pair: 30,000 options took 23 s). check_schema checks
// them itself, linearly. Only keyword positions are touched: a property named "pattern" has an
// object as its value, the keywords a string and a boolean.
void strip_linear_keywords(Json& schema) {
  if (schema.is_object()) {
    if (schema.contains("pattern") && schema["pattern"].is_string()) schema.erase("pattern");
    if (schema.contains("uniqueItems") && schema["uniqueItems"].is_boolean())
      schema.erase("uniqueItems");
    for (auto& [key, child] : schema.items()) strip_linear_keywords(child);
  } else if (schema.is_array()) {
    for (Json& child : schema) strip_linear_keywords(child);
  }
}

Json without_linear_keywords(Json schema) {
  strip_linear_keywords(schema);
  return schema;
}

// The schema, parsed once: valijson's compiled form to validate (without the keywords checked
// linearly here), the JSON text itself to phrase errors from (valijson reports where and
// roughly what, not in words for people), and the schema's patterns compiled for the linear
// matcher.
struct CompiledSchema {
  Schema text;
  Json plain;
  valijson::Schema validator_schema;
  std::map<std::string, TextPattern> patterns;

  CompiledSchema()
      : text(Schema::parse(scenario_schema_text())),
        plain(without_linear_keywords(Json::parse(scenario_schema_text()))) {
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
    parser.populateSchema(valijson::adapters::NlohmannJsonAdapter(plain), validator_schema);
    collect_patterns(text);
  }

  void collect_patterns(const Schema& node) {
    if (node.is_object()) {
      if (node.contains("pattern") && node["pattern"].is_string()) {
        const std::string p = node["pattern"].get<std::string>();
        patterns.try_emplace(p, p);
      }
      for (const auto& [key, child] : node.items()) collect_patterns(child);
    } else if (node.is_array()) {
      for (const Schema& child : node) collect_patterns(child);
    }
  }
};

const CompiledSchema& compiled_schema() {
  static const CompiledSchema schema;
  return schema;
}

// One way a value breaks one schema keyword, phrased for people.
struct Violation {
  std::string pointer;
  bool at_key = false;  // locate at the member's key (an unknown property) instead of its value
  std::string expected;
  std::string found;
  bool wrong_type = false;
  int alternatives = 0;  // a group of anyOf/oneOf branches none of which fits: types add up
};

std::string article_type(const std::string& type) {
  if (type == "integer") return "an integer";
  if (type == "object") return "an object";
  if (type == "array") return "an array";
  if (type == "boolean") return "true or false";
  if (type == "null") return "null";
  return "a " + type;
}

bool has_type(const Json& value, const std::string& type) {
  if (type == "number") return value.is_number();
  if (type == "integer") return value.is_number_integer();
  if (type == "string") return value.is_string();
  if (type == "object") return value.is_object();
  if (type == "array") return value.is_array();
  if (type == "boolean") return value.is_boolean();
  if (type == "null") return value.is_null();
  return false;
}

// The number in the schema as people write it: 1, 0.5, 1000000000.
std::string schema_number(const Schema& number) {
  return number.dump();
}

// "property "discount"" for a member, "a value" for an array item: the subject of a bound.
std::string subject(const JsonDocument& doc, const std::string& pointer) {
  const std::string parent = parent_pointer(pointer);
  if (pointer.empty() || !doc.at(parent).is_object()) return "a number";
  return "property " + quote(last_token(pointer)) + " to be";
}

// A hash consistent with nlohmann::json's equality for the items of a uniqueItems array
// (1 and 1.0 are equal there, so numbers hash by value).
std::size_t item_hash(const Json& item) {
  if (item.is_number()) return std::hash<double>{}(item.get<double>());
  return std::hash<Json>{}(item);
}

// The first item equal to an earlier one, as {earlier, later}, in one pass with a hash table.
std::optional<std::pair<std::size_t, std::size_t>> first_duplicate(const Json& array) {
  std::unordered_multimap<std::size_t, std::size_t> seen;
  seen.reserve(array.size());
  for (std::size_t j = 0; j < array.size(); ++j) {
    const std::size_t h = item_hash(array[j]);
    const auto [from, to] = seen.equal_range(h);
    for (auto it = from; it != to; ++it)
      if (array[it->second] == array[j]) return std::make_pair(it->second, j);
    seen.emplace(h, j);
  }
  return std::nullopt;
}

std::size_t code_points(const std::string& text) {
  std::size_t n = 0;
  for (const char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

class Explainer {
 public:
  explicit Explainer(const JsonDocument& doc) : doc_(doc), root_(compiled_schema().text) {}

  // The schema objects that apply at `pointer`, following $ref, allOf and if/then/else.
  std::vector<const Schema*> applicable(const std::string& pointer) const {
    std::vector<const Schema*> current;
    expand(root_, doc_.root(), current);
    std::string walked;  // the pointer so far, one token at a time
    std::size_t from = 1;
    while (!pointer.empty()) {
      const std::size_t slash = pointer.find('/', from);
      const std::string next = pointer.substr(0, slash);
      alternative_group_.clear();  // only the groups at the last level matter
      current = children(current, walked, next);
      if (slash == std::string::npos) break;
      walked = next;
      from = slash + 1;
    }
    return current;
  }

  // The first value, in file order, that breaks a keyword valijson is not given ("pattern",
  // "uniqueItems") or parley's limit on the magnitude of numbers: one walk over the document, each
  // value checked against the schemas that apply to it, in time linear in the file.
  std::optional<Violation> linear_keyword_violation() const {
    std::vector<const Schema*> here;
    expand(root_, doc_.root(), here);
    return linear_keywords(here, "");
  }

  // The first keyword of `schema` that the value at `pointer` breaks, looking only at this
  // level (children are checked at their own pointers).
  std::optional<Violation> violation(const Schema& schema, const std::string& pointer) const {
    std::optional<Violation> v = local_violation(schema, pointer);
    if (v && v->wrong_type) {
      const auto group = alternative_group_.find(&schema);
      if (group != alternative_group_.end()) v->alternatives = group->second;
    }
    return v;
  }

 private:
  const JsonDocument& doc_;
  const Schema& root_;
  mutable std::unordered_map<const Schema*, int> alternative_group_;
  mutable int groups_ = 0;

  std::optional<Violation> linear_keywords(const std::vector<const Schema*>& here,
                                           const std::string& pointer) const {
    const Json& value = doc_.at(pointer);
    if (value.is_number_float() || value.is_number_integer()) {
      const double x = value.get<double>();
      if (!(std::abs(x) <= kMaxMagnitude))
        return Violation{pointer, false,
                         "a number within -10^15 to 10^15 (parley's limit on any number in a "
                         "scenario, so that sums and products over a run stay finite)",
                         doc_.literal(pointer)};
    }
    for (const Schema* s : here) {
      if (!s->is_object()) continue;
      if (value.is_string() && s->contains("pattern"))
        if (auto v = string_violation(*s, pointer, value.get_ref<const std::string&>())) return v;
      if (value.is_array() && s->contains("uniqueItems"))
        if (auto v = array_violation(*s, pointer, value)) return v;
    }
    if (value.is_object()) {
      for (const std::string& key : doc_.keys(pointer)) {
        const std::string child = child_pointer(pointer, key);
        if (auto v = linear_keywords(children(here, pointer, child), child)) return v;
      }
    } else if (value.is_array()) {
      for (std::size_t i = 0; i < value.size(); ++i) {
        const std::string child = child_pointer(pointer, i);
        if (auto v = linear_keywords(children(here, pointer, child), child)) return v;
      }
    }
    return std::nullopt;
  }

  std::optional<Violation> local_violation(const Schema& schema, const std::string& pointer) const {
    const Json& value = doc_.at(pointer);
    if (schema.is_boolean()) {
      if (schema.get<bool>()) return std::nullopt;
      return Violation{pointer, true, "no property " + quote(last_token(pointer)) + " here",
                       quote(last_token(pointer))};
    }
    if (auto v = type_violation(schema, pointer, value)) return v;
    if (schema.contains("const") && Json::parse(schema["const"].dump()) != value)
      return Violation{pointer, false, schema["const"].dump(), doc_.literal(pointer)};
    if (schema.contains("enum")) {
      bool listed = false;
      std::vector<std::string> words;
      std::string options;
      for (const Schema& option : schema["enum"]) {
        listed = listed || Json::parse(option.dump()) == value;
        options += (options.empty() ? "" : ", ") + option.dump();
        if (option.is_string()) words.push_back(option.get<std::string>());
      }
      if (!listed) {
        std::string found = doc_.literal(pointer);
        if (value.is_string()) found = with_suggestion(found, value.get<std::string>(), words);
        return Violation{pointer, false, "one of " + options, found};
      }
    }
    if (value.is_number()) return number_violation(schema, pointer, value.get<double>());
    if (value.is_string()) return string_violation(schema, pointer, value.get<std::string>());
    if (value.is_array()) return array_violation(schema, pointer, value);
    if (value.is_object()) return object_violation(schema, pointer, value);
    return std::nullopt;
  }

  const Schema& resolve(const Schema& schema) const {
    const Schema* s = &schema;
    // Only local references ("#/definitions/x") occur in parley's schema.
    while (s->is_object() && s->contains("$ref")) {
      const std::string ref = (*s)["$ref"].get<std::string>();
      s = &root_.at(Schema::json_pointer(ref.substr(1)));
    }
    return *s;
  }

  void expand(const Schema& schema, const Json& value, std::vector<const Schema*>& out) const {
    const Schema& s = resolve(schema);
    out.push_back(&s);
    if (!s.is_object()) return;
    if (s.contains("allOf"))
      for (const Schema& branch : s["allOf"]) expand(branch, value, out);
    // Of alternatives, the ones of the value's type say what is wrong with it; if none is,
    // all of them together say which types would do.
    for (const char* combinator : {"anyOf", "oneOf"}) {
      if (!s.contains(combinator)) continue;
      std::vector<const Schema*> fitting;
      for (const Schema& branch : s[combinator])
        if (type_fits(resolve(branch), value)) fitting.push_back(&branch);
      if (fitting.empty()) {
        ++groups_;
        for (const Schema& branch : s[combinator]) {
          fitting.push_back(&branch);
          alternative_group_[&resolve(branch)] = groups_;
        }
      }
      for (const Schema* branch : fitting) expand(*branch, value, out);
    }
    if (s.contains("if")) {
      const char* branch = locally_valid(s["if"], value) ? "then" : "else";
      if (s.contains(branch)) expand(s[branch], value, out);
    }
  }

  // Enough of a validator for the conditions of `if`: this level plus named properties.
  bool locally_valid(const Schema& schema, const Json& value) const {
    const Schema& s = resolve(schema);
    if (s.is_boolean()) return s.get<bool>();
    if (s.contains("type")) {
      bool ok = false;
      for (const std::string& type : type_names(s)) ok = ok || has_type(value, type);
      if (!ok) return false;
    }
    if (s.contains("const") && Json::parse(s["const"].dump()) != value) return false;
    if (s.contains("enum")) {
      bool listed = false;
      for (const Schema& option : s["enum"]) listed = listed || Json::parse(option.dump()) == value;
      if (!listed) return false;
    }
    if (value.is_object()) {
      if (s.contains("required"))
        for (const Schema& name : s["required"])
          if (!value.contains(name.get<std::string>())) return false;
      if (s.contains("properties"))
        for (const auto& [name, sub] : s["properties"].items())
          if (value.contains(name) && !locally_valid(sub, value[name])) return false;
    }
    return true;
  }

  std::vector<const Schema*> children(const std::vector<const Schema*>& parents,
                                      const std::string& parent_pointer_text,
                                      const std::string& child) const {
    std::vector<const Schema*> out;
    const Json& parent_value = doc_.at(parent_pointer_text);
    const Json& child_value = doc_.at(child);
    const std::string token = last_token(child);
    for (const Schema* parent : parents) {
      if (!parent->is_object()) continue;
      if (parent_value.is_object()) {
        if (parent->contains("properties") && (*parent)["properties"].contains(token)) {
          expand((*parent)["properties"][token], child_value, out);
        } else if (parent->contains("additionalProperties")) {
          expand((*parent)["additionalProperties"], child_value, out);
        }
      } else if (parent_value.is_array() && parent->contains("items")) {
        const Schema& items = (*parent)["items"];
        const std::size_t index = std::stoul(token);
        if (!items.is_array()) {
          expand(items, child_value, out);
        } else if (index < items.size()) {
          expand(items[index], child_value, out);
        } else if (parent->contains("additionalItems")) {
          expand((*parent)["additionalItems"], child_value, out);
        }
      }
    }
    return out;
  }

  static std::vector<std::string> type_names(const Schema& s) {
    std::vector<std::string> types;
    if (s["type"].is_string()) {
      types.push_back(s["type"].get<std::string>());
    } else {
      for (const Schema& t : s["type"]) types.push_back(t.get<std::string>());
    }
    return types;
  }

  std::optional<Violation> type_violation(const Schema& s, const std::string& pointer,
                                          const Json& value) const {
    if (!s.contains("type")) return std::nullopt;
    std::string expected;
    for (const std::string& type : type_names(s)) {
      if (has_type(value, type)) return std::nullopt;
      expected += (expected.empty() ? "" : " or ") + article_type(type);
    }
    return Violation{pointer, false, expected, doc_.describe(pointer), true};
  }

  static bool type_fits(const Schema& s, const Json& value) {
    if (!s.is_object() || !s.contains("type")) return true;
    for (const std::string& type : type_names(s))
      if (has_type(value, type)) return true;
    return false;
  }

  std::optional<Violation> number_violation(const Schema& s, const std::string& pointer,
                                            double x) const {
    const auto bound = [&](const char* keyword, const char* phrase) {
      return Violation{pointer, false,
                       subject(doc_, pointer) + " " + phrase + " " + schema_number(s[keyword]),
                       doc_.literal(pointer)};
    };
    if (s.contains("minimum") && x < s["minimum"].get<double>())
      return bound("minimum", "at least");
    if (s.contains("exclusiveMinimum") && x <= s["exclusiveMinimum"].get<double>())
      return bound("exclusiveMinimum", "greater than");
    if (s.contains("maximum") && x > s["maximum"].get<double>()) return bound("maximum", "at most");
    if (s.contains("exclusiveMaximum") && x >= s["exclusiveMaximum"].get<double>())
      return bound("exclusiveMaximum", "less than");
    return std::nullopt;
  }

  std::optional<Violation> string_violation(const Schema& s, const std::string& pointer,
                                            const std::string& text) const {
    if (s.contains("minLength") && code_points(text) < s["minLength"].get<std::size_t>()) {
      const auto n = s["minLength"].get<std::size_t>();
      return Violation{pointer, false,
                       n == 1 ? "a non-empty string"
                              : "a string of at least " + std::to_string(n) + " characters",
                       doc_.literal(pointer)};
    }
    if (s.contains("maxLength") && code_points(text) > s["maxLength"].get<std::size_t>())
      return Violation{pointer, false,
                       "a string of at most " + schema_number(s["maxLength"]) + " characters",
                       doc_.literal(pointer)};
    if (s.contains("pattern")) {
      const TextPattern& pattern = compiled_schema().patterns.at(s["pattern"].get<std::string>());
      if (!pattern.search(text)) {
        const std::string expected =
            s.contains("patternErrorMessage")
                ? s["patternErrorMessage"].get<std::string>()
                : "a string matching " + quote(s["pattern"].get<std::string>());
        return Violation{pointer, false, expected, doc_.literal(pointer)};
      }
    }
    return std::nullopt;
  }

  std::optional<Violation> array_violation(const Schema& s, const std::string& pointer,
                                           const Json& array) const {
    if (s.contains("minItems") && array.size() < s["minItems"].get<std::size_t>())
      return Violation{pointer, false,
                       "at least " + count_of(s["minItems"].get<std::size_t>(), "item", "items"),
                       count_of(array.size(), "item", "items")};
    if (s.contains("maxItems") && array.size() > s["maxItems"].get<std::size_t>())
      return Violation{pointer, false,
                       "at most " + count_of(s["maxItems"].get<std::size_t>(), "item", "items"),
                       count_of(array.size(), "item", "items")};
    if (s.contains("uniqueItems") && s["uniqueItems"].get<bool>()) {
      if (const auto pair = first_duplicate(array)) {
        const std::string item = child_pointer(pointer, pair->second);
        return Violation{
            item, false, "items that differ from each other",
            doc_.literal(item) + " again (the same as item " + std::to_string(pair->first) + ")"};
      }
    }
    return std::nullopt;
  }

  std::optional<Violation> object_violation(const Schema& s, const std::string& pointer,
                                            const Json& object) const {
    // Unknown properties first: a misspelt key also shows up as a missing required one.
    if (s.contains("additionalProperties") && s["additionalProperties"].is_boolean() &&
        !s["additionalProperties"].get<bool>()) {
      std::vector<std::string> known;
      if (s.contains("properties"))
        for (const auto& [name, sub] : s["properties"].items()) known.push_back(name);
      for (const std::string& key : doc_.keys(pointer)) {
        if (std::find(known.begin(), known.end(), key) != known.end()) continue;
        return Violation{child_pointer(pointer, key), true,
                         "one of the properties " + quoted_list(known),
                         with_suggestion(quote(key), key, known)};
      }
    }
    if (s.contains("required"))
      for (const Schema& name : s["required"])
        if (!object.contains(name.get<std::string>()))
          return Violation{pointer, false, "a property " + name.dump(), "none"};
    return std::nullopt;
  }
};

// valijson's context ("<root>", "[issues]", "[0]") as a JSON pointer into the document.
std::string context_pointer(const JsonDocument& doc, const std::vector<std::string>& context) {
  std::string pointer;
  for (std::size_t k = 1; k < context.size(); ++k) {
    const std::string& element = context[k];
    const std::string token = element.size() >= 2 ? element.substr(1, element.size() - 2) : "";
    const Json& here = doc.at(pointer);
    if (here.is_array()) {
      pointer = child_pointer(pointer, static_cast<std::size_t>(std::stoul(token)));
    } else {
      pointer = child_pointer(pointer, token);
    }
    if (!doc.contains(pointer)) return parent_pointer(pointer);
  }
  return pointer;
}

// valijson reports an error at every level up from the real one ("Failed to validate item
// #0 ..."); these summaries say nothing the innermost error does not.
bool is_summary(const std::string& description) {
  return description.rfind("Failed to validate", 0) == 0 ||
         description.rfind("Cannot validate", 0) == 0;
}

bool before(TextPosition a, TextPosition b) {
  return a.line < b.line || (a.line == b.line && a.column < b.column);
}
}  // namespace

void check_schema(const JsonDocument& document) {
  const CompiledSchema& schema = compiled_schema();
  valijson::Validator validator;
  valijson::ValidationResults results;
  const valijson::adapters::NlohmannJsonAdapter target(document.root());
  if (validator.validate(schema.validator_schema, target, &results)) {
    const Explainer explainer(document);
    if (const std::optional<Violation> v = explainer.linear_keyword_violation()) {
      if (v->at_key) throw document.key_error(v->pointer, v->expected, v->found);
      throw document.error(v->pointer, v->expected, v->found);
    }
    return;
  }

  // The first specific error in file order; summaries only if nothing else was reported.
  std::optional<std::pair<std::string, std::string>> chosen;
  TextPosition chosen_at;
  bool chosen_is_summary = true;
  for (const valijson::ValidationResults::Error& error : results) {
    const std::string pointer = context_pointer(document, error.context);
    const TextPosition at = document.position(pointer);
    const bool summary = is_summary(error.description);
    if (!chosen || (chosen_is_summary && !summary) ||
        (summary == chosen_is_summary && before(at, chosen_at))) {
      chosen = {{pointer, error.description}};
      chosen_at = at;
      chosen_is_summary = summary;
    }
  }
  const auto& [pointer, description] = *chosen;

  // Of the schemas that apply here, the first that the value breaks; an unknown property
  // outranks the rest (a misspelt key is also a missing required one, and the better clue).
  const Explainer explainer(document);
  std::optional<Violation> reason;
  for (const Schema* s : explainer.applicable(pointer)) {
    std::optional<Violation> v = explainer.violation(*s, pointer);
    if (!v) continue;
    if (reason && v->alternatives != 0 && v->alternatives == reason->alternatives) {
      if (reason->expected.find(v->expected) == std::string::npos)
        reason->expected += " or " + v->expected;
    } else if (!reason || (v->at_key && !reason->at_key)) {
      reason = std::move(v);
    }
  }
  if (reason) {
    if (reason->at_key) throw document.key_error(reason->pointer, reason->expected, reason->found);
    throw document.error(reason->pointer, reason->expected, reason->found);
  }
  // Not expected to happen: the schema uses only keywords the Explainer phrases.
  throw document.error(pointer, "a value the scenario schema accepts (" + description + ")",
                       document.describe(pointer));
}

}  // namespace parley
