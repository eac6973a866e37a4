import { useContext } from 'react';
import { type Session, SessionContext } from '../session';

export const useOptionalSession = (): Session | undefined => useContext(SessionContext);
