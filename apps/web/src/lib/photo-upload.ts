import type { ApiClient, CommandOptions } from './api-client';

export type PhotoVisibility = 'internal' | 'public';

/** What the API takes as photos; it judges the file by its content, this only narrows the file picker. */
export const PHOTO_ACCEPT = 'image/jpeg,image/png,image/webp,image/heic,image/heif,image/avif';

/** Attaches a photo to a ticket (POST /tickets/{id}/photos, multipart): `photo`, `visibility`, and a caption when there is one. */
export function uploadPhoto(
  api: ApiClient,
  ticketId: string,
  photo: { readonly file: File; readonly visibility: PhotoVisibility; readonly caption?: string },
  options: CommandOptions = {},
) {
  const form = new FormData();
  form.append('photo', photo.file, photo.file.name);
  form.append('visibility', photo.visibility);
  if (photo.caption?.trim()) form.append('caption', photo.caption.trim());
  return api.upload('/tickets/{id}/photos', { path: { id: ticketId } }, form, options);
}
