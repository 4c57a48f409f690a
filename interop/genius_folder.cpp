#include "interop/genius_folder.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <memory>

#include "interop/xml_file.hpp"

namespace parley {

namespace {

namespace fs = std::filesystem;

std::string lower_case_name(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

enum class XmlRole { Domain, Profile, Other };

// A profile gives weights or evaluations; a domain file only lists issues and values.
XmlRole role_of(const XmlFile& file) {
  const pugi::xml_node root = file.root();
  const std::string name = root.name();
  if (name == "negotiation_template") return XmlRole::Domain;
  if (name != "utility_space") return XmlRole::Other;
  for (pugi::xml_node objective : root.children("objective")) {
    if (objective.child("weight")) return XmlRole::Profile;
    for (pugi::xml_node issue : objective.children("issue")) {
      if (issue.child("evaluator")) return XmlRole::Profile;
      for (pugi::xml_node item : issue.children("item"))
        if (item.attribute("evaluation")) return XmlRole::Profile;
    }
  }
  return XmlRole::Domain;
}

bool uncertain(const XmlFile& file) {
  return lower_case_name(file.root().attribute("type").value()) == "uncertain";
}

}  // namespace

GeniusFolder scan_genius_folder(const std::string& directory) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(directory, ec))
    if (entry.is_regular_file() && lower_case_name(entry.path().extension().string()) == ".xml")
      files.push_back(entry.path());
  if (ec) throw InputError(directory, 0, 0, "", "a readable folder", ec.message());
  std::sort(files.begin(), files.end(),
            [](const fs::path& a, const fs::path& b) { return a.filename() < b.filename(); });

  std::vector<std::string> domains;
  std::vector<std::string> profiles;
  std::vector<std::string> plain;
  std::unique_ptr<XmlFile> domain_xml;
  for (const fs::path& path : files) {
    auto xml = std::make_unique<XmlFile>(path.string());
    switch (role_of(*xml)) {
      case XmlRole::Domain:
        domains.push_back(path.string());
        domain_xml = std::move(xml);
        break;
      case XmlRole::Profile:
        profiles.push_back(path.string());
        if (!uncertain(*xml)) plain.push_back(path.string());
        break;
      case XmlRole::Other:
        break;
    }
  }
  if (domains.size() != 1)
    throw InputError(directory, 0, 0, "",
                     "a GENIUS folder with exactly one domain file (<negotiation_template>)",
                     domains.empty()
                         ? std::string("none")
                         : std::to_string(domains.size()) + ": " + domains[0] + ", " + domains[1]);

  GeniusFolder folder;
  folder.domain = domains.front();
  // 1. The profiles the domain names, when they are all here.
  for (pugi::xml_node agent : domain_xml->root().children("agent")) {
    const fs::path named = fs::path(directory) / agent.attribute("utility_space").value();
    if (std::find(profiles.begin(), profiles.end(), named.string()) == profiles.end()) {
      folder.profiles.clear();
      break;
    }
    folder.profiles.push_back(named.string());
  }
  // 2. The plain profiles; 3. all of them.
  if (folder.profiles.size() < 2) folder.profiles = plain.size() >= 2 ? plain : profiles;
  if (folder.profiles.size() < 2)
    throw InputError(directory, 0, 0, "", "a GENIUS folder with at least two preference profiles",
                     std::to_string(folder.profiles.size()));
  for (const std::string& p : profiles)
    if (std::find(folder.profiles.begin(), folder.profiles.end(), p) == folder.profiles.end())
      folder.others.push_back(p);
  return folder;
}

}  // namespace parley
