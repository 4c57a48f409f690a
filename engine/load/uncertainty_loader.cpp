#include "engine/load/uncertainty_loader.hpp"

#include <algorithm>
#include <cmath>

#include "engine/scenario/parameter_slot.hpp"

namespace parley {

namespace {

const char* const kBlock = "/uncertainty";

std::string kinds_list() {
  return "fixed, uniform, normal, truncated_normal, lognormal, beta, triangular or discrete";
}

double number_at(const JsonDocument& doc, const std::string& pointer) {
  const nlohmann::json& v = doc.at(pointer);
  if (!v.is_number()) throw doc.error(pointer, "a number", doc.describe(pointer));
  const double x = v.get<double>();
  if (!std::isfinite(x)) throw doc.error(pointer, "a finite number", doc.literal(pointer));
  return x;
}

std::vector<double> numbers_at(const JsonDocument& doc, const std::string& pointer) {
  const nlohmann::json& v = doc.at(pointer);
  if (!v.is_array()) throw doc.error(pointer, "an array of numbers", doc.describe(pointer));
  std::vector<double> out;
  for (std::size_t k = 0; k < v.size(); ++k)
    out.push_back(number_at(doc, child_pointer(pointer, k)));
  return out;
}

Distribution read_distribution(const JsonDocument& doc, const std::string& entry) {
  const std::string at = child_pointer(entry, "distribution");
  if (!doc.contains(at))
    throw doc.error(entry, "a \"distribution\" (" + kinds_list() + ")", "none");
  if (!doc.at(at).is_string())
    throw doc.error(at, "a distribution name (" + kinds_list() + ")", doc.describe(at));
  const std::string text = doc.at(at).get<std::string>();
  Distribution d;
  if (text.find('(') != std::string::npos) {
    // The short form the command line takes: "uniform(0.9, 0.99)".
    std::string error;
    const auto parsed = parse_distribution(text, error);
    if (!parsed) throw doc.error(at, error, "");
    d = *parsed;
  } else {
    const auto kind = distribution_kind(text);
    if (!kind) throw doc.error(at, "a distribution name (" + kinds_list() + ")", doc.literal(at));
    d.kind = *kind;
    if (d.kind == DistributionKind::Discrete) {
      const std::string values = child_pointer(entry, "values");
      if (!doc.contains(values))
        throw doc.error(entry, "\"values\" for a discrete distribution", "none");
      d.values = numbers_at(doc, values);
      const std::string weights = child_pointer(entry, "weights");
      if (doc.contains(weights)) d.weights = numbers_at(doc, weights);
    } else {
      for (const std::string& field : distribution_fields(d.kind)) {
        const std::string p = child_pointer(entry, field);
        if (doc.contains(p)) {
          d.set(field, number_at(doc, p));
        } else if (distribution_field_optional(d.kind, field)) {
          d.set(field, field == "max" ? 1.0 : 0.0);
        } else {
          throw doc.error(entry, "\"" + field + "\" for a " + text + " distribution", "none");
        }
      }
    }
  }
  // Fields the entry may carry besides the distribution's own.
  std::vector<std::string> allowed{"pointer", "distribution", "levels", "note", "source"};
  if (text.find('(') == std::string::npos) {
    for (const std::string& f : distribution_fields(d.kind)) allowed.push_back(f);
    if (d.kind == DistributionKind::Discrete) {
      allowed.push_back("values");
      allowed.push_back("weights");
    }
  }
  for (const std::string& key : doc.keys(entry)) {
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      std::string list;
      for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
      throw doc.key_error(child_pointer(entry, key), "one of " + list, "\"" + key + "\"");
    }
  }
  d.normalise();
  if (const auto problem = check(d)) {
    std::string field = child_pointer(entry, problem->field.substr(0, problem->field.find('/')));
    if (problem->field.find('/') != std::string::npos)
      field += problem->field.substr(problem->field.find('/'));
    if (!doc.contains(field)) field = at;
    throw doc.error(field, problem->expected, problem->found);
  }
  return d;
}

}  // namespace

