/**
 * A file picker that looks like a button: the label is what is seen and pressed; the input itself
 * is hidden but keeps the keyboard focus, which outlines the label.
 */
import { useId } from 'react';

export function FileButton({
  label,
  accept,
  multiple = false,
  disabled = false,
  secondary = false,
  onFiles,
}: {
  label: string;
  accept: string;
  multiple?: boolean;
  disabled?: boolean;
  secondary?: boolean;
  /** The files picked (none when the user cancels the picker). */
  onFiles: (files: File[]) => void;
}) {
  const id = useId();
  return (
    <span className="file-button">
      <label htmlFor={id} className={secondary ? 'button-like secondary' : 'button-like'}>
        {label}
      </label>
      <input
        id={id}
        className="visually-hidden-file"
        type="file"
        accept={accept}
        multiple={multiple}
        disabled={disabled}
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          // Cleared, so that picking the same file again reads it again.
          event.target.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
    </span>
  );
}
