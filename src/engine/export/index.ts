export { kindScript, applicableFiles, shellQuote, INGRESS_NGINX_VERSION, METALLB_VERSION, KIND_NODE_IMAGE, type ExportScenario } from './kind'
export { scenarioYamlFiles } from './files'