UncertaintySpec read_uncertainty(const JsonDocument& doc, const Scenario& scenario,
                                 const AgentRegistry& registry) {
  UncertaintySpec spec = read_uncertainty_entries(doc);
  bind_parameters(spec, scenario, registry);  // throws at the entry at fault
  return spec;
}

UncertaintySpec read_uncertainty_entries(const JsonDocument& doc) {
  UncertaintySpec spec;
  if (!doc.contains(kBlock)) return spec;
  if (!doc.at(kBlock).is_object()) throw doc.error(kBlock, "an object", doc.describe(kBlock));
  const TextPosition block = doc.position(kBlock);
  spec.declared = {doc.name(), block.line, block.column, kBlock};
  for (const std::string& key : doc.keys(kBlock)) {
    if (key != "design" && key != "grid_levels" && key != "parameters" && key != "note")
      throw doc.key_error(child_pointer(kBlock, key),
                          "one of design, grid_levels, parameters, note", "\"" + key + "\"");
  }
  const std::string design = "/uncertainty/design";
  if (doc.contains(design)) {
    if (!doc.at(design).is_string() ||
        !parse_design(doc.at(design).get<std::string>(), spec.design))
      throw doc.error(design, "monte-carlo, latin-hypercube or grid", doc.literal(design));
    const TextPosition p = doc.position(design);
    spec.declared = {doc.name(), p.line, p.column, design};
  }
  const std::string levels = "/uncertainty/grid_levels";
  if (doc.contains(levels)) {
    const double k = number_at(doc, levels);
    if (k < 2 || k > 1000 || k != std::floor(k))
      throw doc.error(levels, "an integer from 2 to 1000", doc.literal(levels));
    spec.grid_levels = static_cast<int>(k);
  }
  const std::string parameters = "/uncertainty/parameters";
  if (!doc.contains(parameters)) throw doc.error(kBlock, "\"parameters\": an array", "none");
  if (!doc.at(parameters).is_array())
    throw doc.error(parameters, "an array of uncertain parameters", doc.describe(parameters));
  for (std::size_t i = 0; i < doc.at(parameters).size(); ++i) {
    const std::string entry = child_pointer(parameters, i);
    if (!doc.at(entry).is_object())
      throw doc.error(entry, "an object {\"pointer\", \"distribution\", ...}", doc.describe(entry));
    const std::string pointer = child_pointer(entry, "pointer");
    if (!doc.contains(pointer)) throw doc.error(entry, "a \"pointer\" into this file", "none");
    if (!doc.at(pointer).is_string())
      throw doc.error(pointer, "a JSON pointer string", doc.describe(pointer));
    UncertainParameter p;
    p.pointer = doc.at(pointer).get<std::string>();
    // A pointer to something the file writes must name a number (or, for reservation, the
    // object of per-track values, varied together).
    if (doc.contains(p.pointer) && !doc.at(p.pointer).is_number() &&
        !(doc.at(p.pointer).is_object() && last_token(p.pointer) == "reservation"))
      throw doc.error(pointer, "a pointer to a number",
                      doc.describe(p.pointer) + " at " + p.pointer);
    p.distribution = read_distribution(doc, entry);
    const std::string level_count = child_pointer(entry, "levels");
    if (doc.contains(level_count)) {
      const double k = number_at(doc, level_count);
      if (k < 1 || k > 1000 || k != std::floor(k))
        throw doc.error(level_count, "an integer from 1 to 1000", doc.literal(level_count));
      p.levels = static_cast<int>(k);
    }
    const TextPosition where = doc.position(pointer);
    p.declared = {doc.name(), where.line, where.column, pointer};
    spec.parameters.push_back(std::move(p));
  }
  return spec;
}

}  // namespace parley
