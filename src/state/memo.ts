/**
 * A derived value that is worked out again only when one of the inputs it reads changes. Inputs
 * are compared by identity: loaded data and view objects are replaced, never mutated.
 */
export function derived<State, const Inputs extends readonly unknown[], Value>(
  inputsOf: (state: State) => Inputs,
  compute: (...inputs: Inputs) => Value,
): (state: State) => Value {
  let last: { inputs: Inputs; value: Value } | null = null;
  return (state) => {
    const inputs = inputsOf(state);
    if (last === null || inputs.some((input, at) => input !== last?.inputs[at])) {
      last = { inputs, value: compute(...inputs) };
    }
    return last.value;
  };
}
