// Validates every object of a multi-document YAML file against the Kubernetes API schemas
// that the npm package kubernetes-models ships (types, required fields, formats, enums),
// offline. Usage: node validate.mjs <rendered.yaml>, with AIMASS_CHART_TOOLS_DIR naming the
// folder where scripts/ensure-chart-tools.sh installed the packages.
// Prints one line per object ("valid ..." or "invalid ...: reason"); exits 1 when any is
// invalid.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const toolsDir = process.env.AIMASS_CHART_TOOLS_DIR;
if (!toolsDir) {
  console.error("AIMASS_CHART_TOOLS_DIR is not set");
  process.exit(2);
}
const require = createRequire(join(toolsDir, "package.json"));
const { parseAllDocuments } = require("yaml");

const objects = parseAllDocuments(readFileSync(process.argv[2], "utf8"))
  .map((document) => document.toJS())
  .filter((object) => object != null);
let invalid = 0;
for (const object of objects) {
  const label = `${object.apiVersion} ${object.kind}/${object.metadata?.name}`;
  try {
    const models = require(`kubernetes-models/${object.apiVersion}`);
    const Model = models[object.kind];
    if (Model === undefined) {
      throw new Error(`kubernetes-models has no schema for this kind`);
    }
    new Model(object).validate();
    console.log(`valid ${label}`);
  } catch (error) {
    invalid++;
    console.log(`invalid ${label}: ${error.message.replace(/\s+/g, " ")}`);
  }
}
process.exit(invalid === 0 ? 0 : 1);
