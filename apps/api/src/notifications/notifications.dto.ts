import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { STAFF_DELIVERY_MODES, type StaffDeliveryMode } from '@switchboard/ticketing';

const CLOCK_TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$/;

/** GET and POST /notifications/unsubscribe?token=…: the signed token of the link in a notice. */
export class UnsubscribeQueryDto {
  @IsString() @Length(8, 400) @Matches(/^[\w-]+\.[\w-]+$/, { message: 'must be the token of an unsubscribe link' }) token!: string;
}

/** The form a one-click unsubscribe sends (RFC 8058: `List-Unsubscribe=One-Click`), or the page's button. */
export class UnsubscribeFormDto {
  @ApiProperty({ name: 'List-Unsubscribe', required: false, enum: ['One-Click'] })
  @IsOptional()
  @IsIn(['One-Click'])
  'List-Unsubscribe'?: string;
}

/** PUT /notifications/preferences/me: how the caller wants to hear of tickets that need them. */
export class StaffNotificationPreferenceRequestDto {
  /** Where to write (the staff member's work address). */
  @IsEmail({}, { message: 'must be an e-mail address' }) @Length(3, 254) email!: string;
  /** `immediate`: each notice at once; `digest`: one e-mail a day at `digestTime`; `none`: nothing. */
  @ApiProperty({ enum: STAFF_DELIVERY_MODES })
  @IsIn(STAFF_DELIVERY_MODES)
  delivery!: StaffDeliveryMode;
  /** The digest's local time in the city's zone, `HH:MM` (default 07:30). */
  @IsOptional() @Matches(CLOCK_TIME, { message: 'must be a time of day, HH:MM' }) digestTime?: string;
}

const STAFF_ROLES = ['staff', 'department_head', 'director'] as const;

/** PUT /notifications/preferences/:staffId (the director): someone else's preference, with their role and department. */
export class StaffNotificationPreferenceForRequestDto extends StaffNotificationPreferenceRequestDto {
  @ApiProperty({ enum: STAFF_ROLES })
  @IsIn(STAFF_ROLES)
  role!: (typeof STAFF_ROLES)[number];
  /** Required for staff and department heads. */
  @IsOptional() @Matches(/^[A-Z0-9_-]{1,40}$/, { message: 'must be a department code' }) department?: string;
}

export class StaffNotificationPreferenceDto {
  readonly staffId!: string;
  @ApiProperty({ enum: ['staff', 'department_head', 'director', 'operator', 'resident', 'system'] })
  readonly role!: string;
  readonly department?: string;
  readonly email!: string;
  @ApiProperty({ enum: STAFF_DELIVERY_MODES })
  readonly delivery!: StaffDeliveryMode;
  readonly digestTime!: string;
  readonly updatedAt!: string;
  readonly updatedBy!: string;
}

/** GET /notifications/preferences/me: the caller's preference; absent while they have none (and get no notices). */
export class MyNotificationPreferenceDto {
  readonly staffId!: string;
  @ApiProperty({ type: StaffNotificationPreferenceDto, required: false })
  readonly preference?: StaffNotificationPreferenceDto;
}

export class StaffNotificationPreferencesDto {
  @ApiProperty({ type: [StaffNotificationPreferenceDto] })
  readonly preferences!: StaffNotificationPreferenceDto[];
}

export class NotificationChannelsDto {
  /** The channels this process sends by, in words (`e-mail on: SMTP …`, `text messages off …`). */
  readonly channels!: string[];
  readonly email!: boolean;
  readonly sms!: boolean;
}
