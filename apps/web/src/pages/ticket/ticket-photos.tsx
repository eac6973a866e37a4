import { type FormEvent, useEffect, useId, useState } from 'react';
import { ProblemNotice } from '../../components/problem-notice';
import { ApiProblem, newRequestKey } from '../../lib/api-client';
import type { Problem, TicketView } from '../../lib/api-types';
import { formatCityTime } from '../../lib/city-time';
import { PHOTO_ACCEPT, type PhotoVisibility, uploadPhoto } from '../../lib/photo-upload';
import { useSession } from '../../session';

type Photo = NonNullable<TicketView['photos']>[number];

/** A stored photo's thumbnail, fetched with the signed-in person's token; a click opens the full photo. */
function Thumbnail({ ticketId, photo }: { ticketId: string; photo: Photo }) {
  const { api } = useSession();
  const [src, setSrc] = useState<string>();
  useEffect(() => {
    const abort = new AbortController();
    let url: string | undefined;
    api
      .objectUrl('/tickets/{id}/photos/{photoId}/thumbnail', { id: ticketId, photoId: photo.attachmentId }, abort.signal)
      .then((made) => {
        url = made;
        setSrc(made);
      })
      .catch(() => undefined);
    return () => {
      abort.abort();
      if (url) URL.revokeObjectURL(url);
    };
  }, [api, ticketId, photo.attachmentId]);
  const openFull = async () => {
    const full = await api.objectUrl('/tickets/{id}/photos/{photoId}', { id: ticketId, photoId: photo.attachmentId });
    window.open(full, '_blank', 'noopener');
  };
  const alt = photo.caption ? `Photo: ${photo.caption}` : `Photo ${photo.attachmentId}`;
  return (
    <button type="button" className="photo-thumb" onClick={() => void openFull()} aria-label={`${alt} (open full size)`}>
      {src ? <img src={src} alt={alt} width={photo.thumbnail?.width} height={photo.thumbnail?.height} /> : <span aria-busy="true">Loading…</span>}
    </button>
  );
}

/**
 * The ticket's photos (thumbnails of stored ones, links to ones an Open311 app hosts), and, when the
 * API allows it, a form to attach one — e.g. of the finished work before completing the ticket.
 */
export function TicketPhotos({ ticket, onAttached }: { ticket: TicketView; onAttached: () => void }) {
  const session = useSession();
  const id = useId();
  const ticketId = ticket.ticketId ?? '';
  const photos = ticket.photos ?? [];
  const [file, setFile] = useState<File>();
  const [visibility, setVisibility] = useState<PhotoVisibility>('internal');
  const [caption, setCaption] = useState('');
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const mayAttach = ticket.allowedCommands.includes('AttachPhoto');

  const attach = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setProblem({ statusCode: 400, error: 'InvalidRequest', message: '', problems: [{ field: 'photo', message: 'is required: choose a photo' }] });
      return;
    }
    setSending(true);
    setProblem(undefined);
    try {
      await uploadPhoto(session.api, ticketId, { file, visibility, caption }, { revision: ticket.revision, idempotencyKey: newRequestKey() });
      setFile(undefined);
      setCaption('');
      (event.target as HTMLFormElement).reset();
      onAttached();
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      setProblem(error.problem);
    } finally {
      setSending(false);
    }
  };

  if (photos.length === 0 && !mayAttach) return null;
  return (
    <section aria-labelledby={`${id}-heading`} className="ticket-photos">
      <h2 id={`${id}-heading`}>Photos</h2>
      {photos.length === 0 ? (
        <p>No photos yet.</p>
      ) : (
        <ul className="photos">
          {photos.map((photo) => (
            <li key={photo.attachmentId}>
              {photo.source === 'upload' ? (
                <Thumbnail ticketId={ticketId} photo={photo} />
              ) : (
                <a href={photo.url} target="_blank" rel="noopener noreferrer">
                  Photo hosted by the resident’s app
                </a>
              )}
              <p>
                {photo.caption && <strong>{photo.caption} · </strong>}
                {photo.visibility === 'public' ? 'Public (shown on Open311)' : 'Internal'} · {photo.attachedBy},{' '}
                {formatCityTime(session.catalog.timeZone, photo.attachedAt)}
                {photo.location && ` · taken at ${photo.location.latitude}, ${photo.location.longitude}`}
              </p>
            </li>
          ))}
        </ul>
      )}
      {mayAttach && (
        <form onSubmit={(e) => void attach(e)} noValidate className="photo-form">
          <div className="field">
            <label htmlFor={`${id}-file`}>Attach a photo</label>
            <input id={`${id}-file`} type="file" accept={PHOTO_ACCEPT} onChange={(e) => setFile(e.target.files?.[0])} aria-describedby={`${id}-hint`} />
            <p className="hint" id={`${id}-hint`}>
              e.g. the finished work, before you complete or close the ticket. JPEG, PNG, WebP or HEIC; the location in it is kept for staff only.
            </p>
          </div>
          <div className="inline">
            <div className="field">
              <label htmlFor={`${id}-visibility`}>Who may see it</label>
              <select id={`${id}-visibility`} value={visibility} onChange={(e) => setVisibility(e.target.value as PhotoVisibility)}>
                <option value="internal">City staff only</option>
                <option value="public">Public (residents’ apps, Open311)</option>
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-caption`}>Caption</label>
              <input id={`${id}-caption`} type="text" maxLength={500} value={caption} onChange={(e) => setCaption(e.target.value)} />
            </div>
          </div>
          <ProblemNotice problem={problem} action={`attach a photo to ${ticketId}`} />
          <div className="actions">
            <button type="submit" disabled={sending}>
              {sending ? 'Attaching…' : 'Attach the photo'}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
