// The generator lives with the gallery (its `scale-1000x10` scenario); bench/ reuses it from there.
export { scaleScenarioYaml, type ScaleParams } from '../src/scenarios/generators/scale'
