/** A link into the site for mail: the public URL (with or without a trailing slash) and a path from the root. */
export function publicLink(publicUrl: string, path: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
