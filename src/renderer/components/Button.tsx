/**
 * A button that may become unavailable while it has the focus (Back at the first moment visited,
 * Add event while the company's zone is not known, Add bookmark once its name is cleared). It is
 * marked `aria-disabled` and does nothing, rather than `disabled`: a disabled button drops the focus
 * to the page's body, where a screen reader says nothing and the next key goes nowhere.
 */
import type { ButtonHTMLAttributes } from 'react';

type Props = ButtonHTMLAttributes<HTMLButtonElement> & { available: boolean };

export function Button({ available, onClick, type = 'button', ...rest }: Props) {
  return <button type={type} {...rest} aria-disabled={available ? undefined : true} onClick={available ? onClick : (e) => e.preventDefault()} />;
}
