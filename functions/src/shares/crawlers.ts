// Link-preview crawlers fetch every link pasted into a chat. They get the page (for its preview
// tags) but never count as a view: a view is a person.

/** Substrings of the user agents of the preview fetchers and search crawlers we know, lower-cased. */
const CRAWLER_MARKERS = [
  "kakaotalk-scrap",
  "facebookexternalhit",
  "facebookcatalog",
  "meta-externalagent",
  "slackbot",
  "slack-imgproxy",
  "twitterbot",
  "discordbot",
  "telegrambot",
  "linkedinbot",
  "whatsapp",
  "googlebot",
  "google-inspectiontool",
  "bingbot",
  "applebot",
  "yeti", // Naver
  "daum",
  "line-poker", // LINE's preview fetcher
  "skypeuripreview",
  "embedly",
  "pinterestbot",
  "redditbot",
  "mastodon",
  "iframely",
];

/** Whether a request comes from a link-preview fetcher or crawler rather than a person. */
export function isPreviewCrawler(userAgent: string | undefined): boolean {
  if (!userAgent) return true; // people's browsers always send one
  const ua = userAgent.toLowerCase();
  return CRAWLER_MARKERS.some((marker) => ua.includes(marker)) || /\b(bot|crawler|spider)\b/.test(ua);
}
