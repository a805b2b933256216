/** What an HTTP entry sends: the page's domain functions return it, index.ts writes it out. */
export interface HttpAnswer<Body extends string | Buffer> {
  status: number;
  headers: Record<string, string>;
  body: Body;
}
