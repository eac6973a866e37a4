type Command<Type extends string, Fields> = Readonly<{ type: Type; staffId: string } & Fields>;

/** A staff member answers their department's line from now (until they mark away, or the local day ends). */
export type MarkAvailable = Command<'MarkAvailable', { department: string }>;
/** A staff member stops answering the line. */
export type MarkAway = Command<'MarkAway', Record<never, never>>;

export type AvailabilityCommand = MarkAvailable | MarkAway;
export type AvailabilityCommandType = AvailabilityCommand['type'];
