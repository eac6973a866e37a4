/** A city department that owns services and works their tickets. */
export interface Department {
  code: string;
  name: string;
  phone?: string;
  email?: string;
  /** The department's own phone line is answered by 311. */
  mainLineRoutedTo311?: boolean;
}
