import type { ComponentChildren } from 'preact';

export type Props = {
  /** A URL from a page or a backend: only http(s) becomes a link; anything else is shown as text. */
  href: string | null;
  /** Link text (page text is passed as children, so it is always a text node). */
  children: ComponentChildren;
};

export function isHttpUrl(href: string | null): href is string {
  return !!href && /^https?:\/\//i.test(href) && URL.canParse(href);
}

export function SafeLink({ href, children }: Props) {
  if (!isHttpUrl(href)) return <span>{children}</span>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer nofollow">
      {children}
    </a>
  );
}
