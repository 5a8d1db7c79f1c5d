/** Text as HTML text or a quoted attribute value: every character that could end or start markup, as a reference. */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
