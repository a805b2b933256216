/** The link-preview card's size in pixels: the renderer draws it, the page's og:image tags announce it. */
export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
