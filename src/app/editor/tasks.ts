/** Resolves in a new task, after whatever input, timers or frame the browser has waiting. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0))
}

/** Resolves in the task after the next frame: the DOM committed before it has been laid out and painted. */
export function afterFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))
}
