import sharp from 'sharp';

/** The image types we re-encode and draw thumbnails of (what the sniffer accepts as photos). */
const photoTypes = new Set(['image/jpeg', 'image/png', 'image/webp']);

export function isPhoto(contentType: string): boolean {
  return photoTypes.has(contentType);
}

/** Longest side of a thumbnail: a list cell or a phone's grid, twice over for sharp screens. */
export const thumbnailSize = 320;

/**
 * A photo as we keep it: turned upright by its EXIF orientation and re-encoded in its own format
 * without metadata. Phone photos carry the GPS position and the device in EXIF; keeping them would
 * let anyone who can read an activity's photos see where a person was — we record no movements.
 * A picture sharp cannot decode is refused by the caller (it is not really an image).
 */
export async function stripPhotoMetadata(bytes: Buffer, contentType: string): Promise<Buffer> {
  const image = sharp(bytes, { failOn: 'error', limitInputPixels: 80_000_000 }).rotate();
  if (contentType === 'image/jpeg') return image.jpeg({ quality: 90, mozjpeg: true }).toBuffer();
  if (contentType === 'image/png') return image.png().toBuffer();
  return image.webp({ quality: 90 }).toBuffer();
}

/** A small WebP of a photo, fitted inside {@link thumbnailSize} square, never enlarged. */
export async function makeThumbnail(bytes: Buffer): Promise<Buffer> {
  return sharp(bytes, { failOn: 'error', limitInputPixels: 80_000_000 })
    .rotate()
    .resize(thumbnailSize, thumbnailSize, { fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 75 })
    .toBuffer();
}
