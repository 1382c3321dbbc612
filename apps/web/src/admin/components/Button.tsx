import { type ButtonHTMLAttributes, forwardRef } from 'react';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: 'primary' | 'secondary' | 'danger';
}

/** A real <button> (type="button" unless told), styled by variant. */
export const Button = forwardRef<HTMLButtonElement, ButtonProps>(function Button(
  { variant = 'secondary', type = 'button', className, ...rest },
  ref,
) {
  const classes = ['admin-button', `admin-button--${variant}`, className].filter(Boolean);
  return <button ref={ref} type={type} className={classes.join(' ')} {...rest} />;
});
