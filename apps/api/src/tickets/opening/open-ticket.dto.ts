import { Type } from 'class-transformer';
import { IsIn, IsLatitude, IsLongitude, IsObject, IsOptional, IsString, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import {
  CHANNELS,
  type Channel,
  LANGUAGE_CODE,
  MAX_DESCRIPTION_LENGTH,
  PRIORITIES,
  type Priority,
  UPDATE_CHANNELS,
  type UpdateChannel,
} from '@switchboard/ticketing';

/** Where the problem is: an address, coordinates, or both. */
export class LocationDto {
  @IsOptional() @IsString() @MaxLength(500) address?: string;
  @IsOptional() @IsLatitude() latitude?: number;
  @IsOptional() @IsLongitude() longitude?: number;
}

/** The resident's contact data: personal, shown only to roles that need it. */
export class ResidentContactDto {
  @IsOptional() @IsString() @MaxLength(200) name?: string;
  @IsOptional() @IsString() @MaxLength(40) phone?: string;
  @IsOptional() @IsString() @MaxLength(254) email?: string;
  /** The language the resident speaks with the city, e.g. `en`, `es`, `pt-BR`. */
  @IsOptional() @Matches(LANGUAGE_CODE, { message: 'must be a language code, e.g. en, es or pt-BR' }) language?: string;
  /** Whether and how the resident wants updates: `email` needs `email`, `sms` needs `phone`. */
  @IsOptional() @IsIn(UPDATE_CHANNELS) updates?: UpdateChannel;
}

/** POST /tickets */
export class OpenTicketDto {
  @IsString() @Length(1, 64) serviceCode!: string;
  @IsString() @Length(1, MAX_DESCRIPTION_LENGTH) description!: string;
  @IsIn(CHANNELS) channel!: Channel;
  @IsOptional() @ValidateNested() @Type(() => LocationDto) location?: LocationDto;
  @IsOptional() @ValidateNested() @Type(() => ResidentContactDto) contact?: ResidentContactDto;
  @IsOptional() @IsIn(PRIORITIES) priority?: Priority;
  /** Answers to the service's Open311 attributes, by attribute code. */
  @IsOptional() @IsObject() attributes?: Record<string, string | number | string[]>;
  /** The contact (`POST /contacts/:id/start`) the ticket is raised at; its history names the contact, and the contact must exist. */
  @IsOptional() @Matches(/^[A-Za-z0-9_-]{1,40}$/, { message: 'must be the id of a contact' }) raisedByContact?: string;
}
