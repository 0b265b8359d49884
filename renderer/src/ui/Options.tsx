/** The <option>s of a closed list, labelled for people rather than by key. */
export function Options<T extends string>(props: { values: readonly T[]; labels: Record<T, string> }) {
  return (
    <>
      {props.values.map((v) => (
        <option key={v} value={v}>
          {props.labels[v]}
        </option>
      ))}
    </>
  );
}
