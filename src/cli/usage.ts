/** The CLI's help text (printed for --help, and on stderr after a usage error). */
export const USAGE = `Usage: npm run -s cli -- [-f PATH ...] [--scenario NAME] [--json] [--seed N]
                          [--mode iptables|ipvs|nftables] [--lang en|zh] COMMAND

Global options (before COMMAND):
  -f PATH          a YAML file, a folder of them (*.yaml, *.yml, sorted), or - for standard input; repeatable.
                   Without -f: the default gallery scenario, service-basics.
  --scenario NAME  another scenario of the gallery (src/scenarios)
  --json           print the result as data (JSON) instead of text
  --seed N         the random stream's seed (default 1); the same input and seed give the same output
  --mode MODE      kube-proxy's mode, overriding the scenario's
  --lang en|zh     the language of findings and notes

Commands:
  check                                    every finding as PATH:LINE:COL: error|warning CODE: message;
                                           exit status 1 if any is an error
  kubectl get KIND[,KIND...] [NAME] [-n NS | -A] [-l SELECTOR] [-o wide|yaml|json|name] [--show-labels]
  kubectl describe KIND [NAME] [-n NS]
  exec WHERE [--repeat N] [--interval MS] [--concurrency C] -- COMMAND ARGS...
                                           run COMMAND on a machine: node/NAME, client/NAME, router/NAME,
                                           or a pod (NAMESPACE/NAME, NAME in default, pod/NAMESPACE/NAME).
                                           Pipes, loops and variables: -- sh -c 'LINE', as with kubectl exec.
                                           --repeat runs it N times on one simulation, --interval virtual
                                           milliseconds apart (default 10), C at a time, and sums up the outcomes.

Exit status: 0 success, 1 the command failed (or check found an error), 2 bad arguments.
`
