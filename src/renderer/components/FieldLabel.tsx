/** A form field's label, marked required (*) or optional. */
export function Label({ htmlFor, text, required }: { htmlFor: string; text: string; required?: boolean }) {
  return (
    <label htmlFor={htmlFor}>
      {text}
      {required ? (
        <span className="required" aria-hidden="true">
          {' '}*
        </span>
      ) : (
        <span className="optional"> (optional)</span>
      )}
    </label>
  );
}
